package ssgan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 discriminator (spec §3.3): dropout 0.2 on the input; weight-normalised 3x3 convs 96, 96, 96/2; dropout
 * 0.5; 192, 192, 192/2; dropout 0.5; 192 3x3 valid, two NIN (1x1) 192; leaky ReLU 0.2 after each; global mean
 * pooling (the feature-matching features); weight-normalised dense to the logits. Hidden gains are frozen after the
 * data-dependent init; the logits' gain stays trainable and is initialised to give logits of std 0.1.
 * Takes images flat (n, 3*side*side), as the trainer stores them, or as (n, 3, side, side).
 */
public final class CnnDiscriminator implements Discriminator {
    static final float SLOPE = 0.2f;
    static final float LOGITS_INIT_SCALE = 0.1f;
    /** (channels, stride, padding) of the conv layers; kernel 3 except the two NIN layers (1x1). */
    private static final int[][] CONVS = {
            {96, 1, 1}, {96, 1, 1}, {96, 2, 1}, {192, 1, 1}, {192, 1, 1}, {192, 2, 1}, {192, 1, 0}, {192, 1, 0},
            {192, 1, 0}};
    private static final int NIN_FROM = 7;
    /** Dropout follows these layers (the two stride-2 convs). */
    private static final int[] DROPOUT_AFTER = {2, 5};
    private static final float V_STD = 0.05f;

    private final int channels;
    private final int side;
    private final List<WeightNormConv> convs = new ArrayList<>();
    private final WeightNormDense logits;
    private final float inputDropout;
    private final float hiddenDropout;
    private final float inputNoise;
    private final float hiddenNoise;

    /**
     * V ~ N(0, 0.05^2), gains 1, biases 0; draws from the engine's RNG, which the caller seeds. Gaussian noise
     * (0 in the FM model) goes where dropout goes, before it.
     */
    public CnnDiscriminator(NDManager manager, int channels, int side, int classes, Regularisation r) {
        this.channels = channels;
        this.side = side;
        this.inputDropout = (float) r.inputDropout();
        this.hiddenDropout = (float) r.hiddenDropout();
        this.inputNoise = (float) r.inputNoise();
        this.hiddenNoise = (float) r.hiddenNoise();
        int in = channels;
        for (int i = 0; i < CONVS.length; i++) {
            int out = CONVS[i][0];
            int k = i >= NIN_FROM ? 1 : 3;
            NDArray v = manager.randomNormal(0f, V_STD, new Shape(out, in, k, k), DataType.FLOAT32);
            convs.add(WeightNormConv.conv("D" + (i + 1), v, CONVS[i][1], CONVS[i][2]));
            in = out;
        }
        NDArray v = manager.randomNormal(0f, V_STD, new Shape(classes, in), DataType.FLOAT32);
        logits = new WeightNormDense("D" + (CONVS.length + 1), v, true, 1e-6f);
    }

    /** Per step: each conv layer's effective kernel W, then the logits layer's factor s/|V|. */
    @Override
    public List<NDArray> unitScales(ParamSource src) {
        List<NDArray> scales = new ArrayList<>(convs.size() + 1);
        for (WeightNormConv c : convs) {
            scales.add(c.weight(src));
        }
        scales.add(logits.unitScale(src));
        return scales;
    }

    @Override
    public Output forward(NDArray x, List<NDArray> w, ParamSource src, boolean training, boolean withLogits) {
        NDArray h = images(x);
        h = training ? Noise.dropout(Noise.gaussian(h, inputNoise), inputDropout) : h;
        for (int i = 0; i < convs.size(); i++) {
            h = Activation.leakyRelu(convs.get(i).forward(h, w.get(i), src), SLOPE);
            if (training && droppedAfter(i)) {
                h = Noise.dropout(Noise.gaussian(h, hiddenNoise), hiddenDropout);
            }
        }
        NDArray features = ConvOps.mean(h, new int[] {2, 3}, false);
        if (!withLogits) {
            return new Output(null, features);
        }
        return new Output(logits.forward(features, w.get(convs.size()), src), features);
    }

    private NDArray images(NDArray x) {
        return x.reshape(-1, channels, side, side);
    }

    private static boolean droppedAfter(int layer) {
        for (int i : DROPOUT_AFTER) {
            if (i == layer) {
                return true;
            }
        }
        return false;
    }

    /**
     * The authors' init pass (spec §3.4): training mode (dropout on), each layer normalised in turn to per-channel
     * mean 0 and std 1 (std 0.1 for the logits) over batch and space, its normalised output fed on.
     */
    @Override
    public void dataDependentInit(NDArray x) {
        NDArray h = Noise.dropout(Noise.gaussian(images(x), inputNoise), inputDropout);
        for (int i = 0; i < convs.size(); i++) {
            WeightNormConv c = convs.get(i);
            NDArray a = c.forward(h, c.weight(ParamSource.LIVE), ParamSource.LIVE);
            NDArray normalised = c.initFrom(a, 1f);
            NDArray next = Activation.leakyRelu(normalised, SLOPE);
            if (droppedAfter(i)) {
                next = Noise.dropout(Noise.gaussian(next, hiddenNoise), hiddenDropout);
            }
            // 500 images of 96x32x32 floats are 200 MB per array: free each layer's arrays when done with them
            for (NDArray done : new NDArray[] {h, a, normalised}) {
                if (done != next && done != x) {
                    done.close();
                }
            }
            h = next;
        }
        NDArray features = ConvOps.mean(h, new int[] {2, 3}, false);
        logits.initFrom(logits.forward(features, logits.unitScale(ParamSource.LIVE), ParamSource.LIVE),
                LOGITS_INIT_SCALE);
        freezeHiddenScales();
    }

    @Override
    public void freezeHiddenScales() {
        convs.forEach(WeightNormConv::freezeScale);
    }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        convs.forEach(c -> ps.addAll(c.params()));
        ps.addAll(logits.params());
        return ps;
    }

    /** The layers, for tests of the init statistics. */
    List<WeightNormConv> convs() { return convs; }

    WeightNormDense logitsLayer() { return logits; }
}
