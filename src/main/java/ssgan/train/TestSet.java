package ssgan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ssgan.metrics.Misclassified;
import ssgan.model.Discriminator;
import ssgan.model.ParamSource;

import java.util.List;

/** The test set, and what the raw and the averaged D make of it in deterministic mode (no noise, no dropout). */
final class TestSet {
    private static final int EVAL_BATCH = 500;

    /** Misclassified test images of the raw D, of the averaged D and, when asked for, of the bias-corrected average. */
    record Errors(int raw, int averaged, Integer corrected) {}

    private final TrainingData data;
    private final NDArray images;

    TestSet(NDManager manager, TrainingData data) {
        this.data = data;
        this.images = manager.create(data.testImages(), new Shape(data.testCount(), data.imageSize()));
    }

    Errors errors(SemiSupervisedGan gan, boolean corrected) {
        return new Errors(errors(logits(gan.discriminator(), ParamSource.LIVE)),
                errors(logits(gan.discriminator(), gan.average())),
                corrected ? errors(logits(gan.discriminator(), gan.average().corrected())) : null);
    }

    /** Softmax over the K logits of each test image (row-major), for the saved predictions. */
    float[] probabilities(Discriminator d, ParamSource src) {
        float[] logits = logits(d, src);
        int k = data.classes();
        float[] p = new float[logits.length];
        for (int row = 0; row < logits.length; row += k) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, logits[row + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(logits[row + j] - max);
            }
            for (int j = 0; j < k; j++) {
                p[row + j] = (float) (Math.exp(logits[row + j] - max) / sum);
            }
        }
        return p;
    }

    /** The K logits of every test image (row-major). */
    private float[] logits(Discriminator d, ParamSource src) {
        int k = data.classes();
        float[] all = new float[data.testCount() * k];
        try (NDScope scope = new NDScope()) {
            List<NDArray> w = d.unitScales(src);
            for (int from = 0; from < data.testCount(); from += EVAL_BATCH) {
                int to = Math.min(data.testCount(), from + EVAL_BATCH);
                float[] logits = d.forward(images.get(from + ":" + to), w, src, false, true).logits()
                        .toFloatArray();
                System.arraycopy(logits, 0, all, from * k, logits.length);
            }
        }
        return all;
    }

    /** Misclassified test images: argmax over the K logits; the fake class plays no part. */
    private int errors(float[] logits) {
        return Misclassified.count(logits, data.testLabels(), data.classes());
    }
}
