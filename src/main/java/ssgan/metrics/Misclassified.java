package ssgan.metrics;

/** The error count every test error in the project is made of: training evaluates with it, ensembles re-count with it. */
public final class Misclassified {
    private Misclassified() {}

    /** Misclassified images when predicting the argmax (first on ties) of each row of scores (probabilities or logits). */
    public static int count(float[] scores, int[] labels, int classes) {
        int errors = 0;
        for (int i = 0; i < labels.length; i++) {
            errors += argmax(scores, i, classes) == labels[i] ? 0 : 1;
        }
        return errors;
    }

    /** The predicted class of row {@code row} of row-major scores: the argmax, first on ties. */
    public static int argmax(float[] scores, int row, int classes) {
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (scores[row * classes + k] > scores[row * classes + best]) {
                best = k;
            }
        }
        return best;
    }
}
