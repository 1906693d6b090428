package ssgan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ssgan.data.LabeledTiling;
import ssgan.experiment.Settings;
import ssgan.model.Discriminator;
import ssgan.model.InPlace;
import ssgan.model.Models;
import ssgan.model.Param;
import ssgan.model.ParamSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The training loop: epochs of {@link SemiSupervisedGan#step} over the paper's data streams, evaluation of the
 * raw and the averaged D on the test set, a checkpoint after every epoch. It knows nothing of files: results
 * and checkpoints go through {@link Observer} and {@link CheckpointStore}.
 */
public final class Trainer {
    private static final byte[] MAGIC = {'S', 'S', 'G', 'A', 'N', 'C', 'K', '1'};
    private static final int EVAL_BATCH = 500;

    /** Receives progress; the results package writes it to disk. */
    public interface Observer {
        default void iteration(int epoch, int iteration, int iterations, StepLosses losses) {}

        void epoch(EpochMetrics metrics);
    }

    /** Opaque bytes; the results package decides where they live. */
    public interface CheckpointStore {
        Optional<byte[]> load();

        void save(byte[] checkpoint);
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
    private final float[] buffer;

    public Trainer(Settings settings, TrainingData data, CheckpointStore checkpoints, Observer observer) {
        this.s = settings;
        this.data = data;
        this.checkpoints = checkpoints;
        this.observer = observer;
        this.allTrainingImages = java.util.stream.IntStream.range(0, data.trainCount()).toArray();
        this.buffer = new float[Math.max(settings.batchSize(), settings.initImages()) * data.imageSize()];
    }

    public int iterationsPerEpoch() {
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
            int start = restore(gan, manager);
            NDArray testImages = manager.create(data.testImages(), new Shape(data.testCount(), data.imageSize()));
            for (int epoch = start; epoch < s.epochs(); epoch++) {
                observer.epoch(trainEpoch(gan, manager, epoch, testImages));
                checkpoints.save(checkpoint(gan, epoch + 1));
            }
            return new Result(samples(gan, manager),
                    s.mode() == Settings.Mode.GAN ? s.sampleGrid() * s.sampleGrid() : 0,
                    probabilities(testLogits(gan.discriminator(), ParamSource.LIVE, testImages)),
                    probabilities(testLogits(gan.discriminator(), gan.average(), testImages)));
        }
    }

    SemiSupervisedGan build(NDManager manager) {
        Engine.getInstance().setRandomSeed(Seeds.engineSeed(s.seed(), Seeds.INIT));
        Models.Pair nets = Models.create(manager, s, data.imageSize(), data.classes());
        if (s.dataInit()) {
            Engine.getInstance().setRandomSeed(Seeds.engineSeed(s.seed(), Seeds.DATA_INIT));
            try (NDScope scope = new NDScope()) {
                nets.d().dataDependentInit(rows(manager, data.initImages(), 0, data.initImages().length));
            }
            // G's init pass (the CIFAR output layer; a no-op for MNIST) on one noise batch, after D's so that
            // MNIST's D init draws exactly what it drew before
            try (NDScope scope = new NDScope()) {
                nets.g().dataDependentInit(manager.randomUniform(0f, 1f, new Shape(s.batchSize(), s.zDim()),
                        ai.djl.ndarray.types.DataType.FLOAT32));
            }
        } else {
            nets.d().freezeHiddenScales();
        }
        return new SemiSupervisedGan(manager, nets.d(), nets.g(), s);
    }

    private EpochMetrics trainEpoch(SemiSupervisedGan gan, NDManager manager, int epoch, NDArray testImages)
            throws DivergedException {
        long started = System.nanoTime();
        int iterations = iterationsPerEpoch();
        int b = s.batchSize();
        SplittableRandom rng = new SplittableRandom(Seeds.mix(s.seed(), Seeds.SHUFFLE, epoch));
        // Two independent shuffles of the unlabeled set (all training images), and the labeled set tiled with a
        // fresh permutation per copy; an epoch longer than the set takes further fresh permutations.
        int[] unlabeled = LabeledTiling.epoch(allTrainingImages, iterations * b, rng);
        int[] unlabeled2 = LabeledTiling.epoch(allTrainingImages, iterations * b, rng);
        int[] labeled = LabeledTiling.epoch(data.labeled(), iterations * b, rng);
        double lr = learningRate(epoch);
        double sup = 0, unsup = 0, fm = 0;
        long trainErrors = 0;
        for (int it = 0; it < iterations; it++) {
            try (NDScope scope = new NDScope()) {
                Engine.getInstance().setRandomSeed(Seeds.engineSeed(s.seed(), Seeds.ITERATION, epoch, it));
                StepLosses l = gan.step(batch(manager, labeled, unlabeled, unlabeled2, it * b), lr);
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
        int[] errors = evaluate(gan, testImages);
        return new EpochMetrics(epoch + 1, sup / iterations, unsup / iterations, fm / iterations,
                (double) trainErrors / ((long) iterations * b), errors[0], errors[1], data.testCount(),
                (System.nanoTime() - started) / 1e9, iterations / trainSeconds);
    }

    Batch batch(NDManager manager, int[] labeledRows, int[] perm1, int[] perm2, int offset) {
        int b = s.batchSize();
        int[] labels = new int[b];
        for (int i = 0; i < b; i++) {
            labels[i] = data.trainLabels()[labeledRows[offset + i]];
        }
        return new Batch(rows(manager, labeledRows, offset, b), manager.create(labels).oneHot(data.classes()), labels,
                rows(manager, perm1, offset, b), rows(manager, perm2, offset, b));
    }

    /** Training images order[from .. from+n) as a (n, imageSize) array. */
    NDArray rows(NDManager manager, int[] order, int from, int n) {
        ssgan.data.Batch.gather(data.trainImages(), data.imageSize(), order, from, n, buffer);
        return manager.create(java.nio.FloatBuffer.wrap(buffer, 0, n * data.imageSize()),
                new Shape(n, data.imageSize()));
    }

    /** Test errors of the raw and of the averaged discriminator. */
    int[] evaluate(SemiSupervisedGan gan, NDArray testImages) {
        return new int[] {errors(testLogits(gan.discriminator(), ParamSource.LIVE, testImages)),
                errors(testLogits(gan.discriminator(), gan.average(), testImages))};
    }

    /** The K logits of every test image (row-major), in deterministic mode (no noise, no dropout). */
    private float[] testLogits(Discriminator d, ParamSource src, NDArray testImages) {
        int k = data.classes();
        float[] all = new float[data.testCount() * k];
        try (NDScope scope = new NDScope()) {
            List<NDArray> w = d.unitScales(src);
            for (int from = 0; from < data.testCount(); from += EVAL_BATCH) {
                int to = Math.min(data.testCount(), from + EVAL_BATCH);
                float[] logits = d.forward(testImages.get(from + ":" + to), w, src, false, true).logits()
                        .toFloatArray();
                System.arraycopy(logits, 0, all, from * k, logits.length);
            }
        }
        return all;
    }

    /** Misclassified test images: argmax over the K logits; the fake class plays no part. */
    private int errors(float[] logits) {
        return ssgan.results.Predictions.errors(logits, data.testLabels(), data.classes());
    }

    /** Softmax over the K logits of each row, for the saved predictions. */
    private float[] probabilities(float[] logits) {
        int k = data.classes();
        float[] p = new float[logits.length];
        for (int row = 0; row < logits.length; row += k) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, logits[row + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(logits[row + j] - max);
            }
            for (int j = 0; j < k; j++) {
                p[row + j] = (float) (Math.exp(logits[row + j] - max) / sum);
            }
        }
        return p;
    }

    private void checkFinite(SemiSupervisedGan gan, int epoch, int iteration) throws DivergedException {
        for (Param p : allParams(gan)) {
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

    private static List<Param> allParams(SemiSupervisedGan gan) {
        List<Param> all = new ArrayList<>(gan.discriminator().params());
        all.addAll(gan.generator().params());
        return all;
    }

    /** Everything an exact resume needs; the RNG state is implied by (seed, epoch) thanks to {@link Seeds}. */
    private byte[] checkpoint(SemiSupervisedGan gan, int epochsDone) {
        NDList arrays = new NDList();
        allParams(gan).forEach(p -> arrays.add(p.value()));
        arrays.addAll(gan.adamD().state());
        arrays.addAll(gan.adamG().state());
        arrays.addAll(gan.average().state());
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(epochsDone);
            out.writeLong(gan.adamD().steps());
            out.writeLong(gan.adamG().steps());
            out.writeLong(gan.average().updates());
            arrays.encode(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the number of epochs already done (0 without a checkpoint). */
    private int restore(SemiSupervisedGan gan, NDManager manager) {
        Optional<byte[]> saved = checkpoints.load();
        if (saved.isEmpty()) {
            return 0;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved.get()));
             NDManager scratch = manager.newSubManager()) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IllegalStateException("not an ssgan checkpoint");
            }
            int epochsDone = in.readInt();
            long stepsD = in.readLong();
            long stepsG = in.readLong();
            long updates = in.readLong();
            NDList arrays = NDList.decode(scratch, in);
            List<Param> params = allParams(gan);
            for (int i = 0; i < params.size(); i++) {
                InPlace.copy(arrays.get(i), params.get(i).value());
            }
            int at = params.size();
            NDList adamD = gan.adamD().state();
            gan.adamD().restore(sub(arrays, at, adamD.size()), stepsD);
            at += adamD.size();
            NDList adamG = gan.adamG().state();
            gan.adamG().restore(sub(arrays, at, adamG.size()), stepsG);
            at += adamG.size();
            gan.average().restore(sub(arrays, at, arrays.size() - at), updates);
            return epochsDone;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable checkpoint", e);
        }
    }

    private static NDList sub(NDList list, int from, int n) {
        return new NDList(list.subList(from, from + n));
    }
}
