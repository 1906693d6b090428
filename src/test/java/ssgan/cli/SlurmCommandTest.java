package ssgan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.data.DatasetCatalog;
import ssgan.experiment.ExperimentLoader;
import ssgan.experiment.Plan;
import ssgan.results.ResultsStore;
import ssgan.results.RunState;
import ssgan.results.RunStatus;
import ssgan.runs.TinyExperiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlurmCommandTest {

    /** {exit code, stdout + stderr}. */
    private static Object[] cli(String... args) {
        CliRunner.Outcome o = CliRunner.run(args);
        return new Object[] {o.exitCode(), o.output()};
    }

    /** Marks plan runs as finished without training them. */
    private static void finish(Path config, Path results, RunState state, int... indices) throws Exception {
        Plan plan = ExperimentLoader.load(config, List.of(),
                new DatasetCatalog(DatasetCatalog.defaultDataRoot())::find);
        for (int i : indices) {
            new ResultsStore(results).run(plan.experiment(), plan.runs().get(i).runId())
                    .writeStatus(RunStatus.of(state, 1, 1, null));
        }
    }

    @Test
    void onlyPendingRunsBecomeArrayTasks(@TempDir Path tmp) throws Exception {
        Path config = TinyExperiment.write(tmp, "tiny", 1, 5, "1..5");
        Path results = tmp.resolve("results");
        finish(config, results, RunState.DONE, 1);
        finish(config, results, RunState.DIVERGED, 4);
        finish(config, results, RunState.FAILED, 2);
        Object[] r = cli("slurm", config.toString(), "--results", results.toString(), "--max-parallel", "2",
                "epochs=1", "--no-requeue", "--checkpoints", tmp.resolve("ckpt").toString());
        assertEquals(0, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("3 of 5 runs pending: --array=0,2-3%2"), (String) r[1]);
        assertTrue(((String) r[1]).contains("sbatch --parsable --dependency=afterany:"), (String) r[1]);
        Path slurm = results.resolve("tiny/slurm");
        String array = Files.readString(slurm.resolve("array.sbatch"));
        assertTrue(array.contains("#SBATCH --array=0,2-3%2\n"), array);
        assertFalse(array.contains("--requeue"), array);
        assertTrue(array.contains(" epochs=1 --checkpoints " + tmp.resolve("ckpt").toAbsolutePath()
                + " --index \"$SLURM_ARRAY_TASK_ID\" --results " + results.toAbsolutePath()), array);
        assertTrue(Files.readString(slurm.resolve("report.sbatch")).contains(" report --strict --results "));
        assertTrue(Files.isDirectory(slurm.resolve("logs")), "Slurm needs the --output directory to exist");
    }

    @Test
    void nothingIsWrittenWhenNoRunIsPending(@TempDir Path tmp) throws Exception {
        Path config = TinyExperiment.write(tmp, "tiny", 1, 5, "1..2");
        Path results = tmp.resolve("results");
        finish(config, results, RunState.DONE, 0, 1);
        Object[] r = cli("slurm", config.toString(), "--results", results.toString(), "--submit");
        assertEquals(0, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("no pending runs"), (String) r[1]);
        assertFalse(Files.exists(results.resolve("tiny/slurm")));
    }
}
