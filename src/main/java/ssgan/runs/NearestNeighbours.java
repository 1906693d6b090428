package ssgan.runs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ssgan.train.TrainingData;

/**
 * A 1-nearest-neighbour classifier on a few labeled training images, scored on the test set: the yardstick of
 * {@link SubsetCheck}. Distances come from one matrix product per block of test images, since
 * ‖t − s‖² = ‖t‖² − 2 t·s + ‖s‖² and ‖t‖² is the same for every candidate s of a test image t.
 */
final class NearestNeighbours implements AutoCloseable {
    private static final int TEST_BLOCK = 2000;

    private final TrainingData data;
    private final NDManager manager;
    private final NDArray test;

    NearestNeighbours(NDManager parent, TrainingData data) {
        this.data = data;
        this.manager = parent.newSubManager();
        this.test = manager.create(data.testImages(), new Shape(data.testCount(), data.imageSize()));
    }

    /** Test images whose nearest image among {@code labeled} (training indices) has another label. */
    int testErrors(int[] labeled) {
        int d = data.imageSize();
        float[] rows = new float[labeled.length * d];
        for (int i = 0; i < labeled.length; i++) {
            System.arraycopy(data.trainImages(), labeled[i] * d, rows, i * d, d);
        }
        int errors = 0;
        try (NDScope scope = new NDScope()) { // frees every array made below
            NDArray s = manager.create(rows, new Shape(labeled.length, d));
            NDArray sNorm = s.square().sum(new int[] {1}).reshape(1, labeled.length);
            NDArray sT = s.transpose();
            for (int from = 0; from < data.testCount(); from += TEST_BLOCK) {
                int to = Math.min(data.testCount(), from + TEST_BLOCK);
                NDArray dist = sNorm.sub(test.get(from + ":" + to).matMul(sT).mul(2));
                long[] nearest = dist.argMin(1).toLongArray();
                for (int i = 0; i < nearest.length; i++) {
                    if (data.trainLabels()[labeled[(int) nearest[i]]] != data.testLabels()[from + i]) {
                        errors++;
                    }
                }
            }
        }
        return errors;
    }

    @Override
    public void close() {
        manager.close();
    }
}
