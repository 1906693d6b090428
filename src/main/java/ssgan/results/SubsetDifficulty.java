package ssgan.results;

import java.util.Arrays;
import java.util.Map;

/**
 * subset.json: how hard a run's labeled subset is, as a classifier that sees nothing else finds it. A
 * 1-nearest-neighbour classifier (Euclidean, on the scaled pixels) is given the run's labeled images alone and
 * classifies the test set; the same is done for the subsets the harness would pick for {@code seed_data}
 * {@code referenceFirstSeed} onwards, so the run's figure reads as a rank among random class-balanced subsets of
 * its size. With two labels per class the subset is a lottery, and this says whether a run drew a bad ticket.
 * Nothing here trains: the figure depends only on the data, the label count and the data seed.
 *
 * @param labels             labeled images in the subset
 * @param seedData           the run's data seed (picks the subset)
 * @param testErrors         test images the 1-NN classifier gets wrong, on the run's test set
 * @param testCount          size of that test set
 * @param referenceFirstSeed the data seed of the first reference subset; the others follow it one by one
 * @param referenceErrors    the same classifier's test errors for each reference subset, in seed order
 * @param dataChecksums      of the dataset files the figures come from
 * @param gitCommit          the code that computed it
 * @param computedAt         ISO-8601 instant
 */
public record SubsetDifficulty(String method, int labels, long seedData, int testErrors, int testCount,
                               long referenceFirstSeed, int[] referenceErrors, Map<String, String> dataChecksums,
                               String gitCommit, String computedAt) {

    public static final String METHOD = "1-nearest-neighbour on the labeled images alone (Euclidean distance on the"
            + " scaled pixels; ties go to the first labeled image)";

    public int referenceDraws() {
        return referenceErrors.length;
    }

    /**
     * The run's rank among the reference subsets, in percent: the share with fewer test errors, ties counted half.
     * 100: every reference subset was easier; 50: a typical subset.
     */
    public double percentile() {
        double below = 0;
        for (int e : referenceErrors) {
            below += e < testErrors ? 1 : e == testErrors ? 0.5 : 0;
        }
        return referenceErrors.length == 0 ? Double.NaN : 100.0 * below / referenceErrors.length;
    }

    /** The reference errors' q-quantile, q in [0, 1] (linear between order statistics). */
    public double referenceQuantile(double q) {
        if (referenceErrors.length == 0) {
            return Double.NaN;
        }
        int[] sorted = referenceErrors.clone();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
