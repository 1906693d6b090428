package ssgan.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ssgan.config.RunId;
import ssgan.config.Settings;
import ssgan.data.LabeledSubset;
import ssgan.data.NumpyRandomState;
import ssgan.train.TestData;
import ssgan.train.TrainingData;

/** data_rng: which generator turns seed_data into the labeled subset and the MNIST init images. */
class DataRngTest {

    @Test
    void numpyDrawsTheAuthorsSubsetAndInitImages() {
        Settings numpy = TestData.settings(Map.of("labels", 20, "seed", 1, "data_rng", "numpy"));
        TrainingData data = TestData.data(numpy);
        int[] permutation = new NumpyRandomState(1).permutation(60000);
        assertArrayEquals(LabeledSubset.select(data.trainLabels(), 10, 20, permutation).indices(), data.labeled());
        assertArrayEquals(Arrays.copyOf(permutation, numpy.initImages()), data.initImages());
    }

    @Test
    void javaStaysTheDefaultAndKeepsRecordedRunIds() {
        Settings java = TestData.settings(Map.of("labels", 20, "seed", 1));
        Settings numpy = TestData.settings(Map.of("labels", 20, "seed", 1, "data_rng", "numpy"));
        assertEquals(Settings.DataRng.JAVA, java.dataRng());
        TrainingData data = TestData.data(java);
        assertArrayEquals(LabeledSubset.select(data.trainLabels(), 10, 20, 1L).indices(), data.labeled());
        assertFalse(Arrays.equals(data.labeled(), TestData.data(numpy).labeled()));
        // A setting at its default is left out of the hash, so the ids of the runs recorded before it stand
        // (25a6ed4f3d: results/mnist-cpu/labels100-seed1).
        assertEquals("25a6ed4f3d", RunId.hash(TestData.settings(Map.of("epochs", 30, "data_rng", "java"))));
        assertNotEquals(RunId.hash(java), RunId.hash(numpy));
    }
}
