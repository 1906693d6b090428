package ssgan.results;

import org.junit.jupiter.api.Test;
import ssgan.config.Defaults;
import ssgan.config.Settings;
import ssgan.data.DatasetCatalog;
import ssgan.stats.DatasetFacts;
import ssgan.stats.RunLoader;
import ssgan.stats.RunResult;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which runs trained before a known-defect fix, read from provenance alone (tests run from the project root). */
class KnownDefectsTest {
    private static final KnownDefects.Fix FIX = KnownDefects.FIXES.get(0);
    private static final KnownDefects.Fix CONV_FIX = KnownDefects.FIXES.get(1);
    private static final Settings MNIST = Defaults.of(Settings.Model.MNIST_MLP);
    private static final Settings CIFAR = Defaults.of(Settings.Model.CIFAR_CNN);

    @Test
    void theFixIsListedWithItsCommitDate() {
        assertEquals("1d69336", FIX.commit());
        assertEquals(Instant.parse("2026-11-30T02:42:36Z"), FIX.date());
        assertEquals("trained before fix 1d69336: numbers may be affected", FIX.mark());
    }

    /**
     * The 30-epoch mnist-cpu runs (23 November) predate the fix; the mnist-paper runs and the ablation do not. Six of
     * the eight are cleared: the mnist-paper run of their cell, trained after the fix, repeats all 30 epochs bit for
     * bit. Labels 100 seed 1 differs from epoch 1 and labels 200
     * seed 2 from epoch 2 (it trained with 2 threads, its twin with 1): they stay marked.
     */
    @Test
    void theCommittedRunsThatPredateTheFix() {
        List<RunResult> runs = RunLoader.load(new ResultsStore(Path.of("results")),
                new DatasetFacts(new DatasetCatalog(Path.of("data")))).runs();
        assertTrue(runs.size() >= 14);
        List<String> stillMarked = List.of("labels100-seed1", "labels200-seed2");
        for (RunResult r : runs) {
            String cell = r.runId().substring(0, r.runId().lastIndexOf('-'));
            boolean before = r.experiment().equals("mnist-cpu");
            String id = r.experiment() + "/" + r.runId();
            assertEquals(before && stillMarked.contains(cell) ? List.of(FIX) : List.of(), r.predatedFixes(), id);
            if (before && !stillMarked.contains(cell)) {
                assertEquals(1, r.clearances().size(), id);
                KnownDefects.Clearance c = r.clearances().get(0);
                assertEquals(FIX, c.fix());
                assertTrue(c.witness().startsWith("mnist-paper/" + cell + "-"), id + " cleared by " + c.witness());
                assertEquals(30, c.epochs());
            } else {
                assertEquals(List.of(), r.clearances(), id);
            }
        }
    }

    @Test
    void aRestartFromEpochZeroAfterTheFixLeavesTheEarlierTrainingBehind() {
        Provenance restarted = provenance("2026-12-01T00:00:00Z", 2, List.of(
                sitting("2026-11-29T00:00:00Z", 0), sitting("2026-12-01T00:00:00Z", 0)));
        assertEquals(List.of(), KnownDefects.predating(MNIST, restarted, 100));
        Provenance resumed = provenance("2026-12-01T00:00:00Z", 2, List.of(
                sitting("2026-11-29T00:00:00Z", 0), sitting("2026-12-01T00:00:00Z", 40)));
        assertEquals(List.of(FIX), KnownDefects.predating(MNIST, resumed, 100), "its first 40 epochs ran without the fix");
    }

    @Test
    void withoutHistoryTheLatestStartOrTheEndLessTheTrainingTimeBoundsTheFirstStart() {
        Provenance one = provenance("2026-11-23T05:42:21Z", 1, null);
        assertEquals(List.of(FIX), KnownDefects.predating(MNIST, one, 1000));
        Provenance resumedAfter = provenance("2026-11-30T04:33:26Z", 6, null);
        assertEquals(List.of(), KnownDefects.predating(MNIST, resumedAfter, 3 * 3600.0),
                "ended 06:12 after 3 h of training: began by 03:12, which does not show it began before 02:42");
        assertEquals(List.of(FIX), KnownDefects.predating(MNIST, resumedAfter, 5 * 3600.0),
                "5 h of training before 06:12: it began by 01:12, before the fix");
        assertEquals(List.of(), KnownDefects.predating(MNIST, null, 0), "no provenance, nothing known");
    }

    /** The convolution fix concerns the CIFAR model on the CPU only: MNIST's networks have no convolution. */
    @Test
    void aFixConcernsOnlyTheRunsThatCouldMeetItsDefect() {
        assertEquals("c88c462", CONV_FIX.commit());
        Provenance beforeBoth = provenance("2026-11-23T05:42:21Z", 1, null);
        assertEquals(List.of(FIX), KnownDefects.predating(MNIST, beforeBoth, 1000));
        assertEquals(List.of(FIX, CONV_FIX), KnownDefects.predating(CIFAR, beforeBoth, 1000));
        assertEquals(List.of(FIX, CONV_FIX), KnownDefects.predating(null, beforeBoth, 1000), "settings unknown");
        Provenance onGpu = provenance("2026-11-23T05:42:21Z", 1, null, "gpu(0)");
        assertEquals(List.of(FIX), KnownDefects.predating(CIFAR, onGpu, 1000));
        Provenance betweenThem = provenance("2026-12-02T00:00:00Z", 1, null);
        assertEquals(List.of(CONV_FIX), KnownDefects.predating(CIFAR, betweenThem, 1000));
        assertEquals(List.of(), KnownDefects.predating(MNIST, betweenThem, 1000));
    }

    private static Provenance provenance(String startedAt, int sittings, List<Provenance.Sitting> history) {
        return provenance(startedAt, sittings, history, "cpu()");
    }

    private static Provenance provenance(String startedAt, int sittings, List<Provenance.Sitting> history,
                                         String device) {
        return new Provenance("abc", false, "17", "0.35.1", "PyTorch", "2.7.1", "Linux", "vm", "cpu", 2, device,
                "none", 1, 1, Map.of(), startedAt, "2026-11-30T06:12:38Z", sittings, null, null, history);
    }

    private static Provenance.Sitting sitting(String startedAt, int fromEpoch) {
        return new Provenance.Sitting(startedAt, null, fromEpoch, null, "abc", false, "vm", "cpu()", 1, "2.7.1");
    }
}
