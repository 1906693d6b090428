package ssgan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.norm.Dropout;

/**
 * Gaussian noise and dropout layers (training mode only); both draw from the engine's RNG, which the trainer
 * reseeds every iteration. A zero std or rate returns the input without drawing anything.
 */
final class Noise {
    private Noise() {}

    static NDArray gaussian(NDArray x, float std) {
        if (std == 0f) {
            return x;
        }
        return x.add(x.getManager().randomNormal(0f, std, x.getShape(), DataType.FLOAT32));
    }

    /** Inverted dropout (Lasagne's rescale=True): zero with probability {@code rate}, scale the rest by 1/(1-rate). */
    static NDArray dropout(NDArray x, float rate) {
        if (rate == 0f) {
            return x;
        }
        return Dropout.dropout(x, rate, true).singletonOrThrow();
    }
}
