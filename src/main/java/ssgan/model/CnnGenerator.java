package ssgan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;

import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 generator (spec §3.2): dense 100 -> 512x4x4 without bias, then 5x5 stride-2 transposed convs to 256x8x8
 * and 128x16x16 without bias, each followed by batch norm without gamma (batch statistics, eps 1e-6, learned shift)
 * and ReLU; then a weight-normalised 5x5 stride-2 transposed conv to 3x32x32 (gain trainable, normalised per
 * output channel, init scale 0.1 by the data-dependent init) with bias and tanh. Images come out flat,
 * (n, 3*side*side), the layout the trainer keeps real images in. {@code side} is 32 for CIFAR (tests use 16).
 */
public final class CnnGenerator implements Generator {
    private static final float BN_EPS = 1e-6f;
    private static final float W_STD = 0.05f;
    static final float OUTPUT_INIT_SCALE = 0.1f;
    private static final int[] WIDTHS = {512, 256, 128};

    private final int zDim;
    private final int channels;
    private final int side;
    private final int base;
    private final Param dense;
    private final List<Param> deconvs = new ArrayList<>();
    private final List<Param> shifts = new ArrayList<>();
    private final WeightNormConv output;

    /** All weights N(0, 0.05^2); draws from the engine's RNG, which the caller seeds. */
    public CnnGenerator(NDManager manager, int zDim, int channels, int side) {
        if (side % 8 != 0) {
            throw new IllegalArgumentException("image side " + side + " is not a multiple of 8");
        }
        this.zDim = zDim;
        this.channels = channels;
        this.side = side;
        this.base = side / 8;
        int units = WIDTHS[0] * base * base;
        dense = new Param("G1.W", manager.randomNormal(0f, W_STD, new Shape(units, zDim), DataType.FLOAT32), true);
        shifts.add(new Param("G1.beta", manager.zeros(new Shape(units)), true));
        for (int i = 1; i < WIDTHS.length; i++) {
            Shape shape = new Shape(WIDTHS[i - 1], WIDTHS[i], 5, 5); // (in, out, kh, kw)
            deconvs.add(new Param("G" + (i + 1) + ".W", manager.randomNormal(0f, W_STD, shape, DataType.FLOAT32),
                    true));
            shifts.add(new Param("G" + (i + 1) + ".beta", manager.zeros(new Shape(WIDTHS[i])), true));
        }
        NDArray v = manager.randomNormal(0f, W_STD, new Shape(WIDTHS[WIDTHS.length - 1], channels, 5, 5),
                DataType.FLOAT32);
        output = WeightNormConv.transposed("G" + (WIDTHS.length + 1), v);
    }

    @Override
    public NDArray generate(NDArray z, ParamSource src) {
        NDArray a = output.forward(hidden(z, src), output.weight(src), src);
        return Activation.tanh(a).reshape(-1, (long) channels * side * side);
    }

    /** Everything before the output layer: (n, 128, side/2, side/2). */
    private NDArray hidden(NDArray z, ParamSource src) {
        NDArray h = Linear.linear(z, src.valueOf(dense)).singletonOrThrow();
        h = Activation.relu(batchNormNoGamma(h, src.valueOf(shifts.get(0)), new int[] {0}));
        h = h.reshape(-1, WIDTHS[0], base, base);
        for (int i = 0; i < deconvs.size(); i++) {
            h = ConvOps.transposedConv5x5Stride2(h, src.valueOf(deconvs.get(i)), null);
            NDArray beta = src.valueOf(shifts.get(i + 1)).reshape(1, -1, 1, 1);
            h = Activation.relu(batchNormNoGamma(h, beta, new int[] {0, 2, 3}));
        }
        return h;
    }

    /** (h - mean) / sqrt(var + eps) + beta over {@code axes}; var is the biased (population) variance. */
    private static NDArray batchNormNoGamma(NDArray h, NDArray beta, int[] axes) {
        NDArray centred = h.sub(ConvOps.mean(h, axes, true));
        NDArray std = ConvOps.mean(centred.square(), axes, true).add(BN_EPS).sqrt();
        return centred.div(std).add(beta);
    }

    /** The authors' init pass on one noise batch (BN on batch statistics): output pre-activations get std 0.1. */
    @Override
    public void dataDependentInit(NDArray z) {
        output.initFrom(output.forward(hidden(z, ParamSource.LIVE), output.weight(ParamSource.LIVE),
                ParamSource.LIVE), OUTPUT_INIT_SCALE);
    }

    @Override
    public int zDim() { return zDim; }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        ps.add(dense);
        ps.add(shifts.get(0));
        for (int i = 0; i < deconvs.size(); i++) {
            ps.add(deconvs.get(i));
            ps.add(shifts.get(i + 1));
        }
        ps.addAll(output.params());
        return ps;
    }

    /** The output layer, for tests. */
    WeightNormConv outputLayer() { return output; }
}
