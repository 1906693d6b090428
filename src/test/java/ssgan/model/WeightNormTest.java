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
}
