package ssgan.model;

import ai.djl.ndarray.NDArray;

import java.util.List;

/** The classifier/discriminator D: K logits (the fake class has a fixed logit 0) and the feature-matching layer. */
public interface Discriminator {

    /** Logits (batch, K) and the features f(x) that feature matching compares; logits null when not asked for. */
    record Output(NDArray logits, NDArray features) {}

    /**
     * Each layer's per-step weight-norm quantity, computed once per step and shared by its forwards: the factors
     * s / |V| of a dense layer, the effective kernel W of a convolution.
     */
    List<NDArray> unitScales(ParamSource src);

    /**
     * @param training    Gaussian noise / dropout on (every D and G step), off for evaluation
     * @param withLogits  false stops at the feature layer (the G step needs nothing after it)
     */
    Output forward(NDArray x, List<NDArray> unitScales, ParamSource src, boolean training, boolean withLogits);

    /** Data-dependent init on a batch of images (training mode), then freezes the hidden scales. */
    void dataDependentInit(NDArray x);

    /** Freezes the hidden scales without data-dependent init (they stay at 1). */
    void freezeHiddenScales();

    List<Param> params();
}
