package ssgan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import ssgan.config.Settings;
import ssgan.data.Dataset;
import ssgan.data.DatasetSpec;
import ssgan.data.ImageSet;
import ssgan.metrics.EpochMetrics;
import ssgan.model.Param;
import ssgan.runs.TrainingDataFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CIFAR-10 model in the trainer, on generated data of CIFAR's layout at 16x16 (the conv net takes any side
 * that is a multiple of 8; 32x32 would make these tests 4x slower): 200 training images of 10 classes, each class
 * a fixed random pattern plus noise, so a few steps can learn something.
 */
class CifarTrainingTest {
    private static final int SIDE = 16, CLASSES = 10;

    static Settings settings(Map<String, Object> extra) {
        Map<String, Object> m = new HashMap<>(Map.of("dataset", "cifar10", "model", "cifar_cnn", "labels", 100,
                "batch_size", 10, "init_images", 50, "feature_loss", "l1", "input_noise", 0, "hidden_noise", 0,
                "input_dropout", 0.2, "hidden_dropout", 0.5));
        m.put("sample_grid", 0);
        m.putAll(extra);
        return TestData.settings(m);
    }

    /** Each class a random colour (per-channel offset in [-0.6, 0.6]) plus pixel noise of std 0.3. */
    static Dataset dataset(int train, int test) {
        SplittableRandom rng = new SplittableRandom(42);
        float[][] colours = new float[CLASSES][3];
        for (float[] c : colours) {
            for (int j = 0; j < 3; j++) {
                c[j] = (float) (1.2 * rng.nextDouble() - 0.6);
            }
        }
        DatasetSpec spec = new DatasetSpec("cifar10", "cifar-binary", CLASSES, List.of(3, SIDE, SIDE), train, test,
                127.5, 128, Map.of(), List.of(), Path.of("."), DatasetSpec.Reporting.PLAIN);
        return new Dataset(spec, images(train, colours, rng), images(test, colours, rng), Map.of());
    }

    private static ImageSet images(int n, float[][] colours, SplittableRandom rng) {
        int plane = SIDE * SIDE, size = 3 * plane;
        float[] pixels = new float[n * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(CLASSES);
            for (int j = 0; j < size; j++) {
                pixels[i * size + j] = (float) Math.tanh(colours[labels[i]][j / plane] + 0.3 * rng.nextGaussian());
            }
        }
        return new ImageSet(pixels, labels, n, size);
    }

    @Test
    void cifarInitUsesLabeledImagesAndMnistKeepsItsRule() {
        Dataset ds = dataset(200, 20);
        TrainingData cifar = TrainingDataFactory.create(ds, settings(Map.of("init_images", 250)));
        Set<Integer> labeled = Arrays.stream(cifar.labeled()).boxed().collect(Collectors.toSet());
        assertEquals(250, cifar.initImages().length);
        assertTrue(Arrays.stream(cifar.initImages()).allMatch(labeled::contains));
        // a tiling: the first 100 rows are one permutation of the 100 labeled images
        assertEquals(labeled, Arrays.stream(cifar.initImages()).limit(100).boxed().collect(Collectors.toSet()));
        TrainingData mnistRule = TrainingDataFactory.create(ds, settings(Map.of("model", "mnist_mlp",
                "init_images", 150)));
        assertTrue(Arrays.stream(mnistRule.initImages()).anyMatch(i -> !labeled.contains(i)),
                "MNIST initialises on the seed_data permutation, not only on labeled images");
    }

