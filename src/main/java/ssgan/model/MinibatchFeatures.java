package ssgan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

import java.util.List;

/**
 * Minibatch discrimination (spec §3.6, the authors' {@code MinibatchLayer}): each image is projected to K kernels of
 * dimension 5 by a weight-normalised matrix with a learned log-scale; for every kernel, c = sum over the other
 * images of the batch of exp(-L1 distance), plus a learned bias (init -1). The K features are appended to the input.
 * Images are compared only within their own batch of {@code groupSize} rows, as in the authors' code where each
 * batch (labeled, unlabeled, fake, test) goes through D on its own; this keeps our concatenated D forward exact.
 */
final class MinibatchFeatures {
    private static final int DIM = 5;
    private static final float SELF = 1e6f;   // excludes each image's distance to itself, as the authors do

    private final Param direction;   // (K * DIM, in)
    private final Param logScale;    // (K * DIM)
    private final Param bias;        // (K)
    private final int kernels;
    private final int groupSize;

    MinibatchFeatures(NDManager manager, int inputs, int kernels, int groupSize) {
        this.kernels = kernels;
        this.groupSize = groupSize;
        direction = new Param("MB.V", manager.randomNormal(0f, 0.05f, new Shape((long) kernels * DIM, inputs),
                DataType.FLOAT32), true);
        logScale = new Param("MB.logScale", manager.zeros(new Shape((long) kernels * DIM)), true);
        bias = new Param("MB.b", manager.full(new Shape(kernels), -1f), true);
    }

    int outputs(int inputs) {
        return inputs + kernels;
    }

    /** exp(log-scale) / |V| per projected unit, computed once per step. */
    NDArray unitScale(ParamSource src) {
        NDArray norm = src.valueOf(direction).square().sum(new int[] {1}).sqrt();
        return src.valueOf(logScale).exp().div(norm);
    }

    NDArray forward(NDArray h, NDArray unitScale, ParamSource src) {
        NDArray c = closeness(distances(h, unitScale, src)).add(src.valueOf(bias));
        return NDArrays.concat(new NDList(h, c), 1);
    }

    /**
     * Data-dependent init: divide the distances by half the mean (over images) of each kernel's smallest distance,
     * folding that into the log-scale, then centre the features through the bias.
     */
    NDArray initFrom(NDArray h) {
        NDArray dist = distances(h, unitScale(ParamSource.LIVE), ParamSource.LIVE);   // (groups, m, m, K)
        NDArray meanMin = dist.min(new int[] {2}).reshape(-1, kernels).mean(new int[] {0}).mul(0.5f); // (K)
        logScale.value().subi(meanMin.log().expandDims(1).repeat(1, DIM).reshape(-1));
        NDArray c = closeness(dist.div(meanMin));
        NDArray mean = c.mean(new int[] {0});
        InPlace.copy(mean.neg(), bias.value());
        return NDArrays.concat(new NDList(h, c.sub(mean)), 1);
    }

    /** Pairwise L1 distances per kernel within each group of rows: (groups, m, m, K), self-distance 1e6. */
    private NDArray distances(NDArray h, NDArray unitScale, ParamSource src) {
        long n = h.getShape().get(0);
        long m = n % groupSize == 0 ? groupSize : n;
        NDArray a = Linear.linear(h, src.valueOf(direction)).singletonOrThrow().mul(unitScale)
                .reshape(n / m, m, kernels, DIM);
        NDArray dist = a.expandDims(2).sub(a.expandDims(1)).abs().sum(new int[] {4});
        NDArray self = h.getManager().eye((int) m).mul(SELF).reshape(1, m, m, 1);
        return dist.add(self);
    }

    /** c = sum over the other images of exp(-distance): (n, K). */
    private NDArray closeness(NDArray dist) {
        return dist.neg().exp().sum(new int[] {2}).reshape(-1, kernels);
    }

    List<Param> params() {
        return List.of(direction, logScale, bias);
    }
}
