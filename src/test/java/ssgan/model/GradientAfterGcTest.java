package ssgan.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import ssgan.train.Losses;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 13's "G1.W is not finite at epoch 1, iteration 1": a garbage collection between a forward pass and its
 * backward pass must not change a gradient. Each case computes a gradient twice, once plainly and once with a
 * "storm" between forward and backward: collections that free every unreachable Java direct buffer, then many
 * small direct buffers filled with {@link #SENTINEL}, which take over the freed memory. A constant that autograd
 * reads from freed Java memory (DJL's {@code x.mul(0.5f)}) then turns into the sentinel; see {@link GraphScalars}.
 *
 * <p>The sentinel is NaN, so that any read of memory the engine never wrote shows. Until 2026-12-06 it was finite,
 * on the belief that libtorch 2.7.1's CPU convolution read padding it never wrote only to multiply it by zero; yet
 * {@code cifarGeneratorKeepsItsGradient} still came out all NaN now and then (CI 2026-12-04, a full local run
 * 2026-12-06). The padding was oneDNN's partial channel blocks, and it went into the gradient even when finite;
 * {@link ConvOps#conv2d} now avoids them, and {@link #convolutionIgnoresWhatFreedMemoryHolds} keeps that true.
 */
class GradientAfterGcTest {
    /** What squatters hold: nothing any gradient here could equal. */
    private static final float SENTINEL = Float.NaN;

    private static float[] gradient(UnaryOperator<NDArray> f, boolean storm) {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] x0 = new float[48];
            for (int i = 0; i < x0.length; i++) {
                x0[i] = (float) Math.sin(i + 1);
            }
            NDArray x = m.create(x0, new Shape(4, 12));
            x.setRequiresGradient(true);
            List<ByteBuffer> squatters = List.of();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(x).sum();
                if (storm) {
                    squatters = storm();
                }
                collector.backward(y);
                Reference.reachabilityFence(squatters);
            }
            return x.getGradient().toFloatArray();
        }
    }

    /** Frees what is unreachable, then fills small freed blocks with the sentinel; returned to keep them alive. */
    private static List<ByteBuffer> storm() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            try {
                Thread.sleep(30);   // the JDK frees direct buffers on its reference-handler thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ByteBuffer> squatters = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, SENTINEL);
            squatters.add(b);
        }
        return squatters;
    }

    private static void assertUnchangedByAStorm(String what, UnaryOperator<NDArray> f) {
        float[] plain = gradient(f, false);
        float[] afterStorm = gradient(f, true);
        assertArrayEquals(plain, afterStorm, what + ": " + Arrays.toString(afterStorm));
    }

    @Test
    void graphScalarsKeepTheirConstant() {
        assertUnchangedByAStorm("times", x -> GraphScalars.times(x, 0.5f));
        assertUnchangedByAStorm("dividedBy", x -> GraphScalars.dividedBy(x, 3f));
        float[] half = gradient(x -> GraphScalars.times(x, 0.5f), true);
        float[] expected = new float[half.length];
        Arrays.fill(expected, 0.5f);
        assertArrayEquals(expected, half);
    }

    /** The CIFAR generator's batch norm and D's global pooling (the NaN in G1.W came through here). */
    @Test
    void multiAxisMeanKeepsItsGradient() {
        assertUnchangedByAStorm("mean", x -> ConvOps.mean(x.reshape(2, 3, 2, 4), new int[] {0, 2, 3}, false));
        float[] g = gradient(x -> ConvOps.mean(x.reshape(2, 3, 2, 4), new int[] {0, 2, 3}, false), true);
        float[] expected = new float[g.length];
        Arrays.fill(expected, 1f / 16);
        assertArrayEquals(expected, g);
    }

    /** The MNIST and CIFAR D step: the unsupervised loss halves the sum of its two terms. */
    @Test
    void unsupervisedLossKeepsItsGradient() {
        assertUnchangedByAStorm("unsupervised loss", x -> Losses.unsupervisedLoss(x.get("0:2"), x.get("2:4")));
    }

    @Test
    void cifarGeneratorKeepsItsGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            CnnGenerator g = new CnnGenerator(m, 12, 3, 8);
            // z is the input here; the gradient flows back through both batch norms
            assertUnchangedByAStorm("CIFAR generator", z -> g.generate(z, ParamSource.LIVE).square());
        }
    }

    /**
     * oneDNN's partial channel blocks (see {@link ConvOps#conv2d}): with freed memory refilled with NaN before every
     * pass, the input gradient through a convolution with 4, 8 or 12 output channels (the CIFAR generator's output
     * layer has 12) comes out bit for bit the same. Straight through {@code Conv2d.conv2d}, 8 output channels gave
     * 480 NaN of 512 in 15 of 15 passes on the development machine (AVX-512).
     */
    @Test
    void convolutionIgnoresWhatFreedMemoryHolds() {
        for (int out : new int[] {4, 8, 12}) {
            try (NDManager m = NDManager.newBaseManager()) {
                Engine.getInstance().setRandomSeed(7);
                NDArray projection = m.randomNormal(0f, 0.05f, new Shape(8 * 4 * 4, 12), DataType.FLOAT32);
                NDArray kernel = m.randomNormal(0f, 0.05f, new Shape(out, 8, 3, 3), DataType.FLOAT32);
                Shape one = new Shape(1, 1);
                UnaryOperator<NDArray> f = x -> ConvOps.conv2d(
                        Linear.linear(x, projection).singletonOrThrow().reshape(4, 8, 4, 4), kernel, null, one, one)
                        .square();
                float[] first = gradient(f, false);
                for (int pass = 0; pass < 10; pass++) {
                    List<ByteBuffer> squatters = refillFreedMemory(new Random(pass));
                    float[] again = gradient(f, false);
                    Reference.reachabilityFence(squatters);
                    assertArrayEquals(first, again, out + " channels, pass " + pass + ": " + Arrays.toString(again));
                }
            }
        }
    }

    /** Fills blocks of many sizes with NaN and drops them; a storm then frees them (and squats). */
    private static List<ByteBuffer> refillFreedMemory(Random random) {
        for (int i = 0; i < 2000; i++) {
            int floats = 1 + random.nextInt(random.nextBoolean() ? 64 : 20_000);
            ByteBuffer b = ByteBuffer.allocateDirect(4 * floats).order(ByteOrder.nativeOrder());
            for (int j = 0; j < floats; j++) {
                b.putFloat(4 * j, Float.NaN);
            }
        }
        return storm();
    }

    /**
     * The bug itself, in DJL: its own {@code mul(Number)} loses the constant under the same storm. If this starts
     * failing, DJL keeps the constant alive now, and {@link GraphScalars} can go.
     */
    @Test
    void djlsOwnScalarMultiplicationLosesItsConstant() {
        float[] plain = gradient(x -> x.mul(0.5f), false);
        float[] afterStorm = gradient(x -> x.mul(0.5f), true);
        assertFalse(Arrays.equals(plain, afterStorm), "DJL's mul(0.5f) kept its constant: "
                + Arrays.toString(afterStorm));
    }
}
