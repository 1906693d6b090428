package ssgan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplication and division by a constant inside a gradient collector. Never write {@code x.mul(0.5f)} or
 * {@code x.div(n)} there: DJL 0.35's PyTorch engine wraps the number in a tensor that points into a Java direct
 * buffer and closes that tensor as soon as the op returns, while autograd keeps it for the backward pass
 * (d(x·c)/dx = c). A garbage collection between the forward and the backward frees the buffer, and the backward
 * reads whatever the allocator left there: gradients scaled by garbage, or NaN parameters (issue 13, "G1.W is not
 * finite at epoch 1, iteration 1"). The constant made here lives in PyTorch's own reference-counted memory, which
 * autograd keeps alive; the arithmetic is the same tensor-by-0-d-tensor op, so results are bit for bit unchanged.
 * (Addition and subtraction are safe: their backward never reads the constant.)
 */
public final class GraphScalars {
    private GraphScalars() {}

    /** x · c */
    public static NDArray times(NDArray x, float c) {
        return x.mul(constant(x, c));
    }

    /** x / c */
    public static NDArray dividedBy(NDArray x, float c) {
        return x.div(constant(x, c));
    }

    private static NDArray constant(NDArray like, float c) {
        return like.getManager().full(new Shape(), c, like.getDataType());
    }
}
