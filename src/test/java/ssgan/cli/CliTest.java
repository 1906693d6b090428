package ssgan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.metrics.Misclassified;
import ssgan.results.Predictions;
import ssgan.results.RecordChecksums;
import ssgan.results.ResultsStore;
import ssgan.results.Summary;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.runs.TinyExperiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    /** Runs the CLI in-process and returns {exit code, stdout + stderr}. */
    private static Object[] cli(String... args) {
        CliRunner.Outcome o = CliRunner.run(args);
        return new Object[] {o.exitCode(), o.output()};
    }

    @Test
    void badConfigExitsWithTwoNamesTheProblemAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, """
                settings:
                  dataset: mnist
                  epochs: 0
                sweep:
                  labels: [100, 15]
                """);
        Path results = tmp.resolve("results");
        Object[] r = cli("sweep", config.toString(), "--results", results.toString());
        assertEquals(2, r[0]);
        String text = (String) r[1];
        assertTrue(text.contains(config + ":3:11: settings.epochs"), text);
        assertTrue(text.contains("sweep.labels[1]"), text);
        assertFalse(Files.exists(results), "nothing is written for a rejected config");
    }

    @Test
    void invalidDatasetNameExitsWithTwoAndAPosition(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("escape.yaml");
        Files.writeString(config, """
                settings:
                  dataset: ../../../etc
                """);
        for (String command : List.of("plan", "sweep")) {
            Object[] r = cli(command, config.toString(), "--results", tmp.resolve("results").toString());
            String text = (String) r[1];
            assertEquals(2, r[0], text);
            assertTrue(text.contains(config + ":2:12: settings.dataset: invalid dataset name '../../../etc'"), text);
            assertFalse(text.contains("Exception") || text.contains("\tat "), "no stack trace: " + text);
        }
    }

    @Test
    void badOverrideExitsWithTwo(@TempDir Path tmp) throws Exception {
        Path config = TinyExperiment.write(tmp, "tiny", 1, 5, "[1]");
        Object[] r = cli("plan", config.toString(), "learning_rate=fast");
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).contains("<command line>:argument 1"), (String) r[1]);
    }

    @Test
    void alteredDataFileExitsWithTwoBeforeAnyRunStarts(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("mnist"));
        for (Path f : Files.newDirectoryStream(Path.of("data", "mnist"))) {
            Files.copy(f, data.resolve("mnist").resolve(f.getFileName()));
        }
        byte[] labels = Files.readAllBytes(data.resolve("mnist/t10k-labels-idx1-ubyte.gz"));
        labels[labels.length / 2] ^= 0x5a;
        Files.write(data.resolve("mnist/t10k-labels-idx1-ubyte.gz"), labels);
        Path config = TinyExperiment.write(tmp, "tiny", 1, 5, "[1]");
        Path results = tmp.resolve("results");
        Object[] r = cli("sweep", config.toString(), "--data", data.toString(), "--results", results.toString());
        assertEquals(2, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("t10k-labels-idx1-ubyte.gz"), (String) r[1]);
        assertFalse(Files.exists(results), "nothing is written when the data is bad");
    }

    @Test
    void planListsThePapersFortyRuns() {
        Object[] r = cli("plan", "experiments/mnist-paper.yaml", "--results", "target/no-results");
        assertEquals(0, r[0]);
        assertTrue(((String) r[1]).contains("40 runs: pending=40"), (String) r[1]);
    }

    @Test
    void sweepRunsPendingRunsThenSkipsFinishedOnes(@TempDir Path tmp) throws Exception {
        Path config = TinyExperiment.write(tmp, "tiny", 1, 5, "1..2");
        Path results = tmp.resolve("results");
        Object[] first = cli("sweep", config.toString(), "--results", results.toString(), "--threads", "1");
        assertEquals(0, first[0], (String) first[1]);
        List<RunDirectory> runs = new ResultsStore(results).runs("tiny");
        assertEquals(2, runs.size());
        for (RunDirectory run : runs) {
            assertEquals(RunState.DONE, run.state());
            assertTrue(Files.exists(run.samplesFile()) && Files.exists(run.summaryFile())
                    && Files.exists(run.provenanceFile()) && Files.exists(run.configFile()));
            assertFalse(Files.exists(run.lockFile()), "lock released");
            assertEquals(100, run.readSubset().orElseThrow().referenceDraws(), "its subset.json, from its start");
            // the saved probabilities reproduce the summary's error counts (what ensembles are built from)
            Predictions p = Predictions.read(run.predictionsFile());
            Summary summary = run.readSummary().orElseThrow();
            assertEquals(summary.testErrorsAverage(), Misclassified.count(p.averaged(), p.labels(), p.classes()));
            assertEquals(summary.testErrorsRaw(), Misclassified.count(p.raw(), p.labels(), p.classes()));
            RecordChecksums sums = run.readChecksums().orElseThrow(); // sealed as it finished, for the report
            assertEquals(List.of("metrics.jsonl", "predictions.bin.gz"), List.copyOf(sums.files().keySet()));
            assertEquals(List.of(), sums.changes(run));
        }
        long before = Files.getLastModifiedTime(runs.get(0).metricsFile()).toMillis();
        Object[] second = cli("sweep", config.toString(), "--results", results.toString());
        assertEquals(0, second[0]);
        assertTrue(((String) second[1]).contains("done, skipped"), (String) second[1]);
        assertEquals(before, Files.getLastModifiedTime(runs.get(0).metricsFile()).toMillis());
        Object[] plan = cli("plan", config.toString(), "--results", results.toString());
        assertTrue(((String) plan[1]).contains("2 runs: done=2"), (String) plan[1]);
    }

    @Test
    void runPicksOneRunByIndex(@TempDir Path tmp) throws Exception {
        Path config = TinyExperiment.write(tmp, "tiny", 1, 5, "1..3");
        Path results = tmp.resolve("results");
        assertEquals(2, cli("run", config.toString(), "--index", "3", "--results", results.toString())[0]);
        Object[] r = cli("run", config.toString(), "--index", "1", "--results", results.toString(), "--threads", "1");
        assertEquals(0, r[0], (String) r[1]);
        List<RunDirectory> runs = new ResultsStore(results).runs("tiny");
        assertEquals(1, runs.size());
        assertTrue(runs.get(0).runId().startsWith("labels100-seed2-"), runs.get(0).runId());
    }
}
