package ssgan.metrics;

/**
 * One epoch's record. Losses and the train error are means over the epoch's iterations; test errors are on the
 * whole test set with the raw discriminator and with its moving average. The authors' average starts at zero
 * without correction, so it is shrunk for the first ~1/rate updates (17 % zero after 30 MNIST epochs): the third
 * error, of the same average divided by 1 - (1 - rate)^n, gives budget runs a meaningful averaged figure.
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
        double iterationsPerSecond,     // training iterations only
        Integer testErrorsAverageCorrected) { // bias-corrected average (a deviation); null in older runs and when
                                              // the run's own average is already corrected or starts at D's weights

    public double testErrorRaw() { return (double) testErrorsRaw / testCount; }
    public double testErrorAverage() { return (double) testErrorsAverage / testCount; }

    public boolean hasCorrected() { return testErrorsAverageCorrected != null; }
}
