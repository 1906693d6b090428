package ssgan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * Weight-normalised 2-D convolution or transposed convolution, CIFAR flavour (spec §3.4, nn.py WeightNormLayer):
 * per OUTPUT channel o, {@code W_o = V_o * g_o / sqrt(1e-6 + sum V_o^2)}, plus a bias b.
 * A convolution stores V as (out, in, kh, kw), so the sum runs over axes 1..3; a transposed convolution stores it
 * as (in, out, kh, kw), so the sum runs over axes 0, 2, 3 (normalising over axes 1..3 there, as
 * {@code torch.nn.utils.weight_norm} does by default, would normalise per input channel: the ports' bug).
 * Unlike {@link WeightNormDense}, W is materialised (once per step, see {@link #weight}): a conv kernel is far
 * smaller than its output (96x96x3x3 against 300x96x32x32), so scaling the kernel costs less time and memory than
 * scaling the outputs, and the bias goes into the convolution itself.
 * The gain starts trainable; the discriminator's data-dependent init freezes the hidden layers' gains.
 */
public final class WeightNormConv {
    private static final float EPS = 1e-6f;

    private final Param direction;
    private final Param scale;
    private final Param bias;
    private final boolean transposed;
    private final Shape stride;
    private final Shape padding;

    private WeightNormConv(String name, NDArray direction, boolean transposed, int stride, int padding) {
        NDManager m = direction.getManager();
        int out = (int) direction.getShape().get(transposed ? 1 : 0);
        this.direction = new Param(name + ".V", direction, true);
        this.scale = new Param(name + ".g", m.ones(new Shape(out)), true);
        this.bias = new Param(name + ".b", m.zeros(new Shape(out)), true);
        this.transposed = transposed;
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
    }

    /** Convolution with V of shape (out, in, k, k). */
    static WeightNormConv conv(String name, NDArray direction, int stride, int padding) {
        return new WeightNormConv(name, direction, false, stride, padding);
    }

    /**
     * The generator's transposed convolution: V of shape (in, out, 5, 5), as DJL/PyTorch store it; stride 2,
     * padding 2, output padding 1 (see {@link ConvOps#transposedConv5x5Stride2}).
     */
    static WeightNormConv transposed(String name, NDArray direction) {
        return new WeightNormConv(name, direction, true, 2, 2);
    }

    /** The axes of V that one output channel's norm sums over. */
    private int[] normAxes() {
        return transposed ? new int[] {0, 2, 3} : new int[] {1, 2, 3};
    }

    /** The effective weight W = V g / sqrt(eps + |V_o|^2), in V's layout; computed once per step. */
    public NDArray weight(ParamSource src) {
        NDArray v = src.valueOf(direction);
        NDArray factor = src.valueOf(scale).div(v.square().sum(normAxes()).add(EPS).sqrt());
        return v.mul(factor.reshape(transposed ? new Shape(1, -1, 1, 1) : new Shape(-1, 1, 1, 1)));
    }

    /** y = conv(x, W) + b, with W from {@link #weight}. */
    public NDArray forward(NDArray x, NDArray weight, ParamSource src) {
        NDArray b = src.valueOf(bias);
        return transposed
                ? ConvOps.transposedConv5x5Stride2(x, weight, b)
                : ConvOps.conv2d(x, weight, b, stride, padding);
    }

    /**
     * Data-dependent init (nn.py, init=True): from the pre-activations {@code a} (N, out, H, W) computed with the
     * current g, per channel mean mu and RMS sigma of a - mu over batch and space, then
     * {@code g <- g c / sigma}, {@code b <- -mu c / sigma}. Returns the normalised pre-activations (std c).
     */
    NDArray initFrom(NDArray a, float c) {
        int[] axes = {0, 2, 3};
        NDArray mu = ConvOps.mean(a, axes, false);
        NDArray centred = a.sub(mu.reshape(1, -1, 1, 1));
        NDArray squares = centred.square();
        NDArray factor = ConvOps.mean(squares, axes, false).sqrt().div(c);
        squares.close();
        scale.value().divi(factor);
        InPlace.copy(mu.neg().div(factor), bias.value());
        NDArray normalised = centred.div(factor.reshape(1, -1, 1, 1));
        centred.close();
        return normalised;
    }

    void freezeScale() { scale.freeze(); }

    public List<Param> params() {
        return List.of(direction, scale, bias);
    }
}
