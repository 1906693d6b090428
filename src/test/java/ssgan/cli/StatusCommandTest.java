package ssgan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.results.AtomicFiles;
import ssgan.results.LockOwner;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.results.RunStatus;
import ssgan.metrics.EpochMetrics;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ssgan status} on fixture run directories: one for each situation a long run can be in. */
class StatusCommandTest {

    @Test
    void showsEachRunsConditionProgressAndCheckpoint(@TempDir Path tmp) throws Exception {
        Path results = tmp.resolve("results");
        Path checkpoints = tmp.resolve("checkpoints");
        ResultsStore store = new ResultsStore(results, checkpoints);
        LockOwner me = LockOwner.current();

        RunDirectory running = run(store, "running", RunState.RUNNING, 4, 300, 10.0, 12.0, 11.0, 50.0);
        Files.writeString(running.lockFile(), me.toString());
        checkpoint(running.checkpointFile(), 4);

        RunDirectory stopped = run(store, "stopped", RunState.RUNNING, 3, 300, 20.0, 20.0, 20.0);
        Files.writeString(stopped.lockFile(), new LockOwner(me.host(), deadPid(), me.boot(), null, null).toString());
        checkpoint(stopped.checkpointFile(), 3);

        run(store, "lost", RunState.RUNNING, 3, 300, 20.0, 20.0, 20.0);  // no checkpoint anywhere

        RunDirectory old = run(store, "old", RunState.DONE, 2, 2, 5.0, 5.0);
        old.writeStatus(new RunStatus(RunState.DONE, 2, 2, null, "2020-01-01T00:00:00Z"));

        RunDirectory elsewhere = store.run("exp", "elsewhere");  // only in the cache: a fresh work tree
        checkpoint(elsewhere.checkpointFile(), 2);
        elsewhere.writeMetrics(rows(30.0, 30.0));
        AtomicFiles.writeJson(elsewhere.statusCopyFile(), RunStatus.of(RunState.RUNNING, 2, 300, null));
        Files.move(elsewhere.metricsFile(), elsewhere.metricsCopyFile());

        CliRunner.Outcome o = CliRunner.run("status", "--results", results.toString(), "--checkpoints",
                checkpoints.toString());
        String text = o.output();
        assertEquals(0, o.exitCode(), text);
        assertTrue(text.contains("exp/running: running (pid " + me.pid() + " on " + me.host() + ")"), text);
        // median of 10, 12, 11, 50 is 11.5 s; 296 epochs left: 56.7 min
        assertTrue(text.contains("epoch 4/300, 11.5 s/epoch (median of the last 4), ETA 56 min (about "), text);
        assertTrue(text.contains("test errors at epoch 4: 104 raw D, 204 averaged D (of 10000)"), text);
        assertTrue(text.contains(running.checkpointFile() + " (epoch 4)"), text);
        assertTrue(text.contains("exp/stopped: stopped (stale lock of pid "), text);
        assertTrue(text.contains("next sitting resumes after epoch 3"), text);
        assertTrue(text.contains("epoch 3/300, 20.0 s/epoch (median of the last 3), 1.7 h of training left"), text);
        assertTrue(text.contains("exp/lost: stopped (no process); next sitting restarts from epoch 0: checkpoint "
                + "lost at epoch 3"), text);
        assertTrue(text.contains("exp/elsewhere: stopped, not in this work tree"), text);
        assertTrue(text.contains("epoch 2/300, 30.0 s/epoch"), text);
        assertFalse(text.contains("exp/old"), text);
        assertTrue(text.contains("4 runs, 1 running; 1 finished more than a day ago (--all shows them)"), text);

        String all = CliRunner.run("status", "--all", "--results", results.toString()).output();
        assertTrue(all.contains("exp/old: done"), all);
        assertTrue(all.contains("checkpoint none at " + results.resolve("exp/old/checkpoint/checkpoint.bin")
                + " (not needed: the run is finished)"), all);
        assertFalse(all.contains("exp/elsewhere"), "without the checkpoints root only run directories count");
    }

    @Test
    void findsALiveRunsCheckpointWhereItsLockSaysWithoutTheSweepsCheckpointsOption(@TempDir Path tmp)
            throws Exception {
        Path results = tmp.resolve("results");
        RunDirectory running = run(new ResultsStore(results, tmp.resolve("cache")), "running", RunState.RUNNING, 4,
                300, 10.0, 10.0, 10.0, 10.0);
        Files.writeString(running.lockFile(), LockOwner.current().writingCheckpointsTo(running.checkpointDir())
                .toString());
        checkpoint(running.checkpointFile(), 4);

        String text = CliRunner.run("status", "--results", results.toString()).output();
        assertTrue(text.contains("checkpoint " + running.checkpointFile().toAbsolutePath() + " (epoch 4)"), text);

        Files.writeString(running.lockFile(), new LockOwner(LockOwner.current().host(), deadPid(),
                LockOwner.current().boot(), null, running.checkpointDir().toAbsolutePath()).toString());
        String stopped = CliRunner.run("status", "--results", results.toString()).output();
        assertTrue(stopped.contains("checkpoint none yet at " + results.resolve("exp/running/checkpoint")), stopped);
        assertTrue(stopped.contains("restarts from epoch 0"), "a stopped run is resumed from this store's place: "
                + stopped);
    }

    private static RunDirectory run(ResultsStore store, String id, RunState state, int done, int epochs,
                                    double... seconds) {
        RunDirectory dir = store.run("exp", id);
        dir.writeConfig(Map.of("experiment", "exp", "run_id", id));
        dir.writeMetrics(rows(seconds));
        dir.writeStatus(RunStatus.of(state, done, epochs, null));
        return dir;
    }

    private static List<EpochMetrics> rows(double... seconds) {
        List<EpochMetrics> rows = new ArrayList<>();
        for (int e = 1; e <= seconds.length; e++) {
            rows.add(new EpochMetrics(e, 0.1, 0.2, 0.3, 0.01, 100 + e, 200 + e, 10000, seconds[e - 1], 15, null));
        }
        return rows;
    }

    /** A checkpoint header (status reads no further). */
    private static void checkpoint(Path file, int epochs) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write("SSGANCK1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeInt(epochs);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
