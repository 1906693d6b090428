package ssgan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ssgan.config.Settings;
import ssgan.data.LabeledTiling;
import ssgan.metrics.EpochMetrics;
import ssgan.model.Param;
import ssgan.model.ParamSource;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The training loop: epochs of {@link SemiSupervisedGan#step} over the paper's data streams, evaluation of the
 * raw and the averaged D on the test set, a checkpoint after every epoch. It knows nothing of files: results
 * and checkpoints go through {@link Observer} and {@link CheckpointStore}.
 */
public final class Trainer {
    /** Receives progress; the results package writes it to disk. */
    public interface Observer {
        default void iteration(int epoch, int iteration, int iterations, StepLosses losses) {}

        void epoch(EpochMetrics metrics);
    }

    /** Opaque bytes; the results package decides where they live. */
    public interface CheckpointStore {
        Optional<byte[]> load();

        void save(byte[] checkpoint);

        static CheckpointStore of(Supplier<Optional<byte[]>> load, Consumer<byte[]> save) {
            return new CheckpointStore() {
                @Override
                public Optional<byte[]> load() {
                    return load.get();
                }

                @Override
                public void save(byte[] checkpoint) {
                    save.accept(checkpoint);
                }
            };
        }
    }

    /**
     * What a finished run leaves besides its metrics: a batch of samples from G (empty in supervised mode) and the
     * final class probabilities on the test set of the raw and of the averaged D (for ensembles).
     */
    public record Result(float[] samples, int sampleCount, float[] rawProbabilities,
                         float[] averageProbabilities) {}

    private final Settings s;
    private final TrainingData data;
    private final CheckpointStore checkpoints;
    private final Observer observer;
    private final int[] allTrainingImages;
    private final ImageRows rows;

    public Trainer(Settings settings, TrainingData data, CheckpointStore checkpoints, Observer observer) {
        this.s = settings;
        this.data = data;
        this.checkpoints = checkpoints;
        this.observer = observer;
        this.allTrainingImages = IntStream.range(0, data.trainCount()).toArray();
        this.rows = new ImageRows(data, settings.batchSize());
    }

    /** iterations_per_epoch, or (when 0) as many batches as the training images fill. */
    public static int iterationsPerEpoch(Settings s, TrainingData data) {
        return s.iterationsPerEpoch() > 0 ? s.iterationsPerEpoch() : data.trainCount() / s.batchSize();
    }

    /**
     * Learning rate for a 0-based epoch, as defaults.yaml documents it: constant when lr_decay_start is 0;
     * otherwise constant before lr_decay_start, then linear down to 0 at lr_decay_end (0 from then on).
     */
    double learningRate(int epoch) {
        int start = s.lrDecayStart(), end = s.lrDecayEnd();
        if (start == 0 || epoch < start) {
            return s.learningRate();
        }
        if (epoch >= end) {
            return 0;
        }
        return s.learningRate() * ((double) (end - epoch) / (end - start));
    }

    public Result run() throws DivergedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            SemiSupervisedGan gan = build(manager);
            // the epochs already done: 0 without a checkpoint
            int start = checkpoints.load().map(saved -> CheckpointFormat.restore(saved, gan, manager)).orElse(0);
            TestSet test = new TestSet(manager, data);
            for (int epoch = start; epoch < s.epochs(); epoch++) {
                observer.epoch(trainEpoch(gan, manager, epoch, test));
                checkpoints.save(CheckpointFormat.write(gan, epoch + 1));
            }
            return new Result(samples(gan, manager),
                    s.mode() == Settings.Mode.GAN ? s.sampleGrid() * s.sampleGrid() : 0,
                    test.probabilities(gan.discriminator(), ParamSource.LIVE),
                    test.probabilities(gan.discriminator(), gan.average()));
        }
    }

    SemiSupervisedGan build(NDManager manager) {
        return Networks.build(manager, s, data);
    }

    private EpochMetrics trainEpoch(SemiSupervisedGan gan, NDManager manager, int epoch, TestSet test)
            throws DivergedException {
        long started = System.nanoTime();
        int iterations = iterationsPerEpoch(s, data);
        int b = s.batchSize();
        SplittableRandom rng = new SplittableRandom(Seeds.mix(s.seed(), Seeds.SHUFFLE, epoch));
        // Two independent shuffles of the unlabeled set (all training images), and the labeled set tiled with a
        // fresh permutation per copy; an epoch longer than the set takes further fresh permutations.
        int[] unlabeled = LabeledTiling.epoch(allTrainingImages, iterations * b, rng);
        int[] unlabeled2 = LabeledTiling.epoch(allTrainingImages, iterations * b, rng);
        int[] labeled = s.labeledShuffle() == Settings.LabeledShuffle.PER_COPY
                ? LabeledTiling.epoch(data.labeled(), iterations * b, rng)
                : LabeledTiling.shuffledAsOne(data.labeled(), iterations * b, rng);
        double lr = learningRate(epoch);
        double sup = 0, unsup = 0, fm = 0;
        long trainErrors = 0;
        for (int it = 0; it < iterations; it++) {
            try (NDScope scope = new NDScope()) {
                Engine.getInstance().setRandomSeed(Seeds.engineSeed(s.seed(), Seeds.ITERATION, epoch, it));
                StepLosses l = gan.step(rows.batch(manager, b, labeled, unlabeled, unlabeled2, it * b), lr, epoch);
                if (!l.finite()) {
                    throw new DivergedException(epoch + 1, it + 1, "a loss (" + l + ")");
                }
                sup += l.supervised();
                unsup += l.unsupervised();
                fm += l.featureMatching();
                trainErrors += l.trainErrors();
                observer.iteration(epoch + 1, it + 1, iterations, l);
            }
        }
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        checkFinite(gan, epoch + 1, iterations);
        TestSet.Errors errors = test.errors(gan, evaluatesCorrectedAverage(s));
        return new EpochMetrics(epoch + 1, sup / iterations, unsup / iterations, fm / iterations,
                (double) trainErrors / ((long) iterations * b), errors.raw(), errors.averaged(), data.testCount(),
                (System.nanoTime() - started) / 1e9, iterations / trainSeconds, errors.corrected());
    }

    /** The bias-corrected figure differs from the averaged one only for the authors' zero-started, uncorrected average. */
    static boolean evaluatesCorrectedAverage(Settings s) {
        return s.averageStart() == Settings.AverageStart.ZERO && !s.averageBiasCorrection();
    }

    private void checkFinite(SemiSupervisedGan gan, int epoch, int iteration) throws DivergedException {
        for (Param p : gan.allParams()) {
            try (NDScope scope = new NDScope()) {
                if (!Float.isFinite(p.value().sum().getFloat())) {
                    throw new DivergedException(epoch, iteration, "parameter " + p.name());
                }
            }
        }
    }

    private float[] samples(SemiSupervisedGan gan, NDManager manager) {
        if (s.mode() != Settings.Mode.GAN || s.sampleGrid() <= 0) {
            return new float[0];
        }
        Engine.getInstance().setRandomSeed(Seeds.engineSeed(s.seed(), Seeds.SAMPLES));
        try (NDScope scope = new NDScope()) {
            return gan.generator().generate(gan.noise(manager, s.sampleGrid() * s.sampleGrid()), ParamSource.LIVE)
                    .toFloatArray();
        }
    }
}
