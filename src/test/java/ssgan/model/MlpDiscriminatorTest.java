package ssgan.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MNIST discriminator (spec §2.3) against a forward pass written out here from the parameters: weight-normalised
 * dense layers {@code x (s V/|V|)^T + b}, ReLU, Gaussian noise of std 0.3 on the input and 0.5 after every hidden
 * ReLU, feature matching on the last hidden ReLU before its noise. The noise is replayed by reseeding the engine
 * and drawing, in the spec's order, what the spec says is drawn; a different std, place or order gives other
 * numbers.
 */
class MlpDiscriminatorTest {
    private static final int HIDDEN = 5;

    /** Layer {@code i} of D by hand: V (out, in), s (out), b (out) are its parameters 3i, 3i+1, 3i+2. */
    private static NDArray dense(NDArray x, List<Param> ps, int i) {
        NDArray v = ps.get(3 * i).value();
        NDArray s = ps.get(3 * i + 1).value();
        NDArray b = ps.get(3 * i + 2).value();
        NDArray w = v.div(v.square().sum(new int[] {1}, true).sqrt()).mul(s.reshape(-1, 1));
        return x.matMul(w.transpose()).add(b);
    }

    private static NDArray noise(NDArray h, float std, boolean training) {
        return training ? h.add(h.getManager().randomNormal(0f, std, h.getShape(), DataType.FLOAT32)) : h;
    }

    /** logits and features of the spec's D, by hand; the engine's RNG must be where D's forward would find it. */
    private static NDArray[] byHand(NDArray x, List<Param> ps, boolean training) {
        NDArray h = noise(x, 0.3f, training);
        NDArray features = null;
        for (int i = 0; i < HIDDEN; i++) {
            h = Activation.relu(dense(h, ps, i));
            features = h;
            h = noise(h, 0.5f, training);
        }
        return new NDArray[] {dense(h, ps, HIDDEN), features};
    }

    private static MlpDiscriminator initialised(NDManager m) {
        Engine.getInstance().setRandomSeed(21);
        MlpDiscriminator d = new MlpDiscriminator(m, 784, 10, Regularisation.noise(0.3, 0.5));
        d.dataDependentInit(m.randomUniform(0f, 1f, new Shape(200, 784), DataType.FLOAT32));
        return d;
    }

    @Test
    void trainingForwardHasTheSpecsNoiseAndFeatures() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpDiscriminator d = initialised(m);
            NDArray x = m.randomUniform(0f, 1f, new Shape(16, 784), DataType.FLOAT32);
            Engine.getInstance().setRandomSeed(99);
            Discriminator.Output out = d.forward(x, d.unitScales(ParamSource.LIVE), ParamSource.LIVE, true, true);
            Engine.getInstance().setRandomSeed(99);
            NDArray[] expected = byHand(x, d.params(), true);
            assertArrayEquals(expected[0].toFloatArray(), out.logits().toFloatArray(), 2e-3f, "logits");
            assertArrayEquals(expected[1].toFloatArray(), out.features().toFloatArray(), 2e-3f, "features");
            // and the noise matters: the same pass without it is far off
            NDArray[] clean = byHand(x, d.params(), false);
            assertTrue(clean[0].sub(out.logits()).abs().max().getFloat() > 0.1f);
        }
    }

    @Test
    void evaluationForwardHasNoNoise() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpDiscriminator d = initialised(m);
            NDArray x = m.randomUniform(0f, 1f, new Shape(16, 784), DataType.FLOAT32);
            Discriminator.Output a = d.forward(x, d.unitScales(ParamSource.LIVE), ParamSource.LIVE, false, true);
            Discriminator.Output b = d.forward(x, d.unitScales(ParamSource.LIVE), ParamSource.LIVE, false, true);
            NDArray[] expected = byHand(x, d.params(), false);
            assertArrayEquals(expected[0].toFloatArray(), a.logits().toFloatArray(), 2e-3f, "logits");
            assertArrayEquals(expected[1].toFloatArray(), a.features().toFloatArray(), 2e-3f, "features");
            assertArrayEquals(a.logits().toFloatArray(), b.logits().toFloatArray(), "deterministic");
        }
    }

    /** Without logits (the G step's real batch), D stops at the features: the same ones, and no further draws. */
    @Test
    void featuresAloneAreTheSameFeatures() {
        try (NDManager m = NDManager.newBaseManager()) {
            MlpDiscriminator d = initialised(m);
            NDArray x = m.randomUniform(0f, 1f, new Shape(16, 784), DataType.FLOAT32);
            Engine.getInstance().setRandomSeed(7);
            NDArray both = d.forward(x, d.unitScales(ParamSource.LIVE), ParamSource.LIVE, true, true).features();
            Engine.getInstance().setRandomSeed(7);
            Discriminator.Output alone = d.forward(x, d.unitScales(ParamSource.LIVE), ParamSource.LIVE, true, false);
            assertEquals(null, alone.logits());
            assertArrayEquals(both.toFloatArray(), alone.features().toFloatArray());
        }
    }

    /**
     * The whole-network init (spec §2.4): replaying its noise draws, every layer's pre-activations on the init
     * batch have per-unit mean 0 and std 1, the 10 logits included (MNIST's init scale is 1, not 0.1).
     */
    @Test
    void dataDependentInitNormalisesEveryLayerOnTheInitBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(21);
            MlpDiscriminator d = new MlpDiscriminator(m, 784, 10, Regularisation.noise(0.3, 0.5));
            NDArray x = m.randomUniform(0f, 1f, new Shape(500, 784), DataType.FLOAT32);
            Engine.getInstance().setRandomSeed(22);
            d.dataDependentInit(x);
            Engine.getInstance().setRandomSeed(22);
            List<Param> ps = d.params();
            NDArray h = noise(x, 0.3f, true);
            for (int i = 0; i <= HIDDEN; i++) {
                NDArray a = dense(h, ps, i);
                float[] mean = a.mean(new int[] {0}).toFloatArray();
                float[] std = a.sub(a.mean(new int[] {0})).square().mean(new int[] {0}).sqrt().toFloatArray();
                for (int j = 0; j < mean.length; j++) {
                    assertEquals(0, mean[j], 1e-3, "layer " + (i + 1) + " unit " + j + " mean");
                    assertEquals(1, std[j], 1e-3, "layer " + (i + 1) + " unit " + j + " std");
                }
                h = noise(Activation.relu(a), 0.5f, true);
            }
        }
    }
}
