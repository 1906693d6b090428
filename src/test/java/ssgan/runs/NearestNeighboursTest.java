package ssgan.runs;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import ssgan.train.TrainingData;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 1-NN classifier of SubsetCheck against distances worked out by hand, across test blocks. */
class NearestNeighboursTest {
    /**
     * Training points (0,0)→0, (10,0)→1, (0,10)→2, (10,10)→1. Test points, repeated 1125 times (4500 in all, three
     * blocks): (1,1) class 0, (9,1) class 1, (1,9) class 0, (6,6) class 2.
     */
    private static TrainingData points() {
        float[] train = {0, 0, 10, 0, 0, 10, 10, 10};
        int[] trainLabels = {0, 1, 2, 1};
        float[] pattern = {1, 1, 9, 1, 1, 9, 6, 6};
        int[] patternLabels = {0, 1, 0, 2};
        int repeats = 1125;
        float[] test = new float[repeats * pattern.length];
        int[] testLabels = new int[repeats * patternLabels.length];
        for (int r = 0; r < repeats; r++) {
            System.arraycopy(pattern, 0, test, r * pattern.length, pattern.length);
            System.arraycopy(patternLabels, 0, testLabels, r * patternLabels.length, patternLabels.length);
        }
        return new TrainingData(train, trainLabels, 4, test, testLabels, testLabels.length, 2, 3, new int[] {0, 1},
                new int[0]);
    }

    @Test
    void countsTestPointsWhoseNearestLabeledPointHasAnotherLabel() {
        try (NDManager m = NDManager.newBaseManager(); NearestNeighbours nn = new NearestNeighbours(m, points())) {
            // all four: (1,9) is nearest (0,10), class 2, wrong; (6,6) nearest (10,10), class 1, wrong
            assertEquals(2 * 1125, nn.testErrors(new int[] {0, 1, 2, 3}));
            // (0,0) and (10,0) only: (1,9) is now nearest (0,0), class 0, right; (6,6) nearest (10,0), wrong
            assertEquals(1125, nn.testErrors(new int[] {0, 1}));
            // (0,10) alone calls everything 2: only the (6,6) points are right
            assertEquals(3 * 1125, nn.testErrors(new int[] {2}));
        }
    }
}
