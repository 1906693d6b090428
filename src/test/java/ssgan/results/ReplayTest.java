package ssgan.results;

import org.junit.jupiter.api.Test;
import ssgan.metrics.EpochMetrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restart's kept record set against its replay, bit for bit, on synthetic records and on committed ones. */
class ReplayTest {
    private static final Provenance.Restart RESTART = new Provenance.Restart("2026-12-04T03:15:35.971984088Z", 5,
            "checkpoint lost at epoch 5 (not found at /tmp/x/checkpoint.bin)", "metrics-lost-1.jsonl");

    private static EpochMetrics epoch(int e, double loss, int raw, Integer corrected, double seconds) {
        return new EpochMetrics(e, loss, 0.1 * e, 3.0 / e, 0.01, raw, raw + 10, 10000, seconds, 15.0, corrected);
    }

    private static List<EpochMetrics> record(int epochs, double seconds) {
        List<EpochMetrics> rows = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            rows.add(epoch(e, 1.0 / e, 2000 - e, 1900 - e, seconds + e));
        }
        return rows;
    }

    @Test
    void identicalReplayIgnoresTimings() {
        Replay r = Replay.compare(RESTART, true, record(5, 30), record(8, 40));
        assertTrue(r.identical());
        assertNull(r.first());
        assertEquals("replayed epochs 1-5 bit-identical to the kept record", r.text());
        assertEquals("replay bit-identical over 5 epochs", r.shortText());
        assertEquals("checkpoint lost at epoch 5", r.shortReason());
        assertEquals("2026-12-04T03:15:35Z", r.when());
    }

    @Test
    void namesTheFirstDifferingEpochAndField() {
        List<EpochMetrics> replay = record(8, 40);
        replay.set(2, epoch(3, Math.nextUp(1.0 / 3), 1997, 1897, 43)); // one ulp off in a loss
        replay.set(3, epoch(4, 0.25, 1990, 1896, 44));                  // and a test error later
        Replay r = Replay.compare(RESTART, true, record(5, 30), replay);
        assertFalse(r.identical());
        assertEquals(new Replay.Difference(3, "lossSupervised", String.valueOf(1.0 / 3),
                String.valueOf(Math.nextUp(1.0 / 3))), r.first());
        assertEquals("replayed epochs 1-5: first differs at epoch 3 (field lossSupervised: kept "
                + 1.0 / 3 + ", replay " + Math.nextUp(1.0 / 3) + ")", r.text());
        assertTrue(r.shortText().startsWith("replay first differs at epoch 3 (field lossSupervised"), r.shortText());
    }

    @Test
    void countsFieldsOneSideDidNotRecordAndEpochsNotReplayedYet() {
        List<EpochMetrics> kept = record(5, 30);
        kept.set(0, epoch(1, 1.0, 1999, null, 31)); // an older version did not record the corrected error
        Replay r = Replay.compare(RESTART, true, kept, record(3, 40));
        assertTrue(r.identical());
        assertEquals("replayed epochs 1-3 bit-identical to the kept record (testErrorsAverageCorrected recorded by "
                + "one side only in 1 of them; 2 kept epoch(s) not replayed yet)", r.text());
    }

    @Test
    void saysWhenTheKeptRecordIsMissing() {
        Replay r = Replay.compare(RESTART, false, List.of(), record(3, 40));
        assertFalse(r.identical());
        assertEquals("the kept record metrics-lost-1.jsonl is missing: the replay cannot be compared", r.text());
    }

    @Test
    void readsTheRecordsOfARunDirectory(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        RunDirectory dir = new RunDirectory(tmp);
        dir.writeMetrics(record(5, 30));
        assertEquals("metrics-lost-1.jsonl", dir.setMetricsAside(1));
        List<EpochMetrics> replay = record(6, 40);
        replay.set(4, epoch(5, 0.2, 1995, 1800, 45));
        dir.writeMetrics(replay);
        Provenance p = new Provenance("c", false, "17", "0.35.1", "PyTorch", "2.7.1", "Linux", "vm", "cpu", 2,
                "cpu()", "none", 1, 1, java.util.Map.of(), "2026-12-04T03:15:38Z", null, 2, null, List.of(RESTART),
                null);
        List<Replay> all = Replay.of(dir, p);
        assertEquals(1, all.size());
        assertEquals(new Replay.Difference(5, "testErrorsAverageCorrected", "1895", "1800"), all.get(0).first());
        assertTrue(Replay.of(dir, p.withRestarts(List.of())).isEmpty());
    }

    /**
     * labels100-seed1 was restarted on purpose after 87 epochs; the abandoned training predates the bias-corrected
     * error in 63 of them, so that field is compared in the other 24 only.
     */
    @Test
    void committedRestartOfLabels100Seed1ReplaysBitIdenticallyWhereBothRecorded() {
        RunDirectory dir = new RunDirectory(Path.of("results/mnist-paper/labels100-seed1-02fb953ec9"));
        Replay r = Replay.of(dir, dir.readProvenance().orElseThrow()).get(0);
        assertEquals("replayed epochs 1-87 bit-identical to the kept record (testErrorsAverageCorrected recorded by "
                + "one side only in 63 of them)", r.text());
        assertEquals("on purpose", r.shortReason());
    }

    /** labels50-seed1 lost its checkpoint at epoch 179 and was trained again from epoch 0. */
    @Test
    void committedRestartOfLabels50Seed1ReplaysBitIdentically() {
        Path run = Path.of("results/mnist-paper/labels50-seed1-b0337814ab");
        assertTrue(Files.isDirectory(run), "committed record missing: " + run.toAbsolutePath());
        RunDirectory dir = new RunDirectory(run);
        List<Replay> all = Replay.of(dir, dir.readProvenance().orElseThrow());
        assertEquals(1, all.size());
        Replay r = all.get(0);
        assertEquals(179, r.restart().epochsLost());
        assertEquals(179, r.compared().size());
        assertTrue(r.identical(), r.text());
        assertEquals("replayed epochs 1-179 bit-identical to the kept record", r.text());
        assertEquals("2026-12-04T03:15:35Z", r.when());
        assertEquals("checkpoint lost at epoch 179", r.shortReason());
    }
}
