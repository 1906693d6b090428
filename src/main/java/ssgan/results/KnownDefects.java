package ssgan.results;

import ssgan.config.Settings;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fixed defects of the trainer that could have changed a run's numbers, the one list of them. A run whose training
 * began before a fix was committed trained (at least partly) without it; the report marks it "trained before fix
 * 1d69336: numbers may be affected" on its run page and in its cell, and does not count it as a result of the method.
 *
 * <p>"Before" is read from the run's provenance alone, so that the report needs no git history (a fresh shallow
 * clone has none): the start of the training that made its metrics, against the fix's commit date hard-coded here.
 * That start is the earliest recorded sitting since the last restart from epoch 0; when sittings predate the
 * recorded history, the first one began no later than the top-level {@code startedAt} (the latest sitting's) and no
 * later than {@code endedAt} minus the training's seconds. Code committed after a sitting began cannot have run in
 * it, so a mark is certain; a run started after the fix on an older checkout is not caught (the recorded commit
 * could tell, but only with the history at hand).
 *
 * <p>A mark is lifted by evidence, not by argument: a {@link Clearance} names a run trained after the fix that
 * reproduces the marked run's every epoch bit for bit (ssgan.stats.DefectClearance finds it).
 */
public final class KnownDefects {

    /**
     * @param commit the fixing commit, short; @param date its commit date; @param defect what it fixed
     * @param models the models that could meet the defect, empty for all; @param cpuOnly whether only CPU runs could
     */
    public record Fix(String commit, Instant date, String defect, Set<Settings.Model> models, boolean cpuOnly) {
        /** "trained before fix 1d69336: numbers may be affected". */
        public String mark() {
            return "trained before fix " + commit + ": numbers may be affected";
        }

        /** Whether a run of these settings on this device could have met the defect; unknown counts as could. */
        boolean concerns(Settings settings, Provenance provenance) {
            boolean model = models.isEmpty() || settings == null || models.contains(settings.model());
            String device = provenance == null ? null : provenance.device();
            boolean onDevice = !cpuOnly || device == null || !device.startsWith("gpu");
            return model && onDevice;
        }
    }

    /**
     * Evidence that a fix did not touch a run that predates it: every recorded epoch of the run is bit-identical to
     * the same epoch of {@code witness}, a run of the same settings (its epoch budget aside) trained after the fix.
     */
    public record Clearance(Fix fix, String witness, int epochs) {
        /** "trained before fix 1d69336, but its 30 epochs are bit-identical to those of mnist-paper/…, trained after it". */
        public String text() {
            return "trained before fix " + fix.commit() + ", but its " + epochs + " epoch(s) are bit-identical to those of "
                    + witness + ", trained after it: the fix did not change its numbers";
        }
    }

    public static final List<Fix> FIXES = List.of(
            new Fix("1d69336", Instant.parse("2026-11-30T02:42:36Z"),
                    "constants of the autograd graph lived in freed Java memory (a use-after-free that could put NaN"
                            + " or garbage in the gradients)", Set.of(), false),
            new Fix("c88c462", Instant.parse("2026-12-06T12:11:00Z"),
                    "oneDNN gave the CIFAR generator's 12-channel output convolution a wrong input gradient on the CPU,"
                            + " so every generator layer below it learnt from a wrong gradient",
                    Set.of(Settings.Model.CIFAR_CNN), true));

    private KnownDefects() {}

    /**
     * The fixes of defects a run of these settings could meet that its training predates, oldest first; none when
     * it recorded no provenance.
     */
    public static List<Fix> predating(Settings settings, Provenance provenance, double trainingSeconds) {
        Optional<Instant> start = trainingStart(provenance, trainingSeconds);
        List<Fix> out = new ArrayList<>();
        start.ifPresent(s -> FIXES.stream().filter(f -> s.isBefore(f.date()) && f.concerns(settings, provenance))
                .forEach(out::add));
        return List.copyOf(out);
    }

    /** The latest time the training behind the run's metrics can have begun; empty when nothing says. */
    static Optional<Instant> trainingStart(Provenance p, double trainingSeconds) {
        if (p == null) {
            return Optional.empty();
        }
        List<Provenance.Sitting> sittings = p.sittingList();
        int from = 0;
        for (int i = 0; i < sittings.size(); i++) {
            if (isFresh(sittings.get(i))) {
                from = i;
            }
        }
        boolean unrecorded = p.unrecordedSittings() > 0 && (sittings.isEmpty() || !isFresh(sittings.get(from)));
        List<Instant> bounds = new ArrayList<>();
        sittings.subList(from, sittings.size()).forEach(s -> parse(s.startedAt()).ifPresent(bounds::add));
        if (sittings.isEmpty() || unrecorded) {
            parse(p.startedAt()).ifPresent(bounds::add);
        }
        if (unrecorded && trainingSeconds > 0) {
            parse(p.endedAt()).ifPresent(end -> bounds.add(end.minusMillis((long) (trainingSeconds * 1000))));
        }
        return bounds.stream().min(Instant::compareTo);
    }

    private static boolean isFresh(Provenance.Sitting s) {
        return s.fromEpoch() != null && s.fromEpoch() == 0;
    }

    private static Optional<Instant> parse(String at) {
        try {
            return at == null ? Optional.empty() : Optional.of(Instant.parse(at));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
