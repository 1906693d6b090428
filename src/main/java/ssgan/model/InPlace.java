package ssgan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Overwriting an array's values in place (init results, restored checkpoints), as a copy inside PyTorch.
 * DJL's {@code NDArray.set(float[])} would do it too, but it goes through PyTorch's deprecated
 * {@code AutoNonVariableTypeMode}, which printed a deprecation warning at the start of every run, and it leaves the
 * tensor pointing into a Java buffer instead of memory PyTorch owns.
 */
public final class InPlace {
    private InPlace() {}

    /** target[...] = source; the shapes must match. */
    public static void copy(NDArray source, NDArray target) {
        if (!source.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException("cannot copy " + source.getShape() + " into " + target.getShape());
        }
        target.set(new NDIndex("..."), source);
    }
}
