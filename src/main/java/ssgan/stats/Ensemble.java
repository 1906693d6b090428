package ssgan.stats;

import ssgan.data.ErrorUnit;
import ssgan.metrics.Misclassified;
import ssgan.results.Predictions;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ensembles of a cell's finished runs, formed after the fact from their predictions.bin.gz: an ensemble predicts
 * the argmax of its members' mean class probabilities. The paper's ensemble row uses 10 models; with at least 20
 * runs this reports mean ± std over disjoint ensembles of 10 (members in seed order), and always the one ensemble
 * of all runs that have predictions.
 *
 * @param members            runs whose predictions entered the ensemble of all
 * @param withoutPredictions finished runs with no predictions file (older runs, or a run still being written)
 * @param average            error of the ensemble of all members, averaged D, paper unit (NaN without members)
 * @param raw                the same for the raw D
 * @param groupsAverage      errors of the disjoint ensembles of {@link #GROUP_SIZE}, averaged D (n = 0 below 20 runs)
 * @param groupsRaw          the same for the raw D
 * @param problems           unreadable or mismatching prediction files, left out
 */
public record Ensemble(int members, int withoutPredictions, double average, double raw, SampleStats groupsAverage,
                       SampleStats groupsRaw, List<String> problems) {

    /** The paper's ensemble size ("Ensemble of 10 Improved GAN models"). */
    public static final int GROUP_SIZE = 10;

    /** Reads a run's predictions; empty when the run has none. */
    public static final Function<RunResult, Optional<Predictions>> FROM_FILES = run ->
            Files.isRegularFile(run.predictionsFile()) ? Optional.of(Predictions.read(run.predictionsFile()))
                    : Optional.empty();

    public boolean isEmpty() { return members == 0; }

    /** Whether there were enough runs for disjoint ensembles of {@link #GROUP_SIZE}. */
    public boolean hasGroups() { return groupsAverage.n() > 0; }

    public static Ensemble of(List<RunResult> finished, ErrorUnit unit,
                              Function<RunResult, Optional<Predictions>> source) {
        List<RunResult> ordered = finished.stream().sorted(Comparator
                .comparingInt(RunResult::seed).thenComparing(RunResult::runId)).toList();
        List<String> problems = new ArrayList<>();
        Sum all = null;
        List<Sum> groups = new ArrayList<>();
        int members = 0;
        int missing = 0;
        for (RunResult run : ordered) {
            Optional<Predictions> read;
            try {
                read = source.apply(run);
            } catch (RuntimeException e) {
                problems.add(run.runId() + ": " + e.getMessage());
                continue;
            }
            if (read.isEmpty()) {
                missing++;
                continue;
            }
            Predictions p = read.get();
            if (all == null) {
                all = new Sum(p);
            } else if (!all.fits(p)) {
                problems.add(run.runId() + ": predictions of a different test set (" + p.count() + " x "
                        + p.classes() + "), left out of the ensemble");
                continue;
            }
            all.add(p);
            // Members are grouped in the order they come; the last, incomplete group is dropped below.
            if (members % GROUP_SIZE == 0) {
                groups.add(new Sum(p));
            }
            groups.get(groups.size() - 1).add(p);
            members++;
        }
        if (all == null) {
            return new Ensemble(0, missing, Double.NaN, Double.NaN, SampleStats.of(), SampleStats.of(),
                    List.copyOf(problems));
        }
        // Fewer than two full groups: one ensemble of all runs says as much as one group would.
        List<Sum> full = members >= 2 * GROUP_SIZE ? groups.subList(0, members / GROUP_SIZE) : List.of();
        return new Ensemble(members, missing, all.errorAverage(unit), all.errorRaw(unit),
                SampleStats.of(full.stream().mapToDouble(s -> s.errorAverage(unit)).toArray()),
                SampleStats.of(full.stream().mapToDouble(s -> s.errorRaw(unit)).toArray()), List.copyOf(problems));
    }

    /** Summed probabilities of some members (the mean has the same argmax). */
    private static final class Sum {
        private final int classes;
        private final int[] labels;
        private final float[] raw;
        private final float[] averaged;

        Sum(Predictions first) {
            classes = first.classes();
            labels = first.labels();
            raw = new float[first.raw().length];
            averaged = new float[first.averaged().length];
        }

        boolean fits(Predictions p) {
            return p.classes() == classes && Arrays.equals(p.labels(), labels);
        }

        void add(Predictions p) {
            for (int i = 0; i < raw.length; i++) {
                raw[i] += p.raw()[i];
                averaged[i] += p.averaged()[i];
            }
        }

        double errorAverage(ErrorUnit unit) { return unit.of(errors(averaged), labels.length); }

        double errorRaw(ErrorUnit unit) { return unit.of(errors(raw), labels.length); }

        private int errors(float[] sums) {
            return Misclassified.count(sums, labels, classes);
        }
    }
}
