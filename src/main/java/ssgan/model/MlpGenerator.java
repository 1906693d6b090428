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
 * MNIST generator (spec §2.2): dense 500 and 500 without bias, each followed by batch norm without gamma (batch
 * statistics, eps 1e-6, learned shift) and softplus; then a weight-normalised dense 784 with trainable scale and
 * sigmoid (or softplus, the PyTorch port's workaround, as an ablation). The output layer is today's
 * {@code l2normalize} (eps 1e-6 under the norm, no init), or the paper week's {@code weight_norm} (spec §8: no eps,
 * data-dependent init with one scalar sigma on the init pass's noise batch).
 */
public final class MlpGenerator implements Generator {
    private static final float BN_EPS = 1e-6f;
    private static final int HIDDEN = 500;

    private final int zDim;
    private final List<Param> dense = new ArrayList<>();
    private final List<Param> shift = new ArrayList<>();
    private final WeightNormDense output;
    private final boolean sigmoidOutput;
    private final boolean weightNormOutput;

    /**
     * Glorot-uniform weights (Lasagne's default), or N(0, 0.1^2) for the output layer's V as in the PyTorch port;
     * draws from the engine's RNG, which the caller seeds.
     */
    public MlpGenerator(NDManager manager, int zDim, int pixels, boolean sigmoidOutput, boolean glorotOutput) {
        this(manager, zDim, pixels, sigmoidOutput, glorotOutput, false);
    }

    /** @param weightNormOutput the paper week's output layer (2b81a18) instead of today's l2normalize */
    public MlpGenerator(NDManager manager, int zDim, int pixels, boolean sigmoidOutput, boolean glorotOutput,
                        boolean weightNormOutput) {
        this.zDim = zDim;
        this.sigmoidOutput = sigmoidOutput;
        this.weightNormOutput = weightNormOutput;
        int in = zDim;
        for (int i = 1; i <= 2; i++) {
            dense.add(new Param("G" + i + ".W", glorot(manager, HIDDEN, in), true));
            shift.add(new Param("G" + i + ".beta", manager.zeros(new Shape(HIDDEN)), true));
            in = HIDDEN;
        }
        NDArray v = glorotOutput ? glorot(manager, pixels, in)
                : manager.randomNormal(0f, 0.1f, new Shape(pixels, in), DataType.FLOAT32);
        output = new WeightNormDense("G3", v, true, weightNormOutput ? 0f : 1e-6f);
    }

    private static NDArray glorot(NDManager m, int out, int in) {
        float limit = (float) Math.sqrt(6.0 / (in + out));
        return m.randomUniform(-limit, limit, new Shape(out, in), DataType.FLOAT32);
    }

    @Override
    public NDArray generate(NDArray z, ParamSource src) {
        NDArray a = output.forward(hidden(z, src), output.unitScale(src), src);
        return sigmoidOutput ? Activation.sigmoid(a) : Activation.softPlus(a);
    }

    /** The weight_norm output's init pass; l2normalize has none (the draw of z happens either way). */
    @Override
    public void dataDependentInit(NDArray z) {
        if (weightNormOutput) {
            output.initFromOneSigma(output.forward(hidden(z, ParamSource.LIVE), output.unitScale(ParamSource.LIVE),
                    ParamSource.LIVE));
        }
    }

    /** G's last hidden layer (softplus of the second batch norm), the output layer's input. */
    NDArray hidden(NDArray z, ParamSource src) {
        NDArray h = z;
        for (int i = 0; i < dense.size(); i++) {
            h = Activation.softPlus(batchNormNoGamma(Linear.linear(h, src.valueOf(dense.get(i))).singletonOrThrow(),
                    src.valueOf(shift.get(i))));
        }
        return h;
    }

    /** The output layer, for tests. */
    WeightNormDense outputLayer() { return output; }

    /** (h - mean) / sqrt(var + eps) + beta over the batch; var is the biased (population) variance. */
    private static NDArray batchNormNoGamma(NDArray h, NDArray beta) {
        NDArray centred = h.sub(h.mean(new int[] {0}));
        NDArray std = centred.square().mean(new int[] {0}).add(BN_EPS).sqrt();
        return centred.div(std).add(beta);
    }

    @Override
    public int zDim() { return zDim; }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        for (int i = 0; i < dense.size(); i++) {
            ps.add(dense.get(i));
            ps.add(shift.get(i));
        }
        ps.addAll(output.params());
        return ps;
    }
}
