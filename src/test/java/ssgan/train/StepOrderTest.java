package ssgan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import ssgan.config.Settings;
import ssgan.model.InPlace;
import ssgan.model.Param;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * What one training iteration reads and writes, and what evaluation scores (spec §1), on the bundled MNIST: the
 * average sees D before the optimiser step, the G step reads the second unlabeled stream and leaves D alone, and
 * the two test-error columns come from the live D and from the average.
 */
class StepOrderTest {
    private static final int B = 50;
    private static final Settings S = TrainingTest.small(1, Map.of("batch_size", B, "init_images", 100));

    private static Batch batch(Trainer trainer, NDManager m, TrainingData data, int labeledFrom, int unlabeledFrom,
                               int unlabeled2From) {
        int[] all = IntStream.range(0, data.trainCount()).toArray();
        int[] labeled = Arrays.copyOfRange(data.labeled(), labeledFrom, labeledFrom + B);
        ImageRows rows = new ImageRows(data, B);
        return new Batch(rows.gather(m, labeled, 0, B),
                m.create(Arrays.stream(labeled).map(i -> data.trainLabels()[i]).toArray()).oneHot(data.classes()),
                Arrays.stream(labeled).map(i -> data.trainLabels()[i]).toArray(),
                rows.gather(m, all, unlabeledFrom, B), rows.gather(m, all, unlabeled2From, B));
    }

    private static List<float[]> values(List<Param> ps) {
        return ps.stream().map(p -> p.value().toFloatArray()).toList();
    }

    private static List<Param> trainable(List<Param> ps) {
        return ps.stream().filter(Param::trainable).toList();
    }

    /** Theano's simultaneous updates: a <- a + rate (p - a) with p before the step; from a = 0, a = rate p. */
    @Test
    void averageIsUpdatedWithTheParametersBeforeTheOptimiserStep() {
        TrainingData data = TestData.data(S);
        Trainer trainer = new Trainer(S, data, null, x -> { });
        try (NDManager m = NDManager.newBaseManager()) {
            SemiSupervisedGan gan = trainer.build(m);
            List<Param> d = trainable(gan.discriminator().params());
            List<float[]> before = values(d);
            Engine.getInstance().setRandomSeed(1);
            gan.step(batch(trainer, m, data, 0, 0, B), 0.003, 0);
            float rate = (float) S.averageRate();
            for (int i = 0; i < d.size(); i++) {
                float[] expected = before.get(i).clone();
                for (int j = 0; j < expected.length; j++) {
                    expected[j] *= rate;
                }
                String name = d.get(i).name();
                float[] average = gan.average().valueOf(d.get(i)).toFloatArray();
                assertArrayEquals(expected, average, name);
                if (name.endsWith(".V")) {
                    assertFalse(Arrays.equals(before.get(i), d.get(i).value().toFloatArray()), name + " moved");
                }
            }
        }
    }

    /**
     * Two iterations from the same state, differing only in the second unlabeled batch: D ends identical (the D
     * step does not read that batch and the G step does not write D), G does not (the G step reads it). Differing
     * only in the first unlabeled batch, D does differ: the comparison can see a batch being read.
     */
    @Test
    void generatorStepReadsTheSecondUnlabeledStreamAndLeavesDiscriminatorAlone() {
        TrainingData data = TestData.data(S);
        Trainer trainer = new Trainer(S, data, null, x -> { });
        List<List<float[]>> d = new java.util.ArrayList<>();
        List<List<float[]>> g = new java.util.ArrayList<>();
        List<Float> fm = new java.util.ArrayList<>();
        int[][] streams = {{0, B}, {0, 2 * B}, {3 * B, B}};   // (unlabeled, unlabeled2) offsets
        for (int[] s : streams) {
            try (NDManager m = NDManager.newBaseManager()) {
                SemiSupervisedGan gan = trainer.build(m);
                Engine.getInstance().setRandomSeed(5);
                fm.add(gan.step(batch(trainer, m, data, 0, s[0], s[1]), 0.003, 0).featureMatching());
                d.add(values(gan.discriminator().params()));
                g.add(values(gan.generator().params()));
            }
        }
        for (int i = 0; i < d.get(0).size(); i++) {
            assertArrayEquals(d.get(0).get(i), d.get(1).get(i), "D parameter " + i + " with another unlabeled2");
        }
        assertNotEquals(fm.get(0), fm.get(1), "feature matching reads unlabeled2");
        assertFalse(Arrays.equals(g.get(0).get(0), g.get(1).get(0)), "G's update depends on unlabeled2");
        assertFalse(Arrays.equals(d.get(0).get(0), d.get(2).get(0)), "D's update depends on the first stream");
    }

    /**
     * The "raw" column is the live D's test errors and the "averaged" one the average's. Live D gets a huge bias on
     * class 7 and the average one on class 3, so each predicts its class for every image and its error count is
     * the number of test labels that differ from it, counted here.
     */
    @Test
    void rawIsScoredWithTheLiveDiscriminatorAndAveragedWithTheAverage() {
        TrainingData data = TestData.data(S);
        Trainer trainer = new Trainer(S, data, null, x -> { });
        try (NDManager m = NDManager.newBaseManager()) {
            SemiSupervisedGan gan = trainer.build(m);
            NDList shadows = new NDList();
            for (Param p : trainable(gan.discriminator().params())) {
                shadows.add(p.name().equals("D6.b") ? favouring(m, p.value(), 3) : p.value().duplicate());
                if (p.name().equals("D6.b")) {
                    InPlace.copy(favouring(m, p.value(), 7), p.value());
                }
            }
            gan.average().restore(shadows, 1);
            TestSet.Errors found = new TestSet(m, data).errors(gan, false);
            int[] errors = {found.raw(), found.averaged()};
            long not7 = Arrays.stream(data.testLabels()).filter(y -> y != 7).count();
            long not3 = Arrays.stream(data.testLabels()).filter(y -> y != 3).count();
            assertNotEquals(not7, not3);
            assertEquals(not7, errors[0], "raw");
            assertEquals(not3, errors[1], "averaged");
        }
    }

    private static NDArray favouring(NDManager m, NDArray bias, int cls) {
        float[] b = bias.toFloatArray();
        b[cls] += 1e4f;
        return m.create(b);
    }
}
