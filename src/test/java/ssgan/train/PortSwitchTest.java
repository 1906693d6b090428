package ssgan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import ssgan.config.Settings;
import ssgan.data.LabeledTiling;
import ssgan.metrics.EpochMetrics;
import ssgan.model.Param;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PyTorch port's deviations that the other ablations do not cover (spec §7; Sleepychord/ImprovedGAN-pytorch):
 * each changes training when it is on, and only then.
 */
class PortSwitchTest {
    private static Settings tiny(int epochs, Object... keyValues) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("iterations_per_epoch", 4, "test_images", 300,
                "init_images", 100));
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return TrainingTest.small(epochs, m);
    }

    /** Every epoch's losses and test errors, which any change of training moves. */
    private static List<String> trace(Settings s) throws DivergedException {
        return TrainingTest.train(s).stream().map(PortSwitchTest::withoutTimes).toList();
    }

    private static String withoutTimes(EpochMetrics e) {
        return List.of(e.lossSupervised(), e.lossUnsupervised(), e.lossFeatureMatching(), e.trainError(),
                e.testErrorsRaw(), e.testErrorsAverage()).toString();
    }

    @Test
    void extraGeneratorStepIsTheRetryRuleOfThePort() {
        for (boolean on : new boolean[] {false, true}) {
            Settings s = tiny(1, "extra_generator_step", on);
            for (int epoch = 0; epoch < 4; epoch++) {
                for (float loss : new float[] {0.5f, 1f, 1.5f}) {
                    assertEquals(on && epoch >= 2 && loss > 1, SemiSupervisedGan.retriesGeneratorStep(s, epoch, loss),
                            "on " + on + ", 0-based epoch " + epoch + ", loss " + loss);
                }
            }
        }
    }

    @Test
    void extraGeneratorStepTakesASecondAdamStepOfGWhenTheRuleHolds() {
        for (boolean on : new boolean[] {false, true}) {
            Settings s = tiny(1, "extra_generator_step", on);
            TrainingData data = TestData.data(s);
            try (NDManager m = NDManager.newBaseManager()) {
                SemiSupervisedGan gan = new Trainer(s, data, null, x -> { }).build(m);
                // real images at 20 times their brightness: their features, and so the loss, are far above 1
                Batch batch = firstBatch(m, data, s.batchSize(), 20f);
                Engine.getInstance().setRandomSeed(5);
                StepLosses l = gan.step(batch, 0.003, 2);
                assertEquals(on ? 2 : 1, gan.adamG().steps(), "G steps at 0-based epoch 2, switch " + on);
                assertEquals(1, gan.adamD().steps());
                assertTrue(l.featureMatching() > 1, "the G step's loss " + l.featureMatching());
            }
        }
    }

    @Test
    void extraGeneratorStepLeavesTheFirstTwoEpochsAlone() throws DivergedException {
        assertEquals(trace(tiny(2)), trace(tiny(2, "extra_generator_step", true)),
                "the port retries from its epoch index 2, our third epoch");
    }

    @Test
    void globalShuffleKeepsTheCountsButNotTheBalanceOfEachBatch() {
        int[] labeled = IntStream.range(1000, 1100).toArray();
        int[] perCopy = LabeledTiling.epoch(labeled, 60_000, new SplittableRandom(1));
        int[] global = LabeledTiling.shuffledAsOne(labeled, 60_000, new SplittableRandom(1));
        assertEquals(counts(perCopy), counts(global), "600 copies of each image either way");
        int unbalanced = 0;
        for (int from = 0; from < 60_000; from += 100) {
            int[] sortedBatch = Arrays.copyOfRange(perCopy, from, from + 100);
            Arrays.sort(sortedBatch);
            assertTrue(Arrays.equals(labeled, sortedBatch), "a per-copy batch of 100 is the labeled set");
            unbalanced += Arrays.stream(global, from, from + 100).distinct().count() < 100 ? 1 : 0;
        }
        // a batch of 100 draws from 600 copies each of 100 images repeats one with probability 1 - 1e-42
        assertEquals(600, unbalanced, "every globally shuffled batch repeats some image");
    }

    /** An epoch with the switch written at its default is the faithful epoch; with the port's value it is not. */
    @Test
    void globalShuffleAndNormalOutputInitChangeTrainingOnlyWhenOn() throws DivergedException {
        List<String> faithful = trace(tiny(1));
        for (List<String> keyOffOn : List.of(List.of("labeled_shuffle", "per_copy", "global"),
                List.of("generator_output_init", "glorot", "normal"))) {
            assertEquals(faithful, trace(tiny(1, keyOffOn.get(0), keyOffOn.get(1))), keyOffOn.toString());
            assertNotEquals(faithful, trace(tiny(1, keyOffOn.get(0), keyOffOn.get(2))), keyOffOn.toString());
        }
    }

    @Test
    void normalOutputInitGivesTheGeneratorsOutputDirectionsAStdOfOneTenth() {
        for (String init : List.of("glorot", "normal")) {
            Settings s = tiny(1, "generator_output_init", init);
            try (NDManager m = NDManager.newBaseManager()) {
                SemiSupervisedGan gan = new Trainer(s, TestData.data(s), null, x -> { }).build(m);
                Param v = gan.generator().params().stream().filter(p -> p.name().equals("G3.V")).findFirst()
                        .orElseThrow();
                float[] w = v.value().toFloatArray();
                double sd = Math.sqrt(Arrays.stream(toDoubles(w)).map(x -> x * x).average().orElseThrow());
                double expected = init.equals("normal") ? 0.1 : Math.sqrt(6.0 / (500 + 784)) / Math.sqrt(3);
                assertEquals(expected, sd, 0.002, init);
                boolean bounded = Arrays.stream(toDoubles(w)).allMatch(x -> Math.abs(x) <= Math.sqrt(6.0 / 1284));
                assertEquals(init.equals("glorot"), bounded, init + ": Glorot-uniform stays inside its bound");
            }
        }
    }


    @Test
    void theSwitchesAreOffByDefault() {
        Settings s = TestData.settings(Map.of());
        assertFalse(s.extraGeneratorStep());
        assertEquals(Settings.LabeledShuffle.PER_COPY, s.labeledShuffle());
        assertEquals(Settings.GeneratorOutputInit.GLOROT, s.generatorOutputInit());
    }

    /** A batch whose second unlabeled half (the G step's real images) is scaled by {@code brightness}. */
    private static Batch firstBatch(NDManager m, TrainingData data, int b, float brightness) {
        int[] all = IntStream.range(0, data.trainCount()).toArray();
        int[] labeled = LabeledTiling.epoch(data.labeled(), b, new SplittableRandom(2));
        int[] labels = Arrays.stream(labeled).map(i -> data.trainLabels()[i]).toArray();
        ImageRows rows = new ImageRows(data, b);
        return new Batch(rows.gather(m, labeled, 0, b), m.create(labels).oneHot(data.classes()), labels,
                rows.gather(m, all, 0, b), rows.gather(m, all, b, b).mul(brightness));
    }

    private static Map<Integer, Long> counts(int[] a) {
        return Arrays.stream(a).boxed().collect(java.util.stream.Collectors.groupingBy(i -> i,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    private static double[] toDoubles(float[] a) {
        return IntStream.range(0, a.length).mapToDouble(i -> a[i]).toArray();
    }
}
