package ssgan.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightNormTest {

    @Test
    void effectiveWeightRowsHaveTheScaleAsNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray v = m.create(new float[] {3, 4, 0, 0, 5, 12}, new Shape(2, 3));
            WeightNormDense layer = new WeightNormDense("L", v, true, 0f);
            InPlace.copy(m.create(new float[] {2, 0.5f}), layer.params().get(1).value());
            // the identity as input reads the effective weight W^T off the output (the bias is 0)
            float[] w = layer.forward(m.eye(3), layer.unitScale(ParamSource.LIVE), ParamSource.LIVE)
                    .transpose().toFloatArray();
            // row 0: 2 * (3,4,0)/5 ; row 1: 0.5 * (0,5,12)/13
            assertArrayEquals(new float[] {1.2f, 1.6f, 0, 0, 0.5f * 5 / 13, 0.5f * 12 / 13}, w, 1e-6f);
            NDArray x = m.create(new float[] {1, 1, 1}, new Shape(1, 3));
            assertArrayEquals(new float[] {2.8f, 0.5f * 17 / 13}, layer.forward(x, layer.unitScale(ParamSource.LIVE),
                    ParamSource.LIVE).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void dataDependentInitGivesZeroMeanUnitStdPreActivations() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            NDArray x = m.randomUniform(0f, 1f, new Shape(500, 40), DataType.FLOAT32);
            WeightNormDense layer = new WeightNormDense("L", m.randomNormal(0f, 0.1f, new Shape(30, 40),
                    DataType.FLOAT32), true, 0f);
            layer.initFrom(layer.forward(x, layer.unitScale(ParamSource.LIVE), ParamSource.LIVE));
            NDArray a = layer.forward(x, layer.unitScale(ParamSource.LIVE), ParamSource.LIVE);
            float[] mean = a.mean(new int[] {0}).toFloatArray();
            float[] std = a.sub(a.mean(new int[] {0})).square().mean(new int[] {0}).sqrt().toFloatArray();
            for (int j = 0; j < 30; j++) {
                assertEquals(0, mean[j], 1e-4, "mean of unit " + j);
                assertEquals(1, std[j], 1e-4, "std of unit " + j);
            }
        }
    }

    @Test
    void discriminatorInitFreezesHiddenScalesOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            MlpDiscriminator d = new MlpDiscriminator(m, 784, 10, Regularisation.noise(0.3, 0.5));
            assertTrue(d.params().stream().allMatch(Param::trainable), "the init is what freezes");
            d.dataDependentInit(m.randomUniform(0f, 1f, new Shape(500, 784), DataType.FLOAT32));
            for (Param p : d.params()) {
                boolean hiddenScale = p.name().endsWith(".s") && !p.name().equals("D6.s");
                assertEquals(!hiddenScale, p.trainable(), p.name());
            }
            // every hidden unit got its own scale: they are no longer all 1
            float[] s1 = d.params().get(1).value().toFloatArray();
            assertFalse(s1[0] == 1f && s1[1] == 1f);
            assertEquals(1_538_770, d.params().stream().filter(Param::trainable)
                    .mapToLong(p -> p.value().size()).sum(), "spec section 6 trainable D parameters");
        }
    }

    @Test
    void generatorOutputsImagesInTheSigmoidRange() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            MlpGenerator g = new MlpGenerator(m, 100, 784, true, true);
            NDArray x = g.generate(m.randomUniform(0f, 1f, new Shape(16, 100), DataType.FLOAT32), ParamSource.LIVE);
            assertEquals(new Shape(16, 784), x.getShape());
            assertTrue(x.min().getFloat() >= 0f && x.max().getFloat() <= 1f);
            assertEquals(694_568, g.params().stream().mapToLong(p -> p.value().size()).sum(),
                    "spec section 6 G parameters");
        }
    }

    @Test
    void oneSigmaInitOfThePaperWeeksGeneratorOutputMatchesHandWorkedValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            // rows of V: (3, 4) with norm 5 and (0, 2) with norm 2; s = 1, b = 0, no eps
            WeightNormDense layer = new WeightNormDense("G3", m.create(new float[] {3, 4, 0, 2}, new Shape(2, 2)),
                    true, 0f);
            NDArray x = m.eye(2);
            // pre-activations: unit 0 reads 0.6 and 0.8 (mean 0.7), unit 1 reads 0 and 1 (mean 0.5); centred
            // +-0.1 and +-0.5, so one sigma over both units = sqrt((0.01 + 0.01 + 0.25 + 0.25) / 4) = sqrt(0.13)
            layer.initFromOneSigma(layer.forward(x, layer.unitScale(ParamSource.LIVE), ParamSource.LIVE));
            float sigma = (float) Math.sqrt(0.13);
            assertArrayEquals(new float[] {1 / sigma, 1 / sigma}, layer.params().get(1).value().toFloatArray(), 1e-5f,
                    "s <- s / sigma, the same for every unit");
            assertArrayEquals(new float[] {-0.7f / sigma, -0.5f / sigma}, layer.params().get(2).value().toFloatArray(),
                    1e-5f, "b <- -m / sigma");
            // after the init: centred per unit, divided by the one sigma (unit 0's std is 0.1 / sigma, not 1)
            assertArrayEquals(new float[] {-0.1f / sigma, -0.5f / sigma, 0.1f / sigma, 0.5f / sigma},
                    layer.forward(x, layer.unitScale(ParamSource.LIVE), ParamSource.LIVE).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void onlyTheWeightNormGeneratorOutputHasAnInitPass() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (boolean weightNorm : new boolean[] {false, true}) {
                Engine.getInstance().setRandomSeed(5);
                MlpGenerator g = new MlpGenerator(m, 100, 784, true, true, weightNorm);
                NDArray z = m.randomUniform(0f, 1f, new Shape(100, 100), DataType.FLOAT32);
                float[] before = g.outputLayer().params().get(2).value().toFloatArray();
                g.dataDependentInit(z);
                float[] bias = g.outputLayer().params().get(2).value().toFloatArray();
                if (!weightNorm) {
                    assertArrayEquals(before, bias, "l2normalize: no init, b stays 0");
                    continue;
                }
                // the init batch's pre-activations now have mean 0 per unit and root mean square 1 over all units
                NDArray a = g.outputLayer().forward(g.hidden(z, ParamSource.LIVE), g.outputLayer().unitScale(ParamSource.LIVE),
                        ParamSource.LIVE);
                float[] mean = a.mean(new int[] {0}).toFloatArray();
                for (float v : mean) {
                    assertEquals(0, v, 1e-4);
                }
                assertEquals(1, a.square().mean().sqrt().getFloat(), 1e-4);
                float[] s = g.outputLayer().params().get(1).value().toFloatArray();
                assertEquals(s[0], s[783], 0f, "one scalar sigma for every unit");
            }
        }
    }
}
