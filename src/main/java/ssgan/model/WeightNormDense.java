package ssgan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

import java.util.List;

/**
 * Weight-normalised dense layer (Salimans and Kingma 2016), as in the authors' nn.py: per output unit j,
 * {@code W[j,:] = s_j * V[j,:] / sqrt(eps + |V[j,:]|^2)}, then {@code y = x W^T + b}.
 * Computed as {@code y = (x V^T) * (s / |V|) + b}: scaling the outputs rather than materialising W gives the same
 * result and saves several passes over the weight matrix in the forward and the backward pass.
 * V is stored as (out, in) so the norms run over rows and {@link Linear#linear} applies it directly.
 * The scale starts trainable; a discriminator's data-dependent init freezes its hidden layers' scales
 * (the authors' {@code train_scale=False}), so that step is what decides, and tests can see it happen.
 */
public final class WeightNormDense {
    private final Param direction;
    private final Param scale;
    private final Param bias;
    private final float eps;

    WeightNormDense(String name, NDArray direction, boolean hasBias, float eps) {
        NDManager m = direction.getManager();
        int out = (int) direction.getShape().get(0);
        this.direction = new Param(name + ".V", direction, true);
        this.scale = new Param(name + ".s", m.ones(new Shape(out)), true);
        this.bias = hasBias ? new Param(name + ".b", m.zeros(new Shape(out)), true) : null;
        this.eps = eps;
    }

    /** The per-unit factor s / |V| (out); computed once per step and shared by every forward in that step. */
    public NDArray unitScale(ParamSource src) {
        NDArray squares = src.valueOf(direction).square().sum(new int[] {1});
        return src.valueOf(scale).div((eps == 0f ? squares : squares.add(eps)).sqrt());
    }

    public NDArray forward(NDArray x, NDArray unitScale, ParamSource src) {
        NDArray y = Linear.linear(x, src.valueOf(direction)).singletonOrThrow().mul(unitScale);
        return bias == null ? y : y.add(src.valueOf(bias));
    }

    /**
     * Data-dependent init (nn.py, "init" pass): given the pre-activations {@code a} computed with the current
     * scale, set {@code s <- s / sigma} and {@code b <- -mu / sigma} so every unit starts at mean 0, std 1.
     * Returns the normalised pre-activations to feed the next layer.
     */
    NDArray initFrom(NDArray a) {
        return initFrom(a, 1f);
    }

    /** The same with init scale c (the CIFAR logits use 0.1): {@code s <- s c / sigma}, {@code b <- -mu c / sigma}. */
    NDArray initFrom(NDArray a, float c) {
        NDArray mu = a.mean(new int[] {0});
        NDArray sigma = a.sub(mu).square().mean(new int[] {0}).sqrt();
        NDArray factor = c == 1f ? sigma : sigma.div(c);
        scale.value().divi(factor);
        if (bias != null) {
            InPlace.copy(mu.neg().div(factor), bias.value());
        }
        return a.sub(mu).div(factor);
    }

    /**
     * The data-dependent init of the G output layer of the paper's week (2b81a18's {@code nn.weight_norm}, spec
     * section 8): each unit's batch mean m is subtracted, then one scalar sigma, the root mean square of the centred
     * pre-activations over the batch and every unit, divides them all: {@code b <- -m / sigma},
     * {@code s <- s / sigma}. Returns the normalised pre-activations.
     */
    NDArray initFromOneSigma(NDArray a) {
        NDArray mu = a.mean(new int[] {0});
        NDArray centred = a.sub(mu);
        NDArray sigma = centred.square().mean().sqrt();
        scale.value().divi(sigma);
        if (bias != null) {
            InPlace.copy(mu.neg().div(sigma), bias.value());
        }
        return centred.div(sigma);
    }

    void freezeScale() { scale.freeze(); }

    public List<Param> params() {
        return bias == null ? List.of(direction, scale) : List.of(direction, scale, bias);
    }
}
