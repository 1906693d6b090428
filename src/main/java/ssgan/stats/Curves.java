package ssgan.stats;

import ssgan.data.ErrorUnit;
import ssgan.metrics.EpochMetrics;

import java.util.List;

/**
 * The per-epoch bands of a cell: the three training losses and the test error of the raw, the averaged and the
 * bias-corrected averaged D (the last only over runs that recorded it).
 */
public record Curves(Band lossSupervised, Band lossUnsupervised, Band lossFeatureMatching, Band testRaw,
                     Band testAverage, Band testCorrected) {

    static Curves of(List<RunResult> runs, ErrorUnit unit) {
        List<List<EpochMetrics>> metrics = runs.stream().map(RunResult::metrics).filter(m -> !m.isEmpty())
                .toList();
        return new Curves(
                Band.over(metrics, EpochMetrics::lossSupervised),
                Band.over(metrics, EpochMetrics::lossUnsupervised),
                Band.over(metrics, EpochMetrics::lossFeatureMatching),
                Band.over(metrics, m -> unit.of(m.testErrorsRaw(), m.testCount())),
                Band.over(metrics, m -> unit.of(m.testErrorsAverage(), m.testCount())),
                Band.over(metrics, m -> m.hasCorrected() ? unit.of(m.testErrorsAverageCorrected(), m.testCount())
                        : Double.NaN));
    }
}
