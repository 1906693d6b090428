package ssgan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import java.util.ArrayList;
import java.util.List;

/**
 * Permutation-invariant MNIST discriminator (spec §2.3): Gaussian noise 0.3 on the input, weight-normalised dense
 * 784-1000-500-250-250-250-10 with ReLU and noise 0.5 after each hidden layer. The features for feature matching
 * are the last hidden layer's ReLU output, before its noise. Hidden scales are frozen after the init; the output
 * scale stays trainable. The minibatch-discrimination ablation appends its features to that layer's output.
 */
public final class MlpDiscriminator implements Discriminator {
    static final int[] WIDTHS = {1000, 500, 250, 250, 250};

    private final List<WeightNormDense> layers = new ArrayList<>();
    private final float inputNoise;
    private final float hiddenNoise;
    private final float inputDropout;
    private final float hiddenDropout;
    private final MinibatchFeatures minibatch;   // null in the paper's SSL model

    /** V ~ N(0, 0.1^2), scales 1, biases 0; draws from the engine's RNG, which the caller seeds. */
    public MlpDiscriminator(NDManager manager, int inputs, int classes, Regularisation r) {
        this(manager, inputs, classes, r, 0, 0);
    }

    /**
     * With dropout after each noise layer (not in the authors' MNIST model: 0 there, which draws nothing) and
     * optional minibatch-discrimination features on the last hidden layer (spec §3.6; 0 kernels: none), compared
     * within groups of {@code batchSize} rows.
     */
    public MlpDiscriminator(NDManager manager, int inputs, int classes, Regularisation r, int minibatchKernels,
                            int batchSize) {
        this.inputNoise = (float) r.inputNoise();
        this.hiddenNoise = (float) r.hiddenNoise();
        this.inputDropout = (float) r.inputDropout();
        this.hiddenDropout = (float) r.hiddenDropout();
        this.minibatch = minibatchKernels > 0
                ? new MinibatchFeatures(manager, WIDTHS[WIDTHS.length - 1], minibatchKernels, batchSize) : null;
        int in = inputs;
        for (int i = 0; i <= WIDTHS.length; i++) {
            int out = i < WIDTHS.length ? WIDTHS[i] : classes;
            if (i == WIDTHS.length && minibatch != null) {
                in = minibatch.outputs(in);
            }
            NDArray v = manager.randomNormal(0f, 0.1f, new Shape(out, in), DataType.FLOAT32);
            layers.add(new WeightNormDense("D" + (i + 1), v, true, 0f));
            in = out;
        }
    }

    @Override
    public List<NDArray> unitScales(ParamSource src) {
        List<NDArray> scales = new ArrayList<>(layers.size());
        for (WeightNormDense l : layers) {
            scales.add(l.unitScale(src));
        }
        if (minibatch != null) {
            scales.add(minibatch.unitScale(src));
        }
        return scales;
    }

    @Override
    public Output forward(NDArray x, List<NDArray> w, ParamSource src, boolean training, boolean withLogits) {
        NDArray h = training ? Noise.dropout(Noise.gaussian(x, inputNoise), inputDropout) : x;
        NDArray features = null;
        int hidden = layers.size() - 1;
        for (int i = 0; i < hidden; i++) {
            h = Activation.relu(layers.get(i).forward(h, w.get(i), src));
            if (i == hidden - 1) {
                features = h;
                if (!withLogits) {
                    return new Output(null, features);
                }
                if (minibatch != null) {
                    h = minibatch.forward(h, w.get(layers.size()), src);
                }
            }
            h = training ? Noise.dropout(Noise.gaussian(h, hiddenNoise), hiddenDropout) : h;
        }
        return new Output(layers.get(hidden).forward(h, w.get(hidden), src), features);
    }

    @Override
    public void dataDependentInit(NDArray x) {
        NDArray h = Noise.dropout(Noise.gaussian(x, inputNoise), inputDropout);
        for (int i = 0; i < layers.size(); i++) {
            WeightNormDense layer = layers.get(i);
            NDArray a = layer.initFrom(layer.forward(h, layer.unitScale(ParamSource.LIVE), ParamSource.LIVE));
            if (i == layers.size() - 1) {
                break;
            }
            h = Activation.relu(a);
            if (i == layers.size() - 2 && minibatch != null) {
                h = minibatch.initFrom(h);
            }
            h = Noise.dropout(Noise.gaussian(h, hiddenNoise), hiddenDropout);
        }
        freezeHiddenScales();
    }

    @Override
    public void freezeHiddenScales() {
        for (int i = 0; i < layers.size() - 1; i++) {
            layers.get(i).freezeScale();
        }
    }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        layers.forEach(l -> ps.addAll(l.params()));
        if (minibatch != null) {
            ps.addAll(minibatch.params());
        }
        return ps;
    }
}
