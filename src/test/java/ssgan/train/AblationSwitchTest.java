package ssgan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import ssgan.config.Settings;
import ssgan.data.Rows;
import ssgan.model.Discriminator;
import ssgan.model.Param;
import ssgan.model.ParamSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each ablation switch changes what it should, and nothing is left of the GAN in the supervised baseline. */
class AblationSwitchTest {
    private static final Map<String, Object> SMALL = Map.of("train_images", 2000, "test_images", 500,
            "iterations_per_epoch", 3, "epochs", 1, "sample_grid", 0, "init_images", 200);

    private static Settings with(Object... keyValues) {
        Map<String, Object> m = new java.util.HashMap<>(SMALL);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return TestData.settings(m);
    }

    private static Batch batch(NDManager m, TrainingData data, int b) {
        int[] rows = Arrays.copyOf(data.labeled(), b);
        int[] labels = Arrays.stream(rows).map(i -> data.trainLabels()[i]).toArray();
        float[] x = new float[b * data.imageSize()];
        Rows.gather(data.trainImages(), data.imageSize(), rows, 0, b, x);
        NDArray images = m.create(x, new Shape(b, data.imageSize()));
        return new Batch(images, m.create(labels).oneHot(data.classes()), labels, images, images);
    }

    @Test
    void supervisedBaselineNeverTouchesTheGenerator() {
        Settings s = with("mode", "supervised");
        TrainingData data = TestData.data(s);
        try (NDManager m = NDManager.newBaseManager()) {
            SemiSupervisedGan gan = new Trainer(s, data, null, x -> { }).build(m);
            List<float[]> before = gan.generator().params().stream().map(p -> p.value().toFloatArray()).toList();
            StepLosses l = gan.step(batch(m, data, 100), 0.003, 0);
            assertEquals(0f, l.unsupervised());
            assertEquals(0f, l.featureMatching());
            assertTrue(l.supervised() > 0);
            List<Param> after = gan.generator().params();
            for (int i = 0; i < after.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i).value().toFloatArray(), after.get(i).name());
            }
            assertEquals(0, gan.adamG().steps(), "G's optimiser never steps");
        }
    }

    @Test
    void softplusOutputIsUnboundedAboveWhereSigmoidIsNot() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (String output : List.of("sigmoid", "softplus")) {
                Engine.getInstance().setRandomSeed(3);
                Models.Pair nets = Models.create(m, with("generator_output", output), 784, 10);
                NDArray x = nets.g().generate(m.randomUniform(0f, 1f, new Shape(50, 100), DataType.FLOAT32),
                        ParamSource.LIVE);
                assertTrue(x.min().getFloat() > 0f, output);
                assertEquals(output.equals("softplus"), x.max().getFloat() > 1f, output + " max " + x.max().getFloat());
            }
        }
    }

    @Test
    void withoutDataDependentInitScalesStayOneAndBiasesZero() {
        for (boolean init : new boolean[] {false, true}) {
            Settings s = with("data_init", init);
            try (NDManager m = NDManager.newBaseManager()) {
                SemiSupervisedGan gan = new Trainer(s, TestData.data(s), null, x -> { }).build(m);
                float[] scale = gan.discriminator().params().get(1).value().toFloatArray();   // D1.s
                float[] bias = gan.discriminator().params().get(2).value().toFloatArray();    // D1.b
                boolean untouched = allEqual(scale, 1f) && allEqual(bias, 0f);
                assertEquals(!init, untouched, "data_init " + init);
                // the scales are created trainable: build freezes the hidden ones, by the init or without it
                for (Param p : gan.discriminator().params()) {
                    if (p.name().endsWith(".s")) {
                        assertEquals(p.name().equals("D6.s"), p.trainable(), p.name() + ", data_init " + init);
                    }
                }
            }
        }
    }

    private static boolean allEqual(float[] a, float v) {
        for (float x : a) {
            if (x != v) {
                return false;
            }
        }
        return true;
    }

    @Test
    void minibatchFeaturesCompareImagesOnlyWithinTheirOwnBatch() {
        Settings s = with("minibatch_kernels", 20, "batch_size", 50, "generator_loss", "gan");
        TrainingData data = TestData.data(s);
        try (NDManager m = NDManager.newBaseManager()) {
            SemiSupervisedGan gan = new Trainer(s, data, null, x -> { }).build(m);
            Discriminator d = gan.discriminator();
            NDArray a = batch(m, data, 50).labeled();
            NDArray b = m.randomUniform(0f, 1f, new Shape(50, 784), DataType.FLOAT32);
            List<NDArray> w = d.unitScales(ParamSource.LIVE);
            float[] together = d.forward(NDArrays.concat(new NDList(a, b)), w, ParamSource.LIVE, false, true)
                    .logits().toFloatArray();
            float[] apart = NDArrays.concat(new NDList(d.forward(a, w, ParamSource.LIVE, false, true).logits(),
                    d.forward(b, w, ParamSource.LIVE, false, true).logits())).toFloatArray();
            assertArrayEquals(apart, together, 1e-4f);
            // ... and the features do depend on the rest of the batch
            float[] alone = d.forward(a.get("0:25"), w, ParamSource.LIVE, false, true).logits().toFloatArray();
            assertTrue(Math.abs(alone[0] - apart[0]) > 1e-4, "minibatch features see the other images");
            assertEquals(20, d.params().stream().filter(p -> p.name().equals("MB.b")).mapToLong(p -> p.value().size())
                    .sum());
            StepLosses l = gan.step(batch(m, data, 50), 3e-3, 0);
            assertTrue(l.finite());
            assertTrue(l.featureMatching() < 0, "the GAN generator loss -softplus(LSE) is negative: "
                    + l.featureMatching());
        }
    }
}
