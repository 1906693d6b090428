package ssgan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ssgan.data.Rows;

import java.nio.FloatBuffer;

/**
 * Training images chosen by index, copied through one reusable buffer into arrays: the step's batches and the
 * images of the data-dependent init.
 */
final class ImageRows {
    private final TrainingData data;
    private final float[] buffer;

    /** @param maxRows the most rows one call copies */
    ImageRows(TrainingData data, int maxRows) {
        this.data = data;
        this.buffer = new float[maxRows * data.imageSize()];
    }

    /** Training images order[from .. from+n) as a (n, imageSize) array. */
    NDArray gather(NDManager manager, int[] order, int from, int n) {
        Rows.gather(data.trainImages(), data.imageSize(), order, from, n, buffer);
        return manager.create(FloatBuffer.wrap(buffer, 0, n * data.imageSize()), new Shape(n, data.imageSize()));
    }

    /** The batch of one step: rows [offset, offset + batchSize) of the labeled and of both unlabeled streams. */
    Batch batch(NDManager manager, int batchSize, int[] labeledRows, int[] unlabeled, int[] unlabeled2, int offset) {
        int[] labels = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            labels[i] = data.trainLabels()[labeledRows[offset + i]];
        }
        return new Batch(gather(manager, labeledRows, offset, batchSize),
                manager.create(labels).oneHot(data.classes()), labels,
                gather(manager, unlabeled, offset, batchSize), gather(manager, unlabeled2, offset, batchSize));
    }
}
