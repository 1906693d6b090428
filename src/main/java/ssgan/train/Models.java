package ssgan.train;

import ai.djl.ndarray.NDManager;
import ssgan.config.Settings;
import ssgan.model.CnnDiscriminator;
import ssgan.model.CnnGenerator;
import ssgan.model.Discriminator;
import ssgan.model.Generator;
import ssgan.model.MlpDiscriminator;
import ssgan.model.MlpGenerator;
import ssgan.model.Regularisation;

/** Builds the networks a configuration names, and knows what a training iteration of each costs. */
public final class Models {
    private Models() {}

    public record Pair(Discriminator d, Generator g) {}

    /** Cost of one training iteration at batch 100 (spec §6, FLOP counted from the layer shapes), for the benchmark. */
    public record Cost(double gflopPerIteration) {}

    public static Pair create(NDManager manager, Settings s, int imageSize, int classes) {
        return switch (s.model()) {
            case MNIST_MLP -> new Pair(
                    new MlpDiscriminator(manager, imageSize, classes, regularisation(s), s.minibatchKernels(),
                            s.batchSize()),
                    new MlpGenerator(manager, s.zDim(), imageSize,
                            s.generatorOutput() == Settings.GeneratorOutput.SIGMOID,
                            s.generatorOutputInit() == Settings.GeneratorOutputInit.GLOROT,
                            s.generatorOutputNorm() == Settings.GeneratorOutputNorm.WEIGHT_NORM));
            case CIFAR_CNN -> {
                if (s.minibatchKernels() > 0) {
                    throw new UnsupportedOperationException("minibatch_kernels is implemented for mnist_mlp only");
                }
                int side = rgbSide(imageSize);
                yield new Pair(
                        new CnnDiscriminator(manager, 3, side, classes, regularisation(s)),
                        new CnnGenerator(manager, s.zDim(), 3, side));
            }
        };
    }

    private static Regularisation regularisation(Settings s) {
        return new Regularisation(s.inputNoise(), s.hiddenNoise(), s.inputDropout(), s.hiddenDropout());
    }

    public static Cost cost(Settings.Model model) {
        return switch (model) {
            case MNIST_MLP -> new Cost(4.3);
            case CIFAR_CNN -> new Cost(775); // spec §6: 0.75-0.8 TFLOP per iteration
        };
    }

    /** Side of square RGB images of {@code imageSize} floats (32 for CIFAR-10). */
    static int rgbSide(int imageSize) {
        int side = (int) Math.round(Math.sqrt(imageSize / 3.0));
        if (3 * side * side != imageSize) {
            throw new IllegalArgumentException("cifar_cnn needs square RGB images, got " + imageSize + " floats");
        }
        return side;
    }
}
