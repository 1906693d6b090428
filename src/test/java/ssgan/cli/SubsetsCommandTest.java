package ssgan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.data.DatasetCatalog;
import ssgan.experiment.ExperimentLoader;
import ssgan.experiment.RunSpec;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.SubsetDifficulty;
import ssgan.runs.TinyExperiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ssgan subsets} on the bundled MNIST (2,000 training and 1,000 test images, 100 labels). */
class SubsetsCommandTest {

    @Test
    void writesSubsetJsonForStartedRunsOnlyAndKeepsItUntilForced(@TempDir Path tmp) throws Exception {
        Path config = TinyExperiment.write(tmp, "tiny", 1, 5, "1..2");
        Path results = tmp.resolve("results");
        List<RunSpec> runs = ExperimentLoader.load(config, List.of(),
                new DatasetCatalog(DatasetCatalog.defaultDataRoot())::find).runs();
        RunDirectory started = new ResultsStore(results).run("tiny", runs.get(0).runId());
        started.writeConfig(Map.of("run_id", runs.get(0).runId())); // a started run has its config.yaml
        RunDirectory pending = new ResultsStore(results).run("tiny", runs.get(1).runId());

        CliRunner.Outcome first = CliRunner.run("subsets", config.toString(), "--results", results.toString(),
                "--draws", "3", "--threads", "1");
        assertEquals(0, first.exitCode(), first.output());
        SubsetDifficulty s = started.readSubset().orElseThrow();
        assertEquals(100, s.labels());
        assertEquals(1, s.seedData());
        assertEquals(1000, s.testCount());
        assertEquals(3, s.referenceDraws());
        assertEquals(1001, s.referenceFirstSeed());
        // 10 labels a class on 1,000 test digits: 1-NN gets most right and far from all
        assertTrue(s.testErrors() > 50 && s.testErrors() < 500, "1-NN errors " + s.testErrors());
        assertTrue(first.output().contains("tiny/" + runs.get(0).runId() + ": 1-NN " + s.testErrors()
                + " of 1000 test images wrong; harder than "), first.output());
        assertTrue(first.output().contains(runs.get(1).runId() + ": 1-NN ")
                && first.output().contains("(no run directory yet: not written)"), first.output());
        assertFalse(Files.exists(pending.subsetFile()), "a run not started gets no file");

        long written = Files.getLastModifiedTime(started.subsetFile()).toMillis();
        CliRunner.Outcome again = CliRunner.run("subsets", config.toString(), "seed=1", "--results",
                results.toString(), "--draws", "3");
        assertTrue(again.output().contains("(kept " + started.subsetFile() + ")"), again.output());
        assertEquals(written, Files.getLastModifiedTime(started.subsetFile()).toMillis());

        CliRunner.Outcome forced = CliRunner.run("subsets", config.toString(), "seed=1", "--results",
                results.toString(), "--draws", "3", "--force");
        assertEquals(0, forced.exitCode(), forced.output());
        SubsetDifficulty again2 = started.readSubset().orElseThrow();
        assertEquals(s.testErrors(), again2.testErrors(), "the same subset, the same figure");
        assertEquals(List.of(s.referenceErrors()[0], s.referenceErrors()[1], s.referenceErrors()[2]),
                List.of(again2.referenceErrors()[0], again2.referenceErrors()[1], again2.referenceErrors()[2]));
    }

    @Test
    void negativeDrawsAreBadInput(@TempDir Path tmp) throws Exception {
        Path config = TinyExperiment.write(tmp, "tiny", 1, 5, "[1]");
        CliRunner.Outcome o = CliRunner.run("subsets", config.toString(), "--results", tmp.resolve("r").toString(),
                "--draws", "-1");
        assertEquals(2, o.exitCode());
        assertTrue(o.output().contains("--draws must be at least 0, got -1"), o.output());
        assertFalse(Files.exists(tmp.resolve("r")));
    }
}