    /**
     * 16 GAN steps (D step, average, G step) at the paper's lr 3e-4 on 100 labeled images, 10 per batch. Measured:
     * mean supervised loss of the first 4 steps 2.29, of the last 4 1.41 (0.62 of it; at lr 6e-4 also 0.64); the
     * bound, 0.8, leaves room for thread-count rounding differences. 1-2 s per step on the 2-core machine.
     */
    @Test
    void aFewStepsReduceTheSupervisedLoss() {
        Settings s = settings(Map.of());
        TrainingData data = TrainingDataFactory.create(dataset(200, 20), s);
        ImageRows rows = new ImageRows(data, Math.max(data.initImages().length, s.batchSize()));
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            Models.Pair nets = Models.create(m, s, data.imageSize(), data.classes());
            nets.d().dataDependentInit(rows.gather(m, data.initImages(), 0, data.initImages().length));
            nets.g().dataDependentInit(m.randomUniform(0f, 1f, new ai.djl.ndarray.types.Shape(10, 100)));
            SemiSupervisedGan gan = new SemiSupervisedGan(m, nets.d(), nets.g(), s);
            SplittableRandom rng = new SplittableRandom(1);
            int[] all = java.util.stream.IntStream.range(0, data.trainCount()).toArray();
            int steps = 16, b = s.batchSize();
            int[] labeled = ssgan.data.LabeledTiling.epoch(data.labeled(), steps * b, rng);
            int[] u1 = ssgan.data.LabeledTiling.epoch(all, steps * b, rng);
            int[] u2 = ssgan.data.LabeledTiling.epoch(all, steps * b, rng);
            List<Float> losses = new ArrayList<>();
            for (int it = 0; it < steps; it++) {
                try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
                    Engine.getInstance().setRandomSeed(100 + it);
                    StepLosses l = gan.step(rows.batch(m, b, labeled, u1, u2, it * b), 3e-4, 0);
                    assertTrue(l.finite(), l.toString());
                    losses.add(l.supervised());
                }
            }
            double first = losses.subList(0, 4).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
            double last = losses.subList(steps - 4, steps).stream().mapToDouble(Float::doubleValue).average()
                    .orElseThrow();
            assertTrue(last < 0.8 * first, "supervised loss " + first + " -> " + last + ": " + losses);
        }
    }

    /** The trainer's build runs both inits: hidden D gains set and frozen, the G output gain set. */
    @Test
    void trainerBuildRunsTheDiscriminatorAndGeneratorInits() {
        Settings s = settings(Map.of());
        Trainer trainer = new Trainer(s, TrainingDataFactory.create(dataset(200, 20), s), null, m -> { });
        try (NDManager m = NDManager.newBaseManager()) {
            SemiSupervisedGan gan = trainer.build(m);
            for (Param p : gan.discriminator().params()) {
                if (p.name().endsWith(".g") || p.name().endsWith(".s")) {
                    assertEquals(p.name().endsWith(".s"), p.trainable(), p.name());
                    assertTrue(noneIsOne(p.value().toFloatArray()), p.name());
                }
            }
            Param gOut = gan.generator().params().stream().filter(p -> p.name().equals("G4.g")).findFirst()
                    .orElseThrow();
            assertTrue(gOut.trainable());
            assertTrue(noneIsOne(gOut.value().toFloatArray()));
        }
    }

    private static boolean noneIsOne(float[] values) {
        for (float v : values) {
            if (v == 1f) {
                return false;
            }
        }
        return true;
    }

    /** One short epoch through the real trainer, evaluation and checkpoint included. */
    @Test
    void trainerRunsAnEpochOfTheCifarModel() throws DivergedException {
        Settings s = settings(Map.of("epochs", 1, "iterations_per_epoch", 1, "learning_rate", 0.0003));
        TrainingData data = TrainingDataFactory.create(dataset(200, 10), s);
        List<EpochMetrics> rows = new ArrayList<>();
        new Trainer(s, data, TrainingTest.memoryStore(), rows::add).run();
        assertEquals(1, rows.size());
        assertTrue(Double.isFinite(rows.get(0).lossSupervised()));
        assertTrue(Double.isFinite(rows.get(0).lossFeatureMatching()) && rows.get(0).lossFeatureMatching() > 0);
    }

    /** The authors' schedule: lr = 3e-4 · min(3 − epoch/400, 1), epoch counted from 0. */
    @Test
    void learningRateIsFlatUntil800ThenLinearToZeroAt1200() {
        Settings s = settings(Map.of("epochs", 1200, "learning_rate", 0.0003, "lr_decay_start", 800,
                "lr_decay_end", 1200));
        Trainer trainer = new Trainer(s, TrainingDataFactory.create(dataset(200, 20), s), null, m -> { });
        for (int epoch = 0; epoch < 1200; epoch++) {
            double authors = 3e-4 * Math.min(3 - epoch / 400.0, 1);
            assertEquals(authors, trainer.learningRate(epoch), 1e-12, "epoch " + epoch);
        }
        assertEquals(3e-4, trainer.learningRate(800), 1e-15);
        assertEquals(3e-4 * 0.0025, trainer.learningRate(1199), 1e-15);
    }

    /** defaults.yaml: lr_decay_start 0 is a constant rate; a decay that starts and ends at once drops to 0. */
    @Test
    void learningRateIsConstantAtDecayStartZeroAndDropsToZeroAtAnInstantDecay() {
        Settings constant = settings(Map.of("epochs", 10, "learning_rate", 0.0003));
        Trainer flat = new Trainer(constant, TrainingDataFactory.create(dataset(200, 20), constant), null, m -> { });
        for (int epoch = 0; epoch < 10; epoch++) {
            assertEquals(3e-4, flat.learningRate(epoch), "epoch " + epoch);
        }
        Settings instant = settings(Map.of("epochs", 10, "learning_rate", 0.0003, "lr_decay_start", 5,
                "lr_decay_end", 5));
        Trainer cut = new Trainer(instant, TrainingDataFactory.create(dataset(200, 20), instant), null, m -> { });
        assertEquals(3e-4, cut.learningRate(4));
        assertEquals(0.0, cut.learningRate(5), "not 0/0");
        assertEquals(0.0, cut.learningRate(9));
    }
}
