package ssgan.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CIFAR-10 networks (spec §3.2-3.4); 16x16 images where the full 32x32 is not needed, to keep it fast. */
class CnnModelTest {

    private static long count(List<Param> ps, boolean trainableOnly) {
        return ps.stream().filter(p -> !trainableOnly || p.trainable()).mapToLong(p -> p.value().size()).sum();
    }

    /** Per-channel mean and RMS over batch and space of an (N, C, H, W) array. */
    private static float[][] channelStats(NDArray a) {
        int[] axes = a.getShape().dimension() == 4 ? new int[] {0, 2, 3} : new int[] {0};
        NDArray mu = ConvOps.mean(a, axes, true);
        return new float[][] {mu.toFloatArray(), ConvOps.mean(a.sub(mu).square(), axes, false).sqrt().toFloatArray()};
    }

    private static void assertStats(NDArray a, float std, String layer) {
        float[][] stats = channelStats(a);
        for (int c = 0; c < stats[0].length; c++) {
            assertEquals(0, stats[0][c], 1e-3 * Math.max(1, std * 10), layer + " channel " + c + " mean");
            assertEquals(std, stats[1][c], 1e-3 * std, layer + " channel " + c + " std");
        }
    }

    /**
     * Probing the transposed conv with one-hot inputs (one 1 at the centre of a 3x3 image, in channel b for batch
     * row b) reads its effective kernel off the output: out[b, o, 0:5, 0:5] = W[b, o]. Each OUTPUT channel o has
     * norm g_o over (in, kh, kw); normalising per input channel (torch weight_norm's default) gives other kernels.
     */
    @Test
    void transposedConvIsNormalisedPerOutputChannel() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            int in = 4, out = 3;
            NDArray v = m.randomNormal(0f, 0.05f, new Shape(in, out, 5, 5), DataType.FLOAT32);
            WeightNormConv layer = WeightNormConv.transposed("T", v);
            float[] g = {2f, 0.5f, 3f};
            InPlace.copy(m.create(g), layer.params().get(1).value());
            float[] probe = new float[in * in * 9];
            for (int b = 0; b < in; b++) {
                probe[(b * in + b) * 9 + 4] = 1f;
            }
            NDArray y = layer.forward(m.create(probe, new Shape(in, in, 3, 3)), layer.weight(ParamSource.LIVE),
                    ParamSource.LIVE);
            assertEquals(new Shape(in, out, 6, 6), y.getShape());
            NDArray w = y.get(":, :, 0:5, 0:5");
            assertArrayEquals(g, w.square().sum(new int[] {0, 2, 3}).sqrt().toFloatArray(), 1e-4f);
            // the probed kernel is V scaled per output channel, in V's own (in, out, kh, kw) layout
            NDArray perOutput = v.div(v.square().sum(new int[] {0, 2, 3}, true).sqrt()).mul(m.create(g)
                    .reshape(1, out, 1, 1));
            assertTrue(perOutput.sub(w).abs().max().getFloat() < 1e-5f);
            NDArray perInput = v.div(v.square().sum(new int[] {1, 2, 3}, true).sqrt());
            float[] inputNorms = w.square().sum(new int[] {1, 2, 3}).sqrt().toFloatArray();
            assertTrue(perInput.sub(w).abs().max().getFloat() > 0.1f);
            for (float n : inputNorms) {
                assertTrue(Math.abs(n - 1f) > 1e-3, "per-input-channel norm " + n);
            }
        }
    }

    /** The sub-pixel transposed conv against the definition y[o, 2a+ky-2] += x[i, a] W[i, o, ky] (per axis). */
    @Test
    void transposedConvMatchesTheDefinition() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(8);
            int n = 2, in = 3, out = 2, h = 3, w = 4;
            float[] x = m.randomNormal(new Shape(n, in, h, w)).toFloatArray();
            float[] k = m.randomNormal(new Shape(in, out, 5, 5)).toFloatArray();
            float[] expected = new float[n * out * 2 * h * 2 * w];
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < in; i++) {
                    for (int a = 0; a < h; a++) {
                        for (int c = 0; c < w; c++) {
                            for (int o = 0; o < out; o++) {
                                for (int ky = 0; ky < 5; ky++) {
                                    for (int kx = 0; kx < 5; kx++) {
                                        int yy = 2 * a + ky - 2, xx = 2 * c + kx - 2;
                                        if (yy >= 0 && yy < 2 * h && xx >= 0 && xx < 2 * w) {
                                            expected[((b * out + o) * 2 * h + yy) * 2 * w + xx] +=
                                                    x[((b * in + i) * h + a) * w + c]
                                                            * k[((i * out + o) * 5 + ky) * 5 + kx];
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            NDArray y = ConvOps.transposedConv5x5Stride2(m.create(x, new Shape(n, in, h, w)),
                    m.create(k, new Shape(in, out, 5, 5)), null);
            assertEquals(new Shape(n, out, 2 * h, 2 * w), y.getShape());
            assertArrayEquals(expected, y.toFloatArray(), 1e-4f);
        }
    }

    /**
     * Every kind of convolution the CIFAR networks run, output and gradients in float32 against float64 (which
     * libtorch computes without oneDNN): G's output layer (128 -> 12 = 4 phases x RGB, at test and at full size)
     * and a hidden one, D's first layer (3 -> 96), a stride-2 layer, the valid 3x3 and the 1x1 (NIN) layers.
     * Straight through {@code Conv2d.conv2d}, the 12-channel input gradient was off by 44-56 % of its largest entry
     * on the development machine (AVX-512), or NaN; see {@link ConvOps#conv2d}.
     */
    @Test
    void convolutionGradientsMatchDoublePrecision() {
        int[][] layers = { // n, in, out, side, kernel, stride, padding
                {4, 128, 12, 4, 3, 1, 1}, {4, 8, 12, 6, 3, 1, 1}, {100, 128, 12, 16, 3, 1, 1}, {4, 256, 512, 4, 3, 1, 1},
                {4, 3, 96, 16, 3, 1, 1}, {4, 96, 96, 16, 3, 2, 1}, {4, 192, 192, 8, 3, 1, 0}, {4, 192, 192, 6, 1, 1, 0}};
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] layer : layers) {
                float[][] single = convolutionAndGradients(m, layer, DataType.FLOAT32);
                float[][] reference = convolutionAndGradients(m, layer, DataType.FLOAT64);
                for (int part = 0; part < single.length; part++) {
                    float largest = 0;
                    for (float r : reference[part]) {
                        largest = Math.max(largest, Math.abs(r));
                    }
                    assertArrayEquals(reference[part], single[part], 1e-5f * largest,
                            Arrays.toString(layer) + " " + new String[] {"y", "dx", "dw", "db"}[part]);
                }
            }
        }
    }

    /** y = conv(x, w) + b for one row of the table above, and the gradients of sum(y^2), computed in {@code type}. */
    private static float[][] convolutionAndGradients(NDManager m, int[] layer, DataType type) {
        Engine.getInstance().setRandomSeed(3);
        int n = layer[0], in = layer[1], out = layer[2], side = layer[3], k = layer[4];
        NDArray x = m.randomNormal(0f, 1f, new Shape(n, in, side, side), DataType.FLOAT32).toType(type, false);
        NDArray w = m.randomNormal(0f, 0.05f, new Shape(out, in, k, k), DataType.FLOAT32).toType(type, false);
        NDArray b = m.randomNormal(0f, 0.05f, new Shape(out), DataType.FLOAT32).toType(type, false);
        NDArray[] inputs = {x, w, b};
        for (NDArray a : inputs) {
            a.setRequiresGradient(true);
        }
        float[][] result = new float[4][];
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            Shape stride = new Shape(layer[5], layer[5]);
            Shape padding = new Shape(layer[6], layer[6]);
            NDArray y = type == DataType.FLOAT64
                    ? Conv2d.conv2d(x, w, b, stride, padding, new Shape(1, 1), 1).singletonOrThrow()
                    : ConvOps.conv2d(x, w, b, stride, padding);
            result[0] = y.toType(DataType.FLOAT32, false).toFloatArray();
            collector.backward(y.square().sum());
        }
        for (int i = 0; i < inputs.length; i++) {
            result[i + 1] = inputs[i].getGradient().toType(DataType.FLOAT32, false).toFloatArray();
        }
        return result;
    }

    @Test
    void convIsNormalisedPerOutputChannel() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            WeightNormConv layer = WeightNormConv.conv("C",
                    m.randomNormal(0f, 0.05f, new Shape(5, 4, 3, 3), DataType.FLOAT32), 1, 1);
            float[] g = {1f, 2f, 3f, 4f, 5f};
            InPlace.copy(m.create(g), layer.params().get(1).value());
            NDArray w = layer.weight(ParamSource.LIVE);
            assertArrayEquals(g, w.square().sum(new int[] {1, 2, 3}).sqrt().toFloatArray(), 1e-4f);
        }
    }

    /**
     * After the init pass every layer's pre-activations have per-channel mean 0 and std 1 over batch and space
     * (0.1 for the logits). Replayed with the init's seed, so the dropout masks are the same.
     */
    @Test
    void discriminatorInitNormalisesEveryLayer() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            CnnDiscriminator d = new CnnDiscriminator(m, 3, 16, 10, Regularisation.dropout(0.2, 0.5));
            assertTrue(d.params().stream().allMatch(Param::trainable), "the init is what freezes");
            NDArray x = m.randomUniform(-1f, 1f, new Shape(40, 3 * 16 * 16), DataType.FLOAT32);
            Engine.getInstance().setRandomSeed(4);
            d.dataDependentInit(x);
            Engine.getInstance().setRandomSeed(4);
            NDArray h = Noise.dropout(x.reshape(-1, 3, 16, 16), 0.2f);
            for (int i = 0; i < d.convs().size(); i++) {
                WeightNormConv c = d.convs().get(i);
                NDArray a = c.forward(h, c.weight(ParamSource.LIVE), ParamSource.LIVE);
                assertStats(a, 1f, "layer " + (i + 1));
                h = Activation.leakyRelu(a, 0.2f);
                h = i == 2 || i == 5 ? Noise.dropout(h, 0.5f) : h;
            }
            NDArray features = ConvOps.mean(h, new int[] {2, 3}, false);
            WeightNormDense out = d.logitsLayer();
            assertStats(out.forward(features, out.unitScale(ParamSource.LIVE), ParamSource.LIVE), 0.1f, "logits");
            for (Param p : d.params()) {
                boolean hiddenGain = p.name().endsWith(".g");
                assertEquals(!hiddenGain, p.trainable(), p.name());
            }
        }
    }

    @Test
    void generatorInitGivesOutputPreActivationsOfStdPointOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            CnnGenerator g = new CnnGenerator(m, 100, 3, 16);
            NDArray z = m.randomUniform(0f, 1f, new Shape(20, 100), DataType.FLOAT32);
            g.dataDependentInit(z);
            NDArray x = g.generate(z, ParamSource.LIVE).reshape(20, 3, 16, 16);
            // tanh^-1 of the output is the pre-activation; BN uses batch statistics, so the same z gives the same
            NDArray a = x.add(1).div(x.neg().add(1)).log().mul(0.5f);
            assertStats(a, 0.1f, "G output");
            assertTrue(g.params().stream().allMatch(Param::trainable));
        }
    }

    /** Spec §6: D 1,408,244 parameters, 1,406,804 trainable (hidden gains frozen); G 4,933,382, all trainable. */
    @Test
    void fullSizeShapesAndParameterCounts() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(6);
            CnnDiscriminator d = new CnnDiscriminator(m, 3, 32, 10, Regularisation.dropout(0.2, 0.5));
            CnnGenerator g = new CnnGenerator(m, 100, 3, 32);
            d.freezeHiddenScales();
            assertEquals(1_408_244, count(d.params(), false));
            assertEquals(1_406_804, count(d.params(), true));
            assertEquals(4_933_382, count(g.params(), false));
            assertEquals(4_933_382, count(g.params(), true));

            NDArray fake = g.generate(m.randomUniform(0f, 1f, new Shape(4, 100), DataType.FLOAT32),
                    ParamSource.LIVE);
            assertEquals(new Shape(4, 3 * 32 * 32), fake.getShape(), "flat, like the trainer's real images");
            assertTrue(fake.abs().max().getFloat() < 1f);
            NDArray images = fake.reshape(4, 3, 32, 32);
            Discriminator.Output out = d.forward(images, d.unitScales(ParamSource.LIVE), ParamSource.LIVE, false,
                    true);
            assertEquals(new Shape(4, 10), out.logits().getShape());
            assertEquals(new Shape(4, 192), out.features().getShape());
            Discriminator.Output flat = d.forward(fake, d.unitScales(ParamSource.LIVE), ParamSource.LIVE, false,
                    false);
            assertEquals(null, flat.logits());
            assertArrayEquals(out.features().toFloatArray(), flat.features().toFloatArray(), 1e-6f);
        }
    }

    /** Dropout draws from the engine's RNG: the same seed gives the same training forward, another does not. */
    @Test
    void dropoutIsOnlyInTrainingAndFollowsTheEngineSeed() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            CnnDiscriminator d = new CnnDiscriminator(m, 3, 16, 10, Regularisation.dropout(0.2, 0.5));
            NDArray x = m.randomUniform(-1f, 1f, new Shape(4, 3, 16, 16), DataType.FLOAT32);
            List<NDArray> w = d.unitScales(ParamSource.LIVE);
            float[][] runs = new float[4][];
            int[] seeds = {11, 11, 12};
            for (int i = 0; i < 3; i++) {
                Engine.getInstance().setRandomSeed(seeds[i]);
                runs[i] = d.forward(x, w, ParamSource.LIVE, true, true).logits().toFloatArray();
            }
            runs[3] = d.forward(x, w, ParamSource.LIVE, false, true).logits().toFloatArray();
            assertArrayEquals(runs[0], runs[1]);
            assertFalse(java.util.Arrays.equals(runs[0], runs[2]));
            assertFalse(java.util.Arrays.equals(runs[0], runs[3]));
            assertArrayEquals(runs[3], d.forward(x, w, ParamSource.LIVE, false, true).logits().toFloatArray());
        }
    }
}
