package ssgan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** PyTorch accumulates gradients across backward passes; DJL's collector does not clear them, so we do. */
final class Gradients {
    private Gradients() {}

    static void zero(NDArray param, NDArray grad) {
        if (param instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else {
            grad.subi(grad);
        }
    }
}
