package ssgan.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.data.DataOptions;
import ssgan.data.DatasetCatalog;
import ssgan.experiment.ExperimentLoader;
import ssgan.experiment.RunSpec;
import ssgan.results.Provenance;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.results.RunStatus;
import ssgan.metrics.EpochMetrics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checkpoints outside the run directory (the long-run setup: results in a work tree that a new session replaces,
 * checkpoints in a cache that survives), and what a sitting does when one of the two is missing.
 */
class CheckpointLocationTest {
    private static final DatasetCatalog CATALOG = new DatasetCatalog(DatasetCatalog.defaultDataRoot());

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private RunState execute(ResultsStore store, RunSpec spec) {
        return new RunExecutor(store, new DatasetCache(CATALOG, DataOptions.offline(null)),
                new PrintStream(log, true)).execute(spec);
    }

    private static RunSpec tinyRun(Path tmp) throws Exception {
        return ExperimentLoader.load(TinyExperiment.write(tmp, "tiny", 2, 5, "[1]"), List.of(), CATALOG::find)
                .runs().get(0);
    }

    /** A store with results in tmp/results and checkpoints in tmp/cache, where {@code spec} has run to the end. */
    private ResultsStore finished(Path tmp, RunSpec spec) {
        ResultsStore store = new ResultsStore(tmp.resolve("results"), tmp.resolve("cache"));
        assertEquals(RunState.DONE, execute(store, spec), log.toString());
        return store;
    }

    @Test
    void checkpointLivesUnderTheCheckpointsRootWithACopyOfTheRecord(@TempDir Path tmp) throws Exception {
        RunSpec spec = tinyRun(tmp);
        ResultsStore store = finished(tmp, spec);
        RunDirectory dir = store.run("tiny", spec.runId());
        Path checkpoint = tmp.resolve("cache/tiny").resolve(spec.runId()).resolve("checkpoint.bin");
        assertTrue(Files.isRegularFile(checkpoint));
        assertFalse(Files.exists(dir.path().resolve("checkpoint")), "nothing in the run directory");
        assertEquals(2, ResumePoint.checkpointEpochs(dir));
        assertEquals(dir.readMetrics(), dir.readMetricsCopy());
        assertEquals(checkpoint.toAbsolutePath().toString(), dir.readProvenance().orElseThrow().checkpoint());
    }

    @Test
    void freshWorkTreeRecoversTheRecordFromBesideTheCheckpoint(@TempDir Path tmp) throws Exception {
        RunSpec spec = tinyRun(tmp);
        List<EpochMetrics> metrics = finished(tmp, spec).run("tiny", spec.runId()).readMetrics();

        ResultsStore fresh = new ResultsStore(tmp.resolve("new-clone/results"), tmp.resolve("cache"));
        assertEquals(RunState.DONE, execute(fresh, spec), log.toString());
        RunDirectory dir = fresh.run("tiny", spec.runId());
        assertTrue(log.toString().contains("recovered the metrics of epochs 1-2"), log.toString());
        assertEquals(metrics, dir.readMetrics());
        assertEquals(2, dir.readProvenance().orElseThrow().sittings(), "the first sitting is still counted");
        assertTrue(dir.readSummary().isPresent());
    }

    @Test
    void lostCheckpointRestartsFromEpochZeroKeepsTheLostMetricsAsideAndSaysSo(@TempDir Path tmp) throws Exception {
        RunSpec spec = tinyRun(tmp);
        ResultsStore store = finished(tmp, spec);
        RunDirectory dir = store.run("tiny", spec.runId());
        List<EpochMetrics> first = dir.readMetrics();
        // as if the machine had been replaced after epoch 2, before the run had finished
        dir.writeStatus(RunStatus.of(RunState.RUNNING, 2, 2, null));
        Files.delete(dir.summaryFile());
        deleteTree(tmp.resolve("cache"));

        assertEquals(RunState.DONE, execute(store, spec), log.toString());
        assertTrue(log.toString().contains("restarts from epoch 0: checkpoint lost at epoch 2"), log.toString());
        List<EpochMetrics> again = dir.readMetrics();
        assertEquals(List.of(1, 2), again.stream().map(EpochMetrics::epoch).toList(), "one training only");
        assertEquals(first.get(1).testErrorsRaw(), again.get(1).testErrorsRaw(), "training is deterministic");
        assertEquals(first, readRows(dir.path().resolve("metrics-lost-1.jsonl")));
        Provenance p = dir.readProvenance().orElseThrow();
        assertEquals(1, p.restartList().size());
        assertEquals(2, p.restartList().get(0).epochsLost());
        assertTrue(p.restartList().get(0).reason().startsWith("checkpoint lost at epoch 2"));
        assertEquals("metrics-lost-1.jsonl", p.restartList().get(0).metricsKept());
        assertEquals(2, p.sittings());
        assertEquals(List.of(0, 0), p.sittingList().stream().map(Provenance.Sitting::fromEpoch).toList(),
                "the second sitting started again from epoch 0");
        assertEquals(List.of(2, 2), p.sittingList().stream().map(Provenance.Sitting::toEpoch).toList());
    }

    @Test
    void checkpointAheadOfTheRecordFailsWithoutTouchingTheCheckpoint(@TempDir Path tmp) throws Exception {
        RunSpec spec = tinyRun(tmp);
        ResultsStore store = finished(tmp, spec);
        RunDirectory dir = store.run("tiny", spec.runId());
        byte[] checkpoint = Files.readAllBytes(dir.checkpointFile());
        deleteTree(tmp.resolve("results"));          // a fresh work tree ...
        Files.delete(dir.metricsCopyFile());           // ... and no copy of the record (an older version's run)

        assertEquals(RunState.FAILED, execute(store, spec), log.toString());
        String message = dir.readStatus().orElseThrow().message();
        assertTrue(message.contains("cannot resume: the checkpoint holds 2 epochs but metrics.jsonl only 0"),
                message);
        assertSameBytes(checkpoint, Files.readAllBytes(dir.checkpointFile()));
    }

    @Test
    void resumePointRule() {
        assertEquals(ResumePoint.Kind.FRESH, ResumePoint.of(0, 0).kind());
        assertEquals(ResumePoint.Kind.RESUME, ResumePoint.of(5, 5).kind());
        assertEquals(ResumePoint.Kind.RESUME, ResumePoint.of(6, 5).kind(), "killed between record and checkpoint");
        assertEquals(ResumePoint.Kind.RESTART, ResumePoint.of(5, 0).kind());
        assertEquals(ResumePoint.Kind.INCONSISTENT, ResumePoint.of(4, 5).kind());
    }

    private static void assertSameBytes(byte[] expected, byte[] actual) {
        assertTrue(java.util.Arrays.equals(expected, actual), "the checkpoint is left as it was");
    }

    private static List<EpochMetrics> readRows(Path file) throws Exception {
        List<EpochMetrics> rows = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(ssgan.results.AtomicFiles.JSON.readValue(line, EpochMetrics.class));
        }
        return rows;
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
