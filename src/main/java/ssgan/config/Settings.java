package ssgan.config;

/**
 * Every setting the trainer reads, fully resolved (no nulls). Config keys are the snake_case forms of these
 * names (e.g. {@code seed_data}); their defaults and documentation live in one place, the resource
 * {@code ssgan/config/defaults.yaml}. Options that only change how fast a run goes (thread count) are not
 * settings: they do not change the run id.
 */
public record Settings(
        String dataset,              // name of a dataset declared under data/<name>/dataset.yaml
        Model model,                 // network family
        Mode mode,                   // gan (the paper) or supervised (same D, GAN terms off)
        int labels,                  // number of labeled training images, class-balanced
        int seed,                    // weights, noise, shuffles
        int seedData,                // only the labeled subset (and the data-dependent-init images)
        DataRng dataRng,             // how seed_data draws: java (SplittableRandom) or numpy (the authors' RandomState)
        int epochs,
        int batchSize,
        int iterationsPerEpoch,      // 0: training images / batch size (600 for MNIST)
        LabeledShuffle labeledShuffle, // per_copy (the authors' tiling) or global (the PyTorch port's)
        int trainImages,             // 0: all; otherwise the first N training images (tests, smoke runs)
        int testImages,              // 0: all; otherwise the first N test images
        double learningRate,
        int lrDecayStart,            // epoch where linear decay to 0 starts (0: constant lr)
        int lrDecayEnd,              // epoch where the lr reaches 0
        double beta1,
        double beta2,
        double adamEpsilon,
        AdamEpsilon adamEpsilonForm, // inside_sqrt (the authors' Adam) or outside_sqrt (PyTorch/DJL)
        double unlabeledWeight,
        FeatureLoss featureLoss,
        GeneratorOutput generatorOutput,
        GeneratorOutputInit generatorOutputInit, // glorot (the authors') or normal (the port's N(0, 0.1^2))
        GeneratorOutputNorm generatorOutputNorm, // l2normalize (today's script) or weight_norm (2b81a18's, spec 8)
        boolean dataInit,            // data-dependent weight-norm init
        int initImages,              // images used by the data-dependent init (500)
        double averageRate,          // EMA rate of D's trainable parameters (1e-4)
        AverageStart averageStart,   // zero (the authors') or params
        boolean averageBiasCorrection,
        ReportedD reportedD,         // the D whose test error is the run's figure: averaged (today's script) or raw
        double inputNoise,           // std of the Gaussian noise on D's input (training only)
        double hiddenNoise,          // std of the Gaussian noise after each hidden layer of D
        double inputDropout,         // dropout rate on D's input (training only; CIFAR 0.2)
        double hiddenDropout,        // dropout rate after D's hidden blocks (CIFAR 0.5, after each stride-2 conv)
        int minibatchKernels,        // minibatch-discrimination features on D's last hidden layer (0: none)
        GeneratorLoss generatorLoss, // feature_matching (the paper's SSL model) or gan (the minibatch model's)
        boolean extraGeneratorStep,  // the port's second G step when the feature-matching loss exceeds 1
        int zDim,
        int sampleGrid               // side of the generated-sample grid saved at the end (0: none)
) {
    public enum Model { MNIST_MLP, CIFAR_CNN }
    public enum Mode { GAN, SUPERVISED }
    public enum AdamEpsilon { INSIDE_SQRT, OUTSIDE_SQRT }
    public enum FeatureLoss { L2, L1 }
    public enum GeneratorOutput { SIGMOID, SOFTPLUS }
    public enum GeneratorOutputInit { GLOROT, NORMAL }
    public enum GeneratorOutputNorm { L2NORMALIZE, WEIGHT_NORM }
    public enum ReportedD { AVERAGED, RAW }
    public enum LabeledShuffle { PER_COPY, GLOBAL }
    public enum DataRng { JAVA, NUMPY }
    public enum AverageStart { ZERO, PARAMS }
    public enum GeneratorLoss { FEATURE_MATCHING, GAN }
}
