package ssgan.metrics;

/**
 * One epoch's record. Losses and the train error are means over the epoch's iterations; test errors are on the
 * whole test set with the raw discriminator and with its moving average.
 */
public record EpochMetrics(
        int epoch,                     // 1-based
        double lossSupervised,
        double lossUnsupervised,
        double lossFeatureMatching,
        double trainError,             // fraction of the labeled batches misclassified
        int testErrorsRaw,             // misclassified test images, raw D
        int testErrorsAverage,         // misclassified test images, averaged D
        int testCount,
        double seconds,                // wall time of the epoch, evaluation included
        double iterationsPerSecond) {  // training iterations only

    public double testErrorRaw() { return (double) testErrorsRaw / testCount; }
    public double testErrorAverage() { return (double) testErrorsAverage / testCount; }
}
