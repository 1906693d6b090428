package ssgan.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import ssgan.train.Losses;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 13's "G1.W is not finite at epoch 1, iteration 1": a garbage collection between a forward pass and its
 * backward pass must not change a gradient. Each case computes a gradient twice, once plainly and once with a
 * "storm" between forward and backward: collections that free every unreachable Java direct buffer, then many
 * small direct buffers filled with NaN, which take over the freed memory. A constant that autograd reads from
 * freed Java memory (DJL's {@code x.mul(0.5f)}) then turns into NaN; see {@link GraphScalars}.
 */
class GradientAfterGcTest {

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

    /** Frees what is unreachable, then fills small freed blocks with NaN; the buffers are returned to keep them. */
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
            b.putFloat(0, Float.NaN);
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
