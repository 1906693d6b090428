package ssgan.train;

/** Scalar results of one iteration (the unsupervised and feature-matching terms are 0 in supervised mode). */
public record StepLosses(float supervised, float unsupervised, float featureMatching, int trainErrors) {
    public boolean finite() {
        return Float.isFinite(supervised) && Float.isFinite(unsupervised) && Float.isFinite(featureMatching);
    }
}
