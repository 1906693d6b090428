package ssgan.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.results.Provenance;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.metrics.EpochMetrics;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resume guarantee, end to end: a sweep process killed with SIGKILL in the middle of an epoch, then run again,
 * ends with exactly the metrics of a run that was never interrupted.
 */
class ResumeAfterKillTest {
    private static final int EPOCHS = 4;

    @Test
    void killedRunResumesToTheSameFinalMetrics(@TempDir Path tmp) throws Exception {
        Path config = TinyExperiment.write(tmp, "resume", EPOCHS, 40, "[1]");
        Path straight = tmp.resolve("straight");
        Path killed = tmp.resolve("killed");

        succeeds(sweep(config, straight), straight);

        Process victim = sweep(config, killed);
        RunDirectory dir = only(killed);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(12);   // a hang guard, like succeeds()
        while (dir == null || dir.readMetrics().size() < 2) {
            assertTrue(victim.isAlive(), "the run ended before it could be killed");
            assertTrue(System.nanoTime() < deadline, "no progress");
            Thread.sleep(50);
            dir = dir == null ? only(killed) : dir;
        }
        Thread.sleep(400);                       // into epoch 3 (40 iterations take a couple of seconds)
        victim.destroyForcibly();                // SIGKILL: no shutdown hooks, no clean-up
        victim.waitFor();
        assertEquals(RunState.RUNNING, dir.state(), "killed mid-run, the status still says running");
        assertTrue(dir.readMetrics().size() < EPOCHS, "killed before the end");
        assertTrue(Files.exists(dir.lockFile()), "the dead process left its lock behind");

        succeeds(sweep(config, killed), killed);
        assertEquals(RunState.DONE, dir.state());
        List<EpochMetrics> a = only(straight).readMetrics();
        List<EpochMetrics> b = dir.readMetrics();
        assertEquals(EPOCHS, b.size());
        for (int i = 0; i < EPOCHS; i++) {
            assertEquals(a.get(i).lossSupervised(), b.get(i).lossSupervised(), "epoch " + (i + 1));
            assertEquals(a.get(i).lossUnsupervised(), b.get(i).lossUnsupervised(), "epoch " + (i + 1));
            assertEquals(a.get(i).lossFeatureMatching(), b.get(i).lossFeatureMatching(), "epoch " + (i + 1));
            assertEquals(a.get(i).testErrorsRaw(), b.get(i).testErrorsRaw(), "epoch " + (i + 1));
            assertEquals(a.get(i).testErrorsAverage(), b.get(i).testErrorsAverage(), "epoch " + (i + 1));
        }
        Provenance p = dir.readProvenance().orElseThrow();
        assertEquals(2, p.sittings());
        List<Provenance.Sitting> sittings = p.sittingList();
        assertEquals(2, sittings.size(), "both sittings are in the history");
        assertEquals(0, sittings.get(0).fromEpoch());
        int stoppedAt = sittings.get(0).toEpoch();
        assertTrue(stoppedAt >= 2 && stoppedAt < EPOCHS, "the killed sitting is closed at its last epoch: "
                + stoppedAt);
        int resumedAfter = sittings.get(1).fromEpoch();
        // a kill between recording an epoch and checkpointing it hands over one epoch early: it is trained again
        assertTrue(resumedAfter == stoppedAt || resumedAfter == stoppedAt - 1,
                "the second sitting takes over where the first stopped: " + sittings);
        assertEquals(EPOCHS, sittings.get(1).toEpoch());
        assertTrue(sittings.get(0).endedAt().compareTo(sittings.get(1).startedAt()) <= 0, sittings.toString());
        assertEquals(p.endedAt(), sittings.get(1).endedAt());
        assertFalse(p.mixedCode(), "one checkout trained both sittings");
    }

    private static RunDirectory only(Path results) {
        List<RunDirectory> runs = new ResultsStore(results).runs("resume");
        return runs.isEmpty() ? null : runs.get(0);
    }

    /**
     * Waits for a sweep and requires exit code 0, showing its output otherwise. The limit only guards against a hang:
     * alone, a sweep takes well under a minute, but one at nice 5 beside two training runs once took over 5 minutes.
     */
    private static void succeeds(Process sweep, Path results) throws Exception {
        assertTrue(sweep.waitFor(15, TimeUnit.MINUTES), "the sweep did not finish in 15 minutes");
        assertEquals(0, sweep.exitValue(), () -> "sweep exit code; its output:\n" + readLog(results));
    }

    private static String readLog(Path results) {
        try {
            return Files.readString(log(results));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path log(Path results) {
        return results.resolveSibling(results.getFileName() + ".log");
    }

    /** A separate JVM running the real CLI, as a user would. */
    private static Process sweep(Path config, Path results) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "ssgan.cli.Main", "sweep",
                config.toString(), "--results", results.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(log(results).toFile()).directory(new File(".")).start();
    }
}
