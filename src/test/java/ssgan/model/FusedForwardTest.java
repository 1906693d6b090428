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

/**
 * The D step pushes the labeled, unlabeled and fake batches through D as one concatenated batch. That is the
 * authors' three separate passes only if no row can see another: no batch statistics anywhere in D, and the
 * minibatch features compare rows within their own batch only. Checked in training mode, with the Gaussian noise
 * and dropout at 0 so that both sides draw the same (nothing): the noise is elementwise and cannot mix rows.
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
