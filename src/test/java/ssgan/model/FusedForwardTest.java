package ssgan.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The D step pushes the labeled, unlabeled and fake batches through D as one concatenated batch. That is the
 * authors' three separate passes only if no row can see another: no batch statistics anywhere in D, and the
 * minibatch features compare rows within their own batch only. Checked in training mode, with the Gaussian noise
 * and dropout at 0 so that both sides draw the same (nothing); and, with the noise and dropout on, by changing one
 * part of the fused batch under the same random draws and checking that the other rows do not move.
 */
class FusedForwardTest {
    private static final int B = 10;

    private static void assertFusedEqualsSeparate(NDManager m, Discriminator d, int size) {
        Engine.getInstance().setRandomSeed(8);
        NDArray l = m.randomUniform(0f, 1f, new Shape(B, size), DataType.FLOAT32);
        NDArray u = m.randomUniform(0f, 1f, new Shape(B, size), DataType.FLOAT32);
        NDArray f = m.randomUniform(0f, 1f, new Shape(B, size), DataType.FLOAT32);
        List<NDArray> w = d.unitScales(ParamSource.LIVE);
        Discriminator.Output fused = d.forward(NDArrays.concat(new NDList(l, u, f)), w, ParamSource.LIVE, true, true);
        NDList logits = new NDList();
        NDList features = new NDList();
        for (NDArray x : List.of(l, u, f)) {
            Discriminator.Output one = d.forward(x, w, ParamSource.LIVE, true, true);
            logits.add(one.logits());
            features.add(one.features());
        }
        assertArrayEquals(NDArrays.concat(logits).toFloatArray(), fused.logits().toFloatArray(), 1e-4f, "logits");
        assertArrayEquals(NDArrays.concat(features).toFloatArray(), fused.features().toFloatArray(), 1e-4f,
                "features");
    }

    /**
     * Under identical random draws, replacing the unlabeled rows leaves the labeled and fake rows' outputs exactly
     * as they were, and does move the unlabeled rows' own (so the check can fail).
     */
    private static void assertRowsIndependentUnderNoise(NDManager m, Discriminator d, int size) {
        NDArray l = m.randomUniform(0f, 1f, new Shape(B, size), DataType.FLOAT32);
        NDArray u = m.randomUniform(0f, 1f, new Shape(B, size), DataType.FLOAT32);
        NDArray u2 = m.randomUniform(0f, 1f, new Shape(B, size), DataType.FLOAT32);
        NDArray f = m.randomUniform(0f, 1f, new Shape(B, size), DataType.FLOAT32);
        List<NDArray> w = d.unitScales(ParamSource.LIVE);
        Engine.getInstance().setRandomSeed(9);
        NDArray before = d.forward(NDArrays.concat(new NDList(l, u, f)), w, ParamSource.LIVE, true, true).logits();
        Engine.getInstance().setRandomSeed(9);
        NDArray after = d.forward(NDArrays.concat(new NDList(l, u2, f)), w, ParamSource.LIVE, true, true).logits();
        assertArrayEquals(before.get("0:" + B).toFloatArray(), after.get("0:" + B).toFloatArray(), "labeled rows");
        assertArrayEquals(before.get(2 * B + ":").toFloatArray(), after.get(2 * B + ":").toFloatArray(),
                "fake rows");
        assertFalse(java.util.Arrays.equals(before.get(B + ":" + 2 * B).toFloatArray(),
                after.get(B + ":" + 2 * B).toFloatArray()), "the replaced rows' own outputs must change");
        Engine.getInstance().setRandomSeed(10);
        NDArray redrawn = d.forward(NDArrays.concat(new NDList(l, u, f)), w, ParamSource.LIVE, true, true).logits();
        assertFalse(java.util.Arrays.equals(before.toFloatArray(), redrawn.toFloatArray()),
                "the noise must be on: other draws give other outputs");
    }

    @Test
    void mnistDiscriminatorRowsIndependentUnderNoise() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(4);
            MlpDiscriminator d = new MlpDiscriminator(m, 784, 10, Regularisation.noise(0.3, 0.5));
            d.dataDependentInit(m.randomUniform(0f, 1f, new Shape(100, 784), DataType.FLOAT32));
            assertRowsIndependentUnderNoise(m, d, 784);
        }
    }

    @Test
    void cifarDiscriminatorRowsIndependentUnderDropout() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            CnnDiscriminator d = new CnnDiscriminator(m, 3, 16, 10, Regularisation.dropout(0.2, 0.5));
            d.dataDependentInit(m.randomUniform(-1f, 1f, new Shape(40, 3 * 16 * 16), DataType.FLOAT32));
            assertRowsIndependentUnderNoise(m, d, 3 * 16 * 16);
        }
    }

    @Test
    void mnistDiscriminator() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            MlpDiscriminator d = new MlpDiscriminator(m, 784, 10, Regularisation.noise(0, 0));
            d.dataDependentInit(m.randomUniform(0f, 1f, new Shape(100, 784), DataType.FLOAT32));
            assertFusedEqualsSeparate(m, d, 784);
        }
    }

    /** The minibatch-discrimination ablation: rows are compared within groups of batch_size, i.e. per batch. */
    @Test
    void mnistDiscriminatorWithMinibatchFeatures() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            MlpDiscriminator d = new MlpDiscriminator(m, 784, 10, Regularisation.noise(0, 0), 5, B);
            d.dataDependentInit(m.randomUniform(0f, 1f, new Shape(10 * B, 784), DataType.FLOAT32));
            assertFusedEqualsSeparate(m, d, 784);
        }
    }

    @Test
    void cifarDiscriminator() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            CnnDiscriminator d = new CnnDiscriminator(m, 3, 16, 10, Regularisation.noise(0, 0));
            d.dataDependentInit(m.randomUniform(-1f, 1f, new Shape(40, 3 * 16 * 16), DataType.FLOAT32));
            assertFusedEqualsSeparate(m, d, 3 * 16 * 16);
        }
    }
}
