package ssgan.train;

/**
 * Scalar results of one iteration. {@code featureMatching} is the generator's loss: feature matching, or the GAN
 * loss in the minibatch ablation. The unsupervised and generator terms are 0 in supervised mode.
 */
public record StepLosses(float supervised, float unsupervised, float featureMatching, int trainErrors) {
    public boolean finite() {
        return Float.isFinite(supervised) && Float.isFinite(unsupervised) && Float.isFinite(featureMatching);
    }
}
