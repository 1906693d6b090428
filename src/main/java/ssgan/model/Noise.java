package ssgan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Gaussian noise layers (training mode only); draws from the engine's RNG, seeded per iteration by the trainer. */
final class Noise {
    private Noise() {}

    static NDArray gaussian(NDArray x, float std) {
        if (std == 0f) {
            return x;
        }
        return x.add(x.getManager().randomNormal(0f, std, x.getShape(), DataType.FLOAT32));
    }
}
