package ssgan.model;

/**
 * What a discriminator does to its activations during training only: Gaussian noise (a standard deviation) and
 * inverted dropout (a rate), on its input and after its hidden layers. Named, so the four numbers cannot be swapped.
 */
public record Regularisation(double inputNoise, double hiddenNoise, double inputDropout, double hiddenDropout) {

    /** The MNIST model's noise, without dropout. */
    public static Regularisation noise(double input, double hidden) {
        return new Regularisation(input, hidden, 0, 0);
    }

    /** The CIFAR model's dropout, without noise. */
    public static Regularisation dropout(double input, double hidden) {
        return new Regularisation(0, 0, input, hidden);
    }
}
