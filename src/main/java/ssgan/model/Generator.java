package ssgan.model;

import ai.djl.ndarray.NDArray;

import java.util.List;

/** The generator G: z ~ U[0,1)^zDim to an image batch (batch, pixels). */
public interface Generator {
    /** Always uses batch statistics in its batch norms, as the authors' code does. */
    NDArray generate(NDArray z, ParamSource src);

    int zDim();

    /** Data-dependent init on one noise batch (the CIFAR output layer, MNIST's weight_norm output); else nothing. */
    default void dataDependentInit(NDArray z) {}

    List<Param> params();
}
