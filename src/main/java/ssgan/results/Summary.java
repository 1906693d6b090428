package ssgan.results;

import ssgan.metrics.EpochMetrics;

/**
 * summary.json: the final result of a finished run, in the paper's units.
 *
 * @param epochs           epochs trained
 * @param testErrorsAverage  misclassified test images of the averaged D at the last epoch (the paper's number)
 * @param seconds          total training wall time, all sittings together
 */
public record Summary(String experiment, String runId, RunState state, int epochs, int epochsTarget,
                      int testErrorsRaw, int testErrorsAverage, int testCount, double seconds,
                      double secondsPerEpoch, EpochMetrics last) {}
