package ssgan.results;

import ssgan.metrics.EpochMetrics;

import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A restart from epoch 0 (as {@link Provenance.Restart} recorded it) set against its replay: every epoch present in
 * both the kept record (metrics-lost-N.jsonl) and metrics.jsonl, compared bit for bit on every recorded field but
 * the timings (seconds, iterations per second). A field one side did not record (the bias-corrected error of an
 * older run) is not compared for that epoch and is counted in {@link #unrecorded()}.
 *
 * @param restart    the restart, as provenance.json recorded it
 * @param keptFound  whether the file that keeps the lost epochs exists
 * @param keptEpochs the epochs in that file
 * @param compared   the epochs present in both records, in order
 * @param first      the first difference, or null when every compared epoch is bit-identical
 * @param unrecorded per field, the compared epochs where one side did not record it
 */
public record Replay(Provenance.Restart restart, boolean keptFound, int keptEpochs, List<Integer> compared,
                     Difference first, Map<String, Integer> unrecorded) {

    /** Where the replay first departs from the kept record. */
    public record Difference(int epoch, String field, String kept, String replay) {
        /** "first differs at epoch 12 (field trainError: kept 0.031, replay 0.032)". */
        String text() {
            return "first differs at epoch " + epoch + " (field " + field + ": kept " + kept + ", replay " + replay
                    + ")";
        }
    }

    /** The fields compared, in the order a difference is looked for within an epoch. */
    static final Map<String, Function<EpochMetrics, Object>> FIELDS = fields();

    private static Map<String, Function<EpochMetrics, Object>> fields() {
        Map<String, Function<EpochMetrics, Object>> f = new LinkedHashMap<>();
        f.put("lossSupervised", EpochMetrics::lossSupervised);
        f.put("lossUnsupervised", EpochMetrics::lossUnsupervised);
        f.put("lossFeatureMatching", EpochMetrics::lossFeatureMatching);
        f.put("trainError", EpochMetrics::trainError);
        f.put("testErrorsRaw", EpochMetrics::testErrorsRaw);
        f.put("testErrorsAverage", EpochMetrics::testErrorsAverage);
        f.put("testErrorsAverageCorrected", EpochMetrics::testErrorsAverageCorrected);
        f.put("testCount", EpochMetrics::testCount);
        return Collections.unmodifiableMap(f);
    }

    /** Each of the run's restarts against its replay, oldest first (none for a run never restarted). */
    public static List<Replay> of(RunDirectory dir, Provenance provenance) {
        if (provenance == null || provenance.restartList().isEmpty()) {
            return List.of();
        }
        List<EpochMetrics> replay = IntactMetrics.read(dir.metricsFile()).rows(); // a damaged line costs only itself
        List<Replay> out = new ArrayList<>();
        for (Provenance.Restart r : provenance.restartList()) {
            boolean found = r.metricsKept() != null && Files.isRegularFile(dir.path().resolve(r.metricsKept()));
            out.add(compare(r, found, found ? IntactMetrics.read(dir.path().resolve(r.metricsKept())).rows()
                    : List.of(), replay));
        }
        return out;
    }

    /** Compares the kept record of {@code restart} with the replay. */
    public static Replay compare(Provenance.Restart restart, boolean keptFound, List<EpochMetrics> kept,
                                 List<EpochMetrics> replay) {
        Map<Integer, EpochMetrics> byEpoch = new TreeMap<>();
        replay.forEach(m -> byEpoch.put(m.epoch(), m));
        List<Integer> compared = new ArrayList<>();
        Difference first = null;
        Map<String, Integer> unrecorded = new TreeMap<>();
        for (EpochMetrics k : kept) {
            EpochMetrics r = byEpoch.get(k.epoch());
            if (r == null) {
                continue;
            }
            compared.add(k.epoch());
            for (Map.Entry<String, Function<EpochMetrics, Object>> f : FIELDS.entrySet()) {
                Object a = f.getValue().apply(k);
                Object b = f.getValue().apply(r);
                if (a == null || b == null) {
                    if (a != null || b != null) {
                        unrecorded.merge(f.getKey(), 1, Integer::sum);
                    }
                } else if (first == null && !identical(a, b)) {
                    first = new Difference(k.epoch(), f.getKey(), String.valueOf(a), String.valueOf(b));
                }
            }
        }
        return new Replay(restart, keptFound, kept.size(), List.copyOf(compared), first, unrecorded);
    }

    /** Bit for bit: doubles by their bits (so -0.0 differs from 0.0, and NaN equals NaN), integers by value. */
    private static boolean identical(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y);
        }
        return a.equals(b);
    }

    public boolean identical() {
        return keptFound && !compared.isEmpty() && first == null;
    }

    /**
     * "replayed epochs 1-179 bit-identical to the kept record", or "first differs at epoch 12 (field trainError:
     * kept 0.031, replay 0.032)", with what could not be compared.
     */
    public String text() {
        if (!keptFound) {
            return "the kept record " + restart.metricsKept() + " is missing: the replay cannot be compared";
        }
        if (compared.isEmpty()) {
            return keptEpochs == 0 ? "the kept record is empty: nothing to compare"
                    : "no epoch replayed yet: nothing to compare";
        }
        StringBuilder s = new StringBuilder();
        if (first == null) {
            s.append("replayed epochs ").append(span()).append(" bit-identical to the kept record");
        } else {
            s.append("replayed epochs ").append(span()).append(": ").append(first.text());
        }
        List<String> also = new ArrayList<>();
        unrecorded.forEach((field, n) -> also.add(field + " recorded by one side only in " + n + " of them"));
        if (compared.size() < keptEpochs) {
            also.add((keptEpochs - compared.size()) + " kept epoch(s) not replayed yet");
        }
        if (!also.isEmpty()) {
            s.append(" (").append(String.join("; ", also)).append(")");
        }
        return s.toString();
    }

    /** "bit-identical over 179 epochs", or "first differs at epoch 12 (field …)": for the index's cell notes. */
    public String shortText() {
        if (!keptFound || compared.isEmpty()) {
            return text();
        }
        return first == null ? "replay bit-identical over " + compared.size() + " epochs"
                : "replay " + first.text();
    }

    /** "1-179" for contiguous epochs, else the first and last and how many. */
    String span() {
        int lo = compared.get(0);
        int hi = compared.get(compared.size() - 1);
        String range = lo == hi ? String.valueOf(lo) : lo + "-" + hi;
        return hi - lo + 1 == compared.size() ? range : range + " (" + compared.size() + " of them)";
    }

    /** Why, shortened for a one-line note: "checkpoint lost at epoch 179", "on purpose". */
    public String shortReason() {
        String reason = restart.reason() == null ? "no reason recorded" : restart.reason();
        String prefix = "restarted from epoch 0 ";
        if (reason.startsWith(prefix)) {
            reason = reason.substring(prefix.length());
        }
        int cut = reason.length();
        for (String stop : new String[] {" (", ":"}) {
            int i = reason.indexOf(stop);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return reason.substring(0, cut);
    }

    /** When, to the second: "2026-12-04T03:15:35Z" (as recorded when it does not parse). */
    public String when() {
        try {
            return Instant.parse(restart.at()).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException | NullPointerException e) {
            return String.valueOf(restart.at());
        }
    }
}
