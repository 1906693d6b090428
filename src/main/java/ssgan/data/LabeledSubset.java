package ssgan.data;

import java.util.SplittableRandom;

/**
 * The class-balanced labeled subset of the paper's protocol (spec §2.1 / §3.1): permute all training indices with
 * the data seed, then take, for each class in turn, the first count/K images of that class in permuted order.
 * The seed picks only the subset; everything else is driven by the model seed.
 *
 * @param indices      the chosen training indices, class 0's first (each class in permuted order), count in all
 * @param permutation  the seed-data permutation of all training indices; its first N entries are the images of
 *                     the MNIST data-dependent initialisation
 */
public record LabeledSubset(int[] indices, int[] permutation) {

    /**
     * @param labels    labels of the whole training set
     * @param classes   number of classes K
     * @param count     total number of labels wanted; must be a multiple of K
     * @param seedData  the data seed ({@code seed_data} in the original code), drawn with Java's SplittableRandom
     */
    public static LabeledSubset select(int[] labels, int classes, int count, long seedData) {
        return select(labels, classes, count, Shuffles.permutation(labels.length, new SplittableRandom(seedData)));
    }

    /**
     * The subset a given permutation of all training indices picks, e.g. NumPy's ({@link NumpyRandomState}), which
     * picks the authors' own subset for the same seed_data.
     */
    public static LabeledSubset select(int[] labels, int classes, int count, int[] permutation) {
        if (permutation.length != labels.length) {
            throw new IllegalArgumentException("a permutation of " + permutation.length + " indices for "
                    + labels.length + " training images");
        }
        if (classes <= 0 || count <= 0 || count % classes != 0) {
            throw new IllegalArgumentException("labeled count " + count + " must be a positive multiple of the "
                    + classes + " classes (the subset is class-balanced)");
        }
        int perClass = count / classes;

        int[][] chosen = new int[classes][perClass];
        int[] taken = new int[classes];
        for (int idx : permutation) {
            int y = labels[idx];
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException("label " + y + " at index " + idx + " outside [0, " + classes + ")");
            }
            if (taken[y] < perClass) {
                chosen[y][taken[y]++] = idx;
            }
        }
        int[] indices = new int[count];
        for (int c = 0; c < classes; c++) {
            if (taken[c] < perClass) {
                throw new IllegalArgumentException("class " + c + " has only " + taken[c] + " images; " + perClass
                        + " needed for " + count + " balanced labels");
            }
            System.arraycopy(chosen[c], 0, indices, c * perClass, perClass);
        }
        return new LabeledSubset(indices, permutation);
    }
}
