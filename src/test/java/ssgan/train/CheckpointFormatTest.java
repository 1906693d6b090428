package ssgan.train;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ssgan.config.Settings;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** checkpoint.bin's layout, which runs in progress depend on: a frozen header and an exact round trip. */
class CheckpointFormatTest {
    private static final int ITERATIONS = 2;
    private static final Settings SETTINGS = TrainingTest.small(1, Map.of("iterations_per_epoch", ITERATIONS));
    /** A real checkpoint after one short epoch, so that the Adam steps and the average are not at their start. */
    private static byte[] checkpoint;

    @BeforeAll
    static void trainOneEpoch() throws DivergedException {
        Trainer.CheckpointStore store = TrainingTest.memoryStore();
        new Trainer(SETTINGS, TestData.data(SETTINGS), store, m -> { }).run();
        checkpoint = store.load().orElseThrow();
    }

    private static SemiSupervisedGan freshNetworks(NDManager manager) {
        return Networks.build(manager, SETTINGS, TestData.data(SETTINGS));
    }

    @Test
    void headerIsMagicEpochsThenStepsAndUpdatesBigEndian() throws IOException {
        assertEquals("SSGANCK1", new String(checkpoint, 0, 8, StandardCharsets.US_ASCII));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(checkpoint, 8, checkpoint.length - 8));
        assertEquals(1, in.readInt(), "epochs done");
        assertEquals(ITERATIONS, in.readLong(), "steps of D's Adam");
        assertEquals(ITERATIONS, in.readLong(), "steps of G's Adam");
        assertEquals(ITERATIONS, in.readLong(), "updates of the average");
        assertEquals(1, CheckpointFormat.epochs(new ByteArrayInputStream(checkpoint)));
    }

    @Test
    void restoringIntoFreshNetworksAndWritingAgainGivesTheSameBytes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SemiSupervisedGan gan = freshNetworks(manager);
            assertFalse(Arrays.equals(checkpoint, CheckpointFormat.write(gan, 1)), "fresh networks differ");
            assertEquals(1, CheckpointFormat.restore(checkpoint, gan, manager));
            assertEquals(ITERATIONS, gan.adamD().steps());
            assertArrayEquals(checkpoint, CheckpointFormat.write(gan, 1));
        }
    }

    @Test
    void aFileOfAnotherKindIsNotACheckpoint() {
        byte[] other = "SSGANPR1 predictions, not a checkpoint".getBytes(StandardCharsets.US_ASCII);
        IOException e = assertThrows(IOException.class, () -> CheckpointFormat.epochs(new ByteArrayInputStream(other)));
        assertEquals("not an ssgan checkpoint", e.getMessage());
    }

    @Test
    void aTruncatedCheckpointCannotBeRead() {
        IOException shortMagic = assertThrows(IOException.class,
                () -> CheckpointFormat.epochs(new ByteArrayInputStream(checkpoint, 0, 5)));
        assertEquals("not an ssgan checkpoint", shortMagic.getMessage());
        assertThrows(EOFException.class, () -> CheckpointFormat.epochs(new ByteArrayInputStream(checkpoint, 0, 10)));
        byte[] half = Arrays.copyOf(checkpoint, checkpoint.length / 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            SemiSupervisedGan gan = freshNetworks(manager);
            // DJL's decoder reports the missing arrays itself
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CheckpointFormat.restore(half, gan, manager));
            assertEquals("Malformed data", e.getMessage());
        }
    }
}
