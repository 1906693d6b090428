package ssgan.stats;

import ssgan.metrics.EpochMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Signs that a run went wrong, read from its metrics.jsonl and samples.png. A flagged run stays a result (it is
 * never rerun or dropped silently); the report shows cell statistics with and without flagged runs.
 *
 * <p>Thresholds, each set with a margin against the committed 30-epoch MNIST runs (whose one collapsed run,
 * labels 50 seed 2, must be flagged and whose healthy runs must not):
 * <ul>
 *   <li>{@link Check#FEATURE_MATCHING_BLOWUP}: the feature-matching loss stays above {@value #BLOWUP_FACTOR} times
 *   its running minimum for {@value #BLOWUP_EPOCHS} epochs in a row, or is there at the last epoch. Healthy runs
 *   show single-epoch spikes up to ~12x that recover (labels 100 seed 1: 23.6 against 2.0); the collapsed run
 *   stayed 35-230x above from epoch 12 on.</li>
 *   <li>{@link Check#SAMPLE_COLLAPSE}: the samples' mean pairwise distance is below {@value #DIVERSITY_RATIO} of
 *   real images' ({@link SampleDiversity}).</li>
 *   <li>{@link Check#D_OVERPOWERS_G}: the last epoch's unsupervised loss is below {@value #UNSUPERVISED_FLOOR}
 *   (healthy runs: 0.08 at epoch 1, then 0.13-0.47; the collapsed run: 1e-6).</li>
 *   <li>{@link Check#TEST_ERROR_RISING}: the raw D's mean test error over the last max(3, epochs/10) epochs is
 *   more than {@value #RISE_FACTOR} times its best before them (healthy runs: at most 1.26, at 20 labels, whose
 *   errors swing by 15 % from epoch to epoch; the collapsed run: 1.43). The raw D, because the zero-started
 *   average is still falling in short runs whatever happens.</li>
 * </ul>
 */
public record RunHealth(List<Finding> findings, OptionalDouble diversityRatio) {
    static final double BLOWUP_FACTOR = 10;
    static final int BLOWUP_EPOCHS = 3;
    static final double DIVERSITY_RATIO = 0.5;
    static final double UNSUPERVISED_FLOOR = 0.01;
    static final double RISE_FACTOR = 1.3;

    public enum Check {
        FEATURE_MATCHING_BLOWUP("collapse: feature matching blew up"),
        SAMPLE_COLLAPSE("collapse: samples alike"),
        D_OVERPOWERS_G("D overpowers G"),
        TEST_ERROR_RISING("test error rising");

        private final String label;

        Check(String label) {
            this.label = label;
        }

        public String label() { return label; }

        public String slug() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    /** One failed check, with the numbers behind it. */
    public record Finding(Check check, String detail) {
        public String text() { return check.label() + " (" + detail + ")"; }
    }

    public static final RunHealth UNKNOWN = new RunHealth(List.of(), OptionalDouble.empty());

    public boolean flagged() { return !findings.isEmpty(); }

    /** "collapse: feature matching blew up; D overpowers G", or "healthy". */
    public String summary() {
        return flagged() ? String.join("; ", findings.stream().map(f -> f.check().label()).toList()) : "healthy";
    }

    /**
     * @param diversity the samples' mean pairwise distance, if the run has samples
     * @param reference the same measure on real images of the dataset, if known
     */
    public static RunHealth of(List<EpochMetrics> metrics, OptionalDouble diversity, OptionalDouble reference) {
        List<Finding> findings = new ArrayList<>();
        featureMatchingBlowup(metrics).ifPresent(findings::add);
        OptionalDouble ratio = diversity.isPresent() && reference.isPresent()
                ? OptionalDouble.of(diversity.getAsDouble() / reference.getAsDouble()) : OptionalDouble.empty();
        if (ratio.isPresent() && ratio.getAsDouble() < DIVERSITY_RATIO) {
            findings.add(new Finding(Check.SAMPLE_COLLAPSE, String.format(Locale.ROOT,
                    "mean pairwise distance of the samples %.2f of real images'", ratio.getAsDouble())));
        }
        if (!metrics.isEmpty()) {
            double last = metrics.get(metrics.size() - 1).lossUnsupervised();
            if (last < UNSUPERVISED_FLOOR) {
                findings.add(new Finding(Check.D_OVERPOWERS_G, String.format(Locale.ROOT,
                        "unsupervised loss %.2g at the last epoch", last)));
            }
        }
        risingError(metrics).ifPresent(findings::add);
        return new RunHealth(List.copyOf(findings), ratio);
    }

    private static Optional<Finding> featureMatchingBlowup(List<EpochMetrics> metrics) {
        // a streak's values all exceed 10x the running minimum, so the minimum cannot move during one
        double min = Double.POSITIVE_INFINITY;
        int streak = 0;
        for (int i = 0; i < metrics.size(); i++) {
            double fm = metrics.get(i).lossFeatureMatching();
            streak = i > 0 && fm > BLOWUP_FACTOR * min ? streak + 1 : 0;
            if (streak >= BLOWUP_EPOCHS || (streak > 0 && i == metrics.size() - 1)) {
                int from = metrics.get(i - streak + 1).epoch();
                return Optional.of(new Finding(Check.FEATURE_MATCHING_BLOWUP, String.format(
                        Locale.ROOT, "from epoch %d above %.0fx its running minimum %.3g; %.3g at the last epoch",
                        from, BLOWUP_FACTOR, min, metrics.get(metrics.size() - 1).lossFeatureMatching())));
            }
            min = Math.min(min, fm);
        }
        return Optional.empty();
    }

    private static Optional<Finding> risingError(List<EpochMetrics> metrics) {
        int window = Math.max(3, metrics.size() / 10);
        if (metrics.size() <= window) {
            return Optional.empty();
        }
        int before = metrics.size() - window;
        int best = metrics.subList(0, before).stream().mapToInt(EpochMetrics::testErrorsRaw).min().orElseThrow();
        double end = metrics.subList(before, metrics.size()).stream().mapToInt(EpochMetrics::testErrorsRaw)
                .average().orElseThrow();
        if (best > 0 && end > RISE_FACTOR * best) {
            return Optional.of(new Finding(Check.TEST_ERROR_RISING, String.format(Locale.ROOT,
                    "raw D: %.0f errors over the last %d epochs against its best %d before them", end, window,
                    best)));
        }
        return Optional.empty();
    }
}
