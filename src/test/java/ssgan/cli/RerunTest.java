package ssgan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.data.DatasetCatalog;
import ssgan.metrics.EpochMetrics;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.results.RunStatus;
import ssgan.runs.TinyExperiment;
import ssgan.stats.DatasetFacts;
import ssgan.stats.RunLoader;
import ssgan.stats.RunResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sweep --rerun}: a finished run trains again, its old record kept whole beside it; unfinished ones refused. */
class RerunTest {

    @Test
    void aFinishedRunTrainsAgainAndItsOldRecordIsKeptAndReported(@TempDir Path tmp) throws Exception {
        Path config = TinyExperiment.write(tmp, "tiny", 1, 5, "1..2");
        Path results = tmp.resolve("results");
        Path checkpoints = tmp.resolve("checkpoints");
        String[] common = {"--results", results.toString(), "--checkpoints", checkpoints.toString(), "--threads", "1"};
        assertEquals(0, CliRunner.run(concat(new String[] {"sweep", config.toString()}, common)).exitCode());
        RunDirectory seed1 = new ResultsStore(results, checkpoints).runs("tiny").get(0);
        byte[] oldMetrics = Files.readAllBytes(seed1.metricsFile());
        byte[] oldPredictions = Files.readAllBytes(seed1.predictionsFile());
        assertTrue(Files.exists(seed1.checkpointFile()));

        CliRunner.Outcome rerun = CliRunner.run(concat(new String[] {"sweep", config.toString(), "seed=1", "--rerun"},
                common));
        assertEquals(0, rerun.exitCode(), rerun.output());
        assertTrue(rerun.output().contains("record moved to superseded-1/"), rerun.output());
        Path kept = seed1.path().resolve("superseded-1");
        assertArrayEquals(oldMetrics, Files.readAllBytes(kept.resolve("metrics.jsonl")), "the old record, untouched");
        assertArrayEquals(oldPredictions, Files.readAllBytes(kept.resolve("predictions.bin.gz")));
        assertEquals(RunState.DONE, seed1.state(), "trained again to the end");
        assertFalse(Files.exists(seed1.path().resolve("metrics-lost-1.jsonl")), "from epoch 0, not a resume");
        // same code, same seed: the rerun replays the old training exactly
        assertEquals(errors(new RunDirectory(kept).readMetrics()), errors(seed1.readMetrics()));

        List<RunResult> runs = RunLoader.load(new ResultsStore(results, checkpoints),
                new DatasetFacts(new DatasetCatalog(Path.of("data")))).runs();
        assertEquals(3, runs.size(), runs.toString());
        RunResult old = runs.stream().filter(r -> r.state() == RunState.SUPERSEDED).findFirst().orElseThrow();
        assertEquals(seed1.runId() + ".superseded-1", old.runId());
        assertFalse(old.finished(), "a superseded record enters no statistics");
        assertTrue(old.message().contains("kept in " + seed1.runId() + "/superseded-1/"), old.message());
        assertEquals(2, runs.stream().filter(RunResult::finished).count());

        Path report = tmp.resolve("report");
        assertEquals(0, CliRunner.run("report", "--results", results.toString(), "--out", report.toString(),
                "--checkpoints", checkpoints.toString()).exitCode());
        String page = Files.readString(report.resolve("runs/tiny/" + old.runId() + ".html"));
        assertTrue(page.contains("results/tiny/" + seed1.runId() + "/superseded-1"), "its real directory");
        assertTrue(Files.readString(report.resolve("index.html")).contains("1 superseded"));
    }

    @Test
    void anUnfinishedRunIsRefusedAndNothingMoves(@TempDir Path tmp) throws Exception {
        Path config = TinyExperiment.write(tmp, "tiny", 1, 5, "1");
        Path results = tmp.resolve("results");
        assertEquals(0, CliRunner.run("sweep", config.toString(), "--results", results.toString(), "--threads", "1")
                .exitCode());
        RunDirectory run = new ResultsStore(results).runs("tiny").get(0);
        run.writeStatus(RunStatus.of(RunState.RUNNING, 0, 1, null)); // as a run stopped in its first epoch leaves it

        CliRunner.Outcome refused = CliRunner.run("sweep", config.toString(), "--rerun", "--results",
                results.toString(), "--threads", "1");
        assertEquals(2, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains(run.runId() + ": unfinished (running, epoch 0)"), refused.output());
        assertFalse(Files.exists(run.path().resolve("superseded-1")), "nothing moved");
        assertTrue(Files.exists(run.metricsFile()));
    }

    private static List<Integer> errors(List<EpochMetrics> rows) {
        return rows.stream().map(EpochMetrics::testErrorsAverage).toList();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
