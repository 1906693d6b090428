package ssgan.model;

import ai.djl.ndarray.NDManager;
import ssgan.experiment.Settings;

/** Builds the networks a configuration names. */
public final class Models {
    private Models() {}

    public record Pair(Discriminator d, Generator g) {}

    public static Pair create(NDManager manager, Settings s, int imageSize, int classes) {
        return switch (s.model()) {
            case MNIST_MLP -> new Pair(
                    new MlpDiscriminator(manager, imageSize, classes, s.inputNoise(), s.hiddenNoise()),
                    new MlpGenerator(manager, s.zDim(), imageSize,
                            s.generatorOutput() == Settings.GeneratorOutput.SIGMOID));
            case CIFAR_CNN -> throw new UnsupportedOperationException(
                    "the CIFAR-10 convolutional model is not implemented yet (issue 6)");
        };
    }
}
