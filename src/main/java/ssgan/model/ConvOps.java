package ssgan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** Convolution helpers that DJL's PyTorch engine lacks, and the one door every convolution of the models takes. */
final class ConvOps {
    private static final Shape ONE = new Shape(1, 1);
    /** oneDNN's widest channel block for float32 (AVX-512; AVX2 uses 8, which divides it). */
    private static final int CHANNEL_BLOCK = 16;

    private ConvOps() {}

    /** Mean over several axes (the engine's mean takes one axis only); safe inside a gradient collector. */
    static NDArray mean(NDArray a, int[] axes, boolean keepDims) {
        long n = 1;
        for (int axis : axes) {
            n *= a.getShape().get(axis);
        }
        return GraphScalars.dividedBy(a.sum(axes, keepDims), n);
    }

    /**
     * conv2d(x, w) + bias, w of shape (out, in, kh, kw), dilation 1, one group. On the CPU, libtorch 2.7.1 runs
     * float32 convolutions in oneDNN, which stores channels in blocks of 16 and pads the last, partial one. When the
     * output channels end in a partial block, its input gradient is wrong: it takes in padding it never wrote (off
     * by 44-56 % of the largest entry against float64 on the development machine, and NaN whenever that memory
     * holds a NaN bit pattern). The CIFAR generator's output layer has 12 output channels (4 phases x RGB), so
     * every layer below it learnt from a wrong gradient until 2026-12-06. Hence zero output channels up to a whole
     * block, and the result cut back: oneDNN has no padding to leave unwritten, and the real channels' sums are
     * the same. The zero channels are constants; no gradient flows into them. (Partial input-channel blocks, as in
     * D's 3 -> 96 first layer, measure right.)
     */
    static NDArray conv2d(NDArray x, NDArray w, NDArray bias, Shape stride, Shape padding) {
        long out = w.getShape().get(0);
        long missing = x.getDevice().isGpu() ? 0 : (CHANNEL_BLOCK - out % CHANNEL_BLOCK) % CHANNEL_BLOCK;
        if (missing == 0) {
            return Conv2d.conv2d(x, w, bias, stride, padding, ONE, 1).singletonOrThrow();
        }
        NDManager m = w.getManager();
        Shape kernel = w.getShape();
        Shape zeroKernels = new Shape(missing, kernel.get(1), kernel.get(2), kernel.get(3));
        NDArray wholeW = w.concat(m.zeros(zeroKernels, w.getDataType()), 0);
        NDArray wholeBias = bias == null ? null : bias.concat(m.zeros(new Shape(missing), bias.getDataType()), 0);
        return Conv2d.conv2d(x, wholeW, wholeBias, stride, padding, ONE, 1).singletonOrThrow()
                .get(new NDIndex().addAllDim().addSliceDim(0, out));
    }

    /**
     * The generator's transposed convolution: 5x5 kernel W (in, out, 5, 5), stride 2, padding 2, output padding 1,
     * so (n, in, h, w) becomes (n, out, 2h, 2w); {@code bias} (out) may be null. DJL's PyTorch engine does not
     * implement deconvolution, so this is its sub-pixel form: output pixel (2a+py, 2b+px) only meets kernel taps
     * of parity (py, px), which makes each of the four output phases an ordinary 3x3 convolution (padding 1) of
     * the input. One convolution computes all four (4·out channels, 36 taps for the 25 of the kernel, the missing
     * ones zero) and a reshape interleaves them. Differentiable in W and x like any other op.
     */
    static NDArray transposedConv5x5Stride2(NDArray x, NDArray w, NDArray bias) {
        long in = w.getShape().get(0);
        long out = w.getShape().get(1);
        long n = x.getShape().get(0);
        long h = x.getShape().get(2);
        long wd = x.getShape().get(3);
        // Output row 2a+py takes input row a+dy-1 through tap ky = 4 + py - 2dy (dy = 0..2; ky = 5 is a zero
        // tap). With W padded to 6 taps and flipped, j = 5 - ky = 2dy + (1 - py): a (dy, 1 - py) grid.
        NDArray k = w.pad(new Shape(0, 1, 0, 1), 0).flip(2, 3)
                .reshape(in, out, 3, 2, 3, 2)   // (in, out, dy, 1-py, dx, 1-px)
                .flip(3, 5)                      // (in, out, dy, py, dx, px)
                .transpose(3, 5, 1, 0, 2, 4)     // (py, px, out, in, dy, dx)
                .reshape(4 * out, in, 3, 3);
        NDArray phases = conv2d(x, k, null, ONE, ONE); // (n, 4 out, h, w)
        NDArray y = phases.reshape(n, 2, 2, out, h, wd)
                .transpose(0, 3, 4, 1, 5, 2)     // (n, out, h, py, w, px)
                .reshape(n, out, 2 * h, 2 * wd);
        return bias == null ? y : y.add(bias.reshape(1, -1, 1, 1));
    }
}
