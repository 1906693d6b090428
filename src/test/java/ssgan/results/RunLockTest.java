package ssgan.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunLockTest {
    private static final Duration STALE = Duration.ofHours(2);

    /** Me, inside Slurm job 77 of cluster "ci" (what a requeued array task sees again after its restart). */
    private static final LockOwner ME = LockOwner.fromEnvironment(
            Map.of("SLURM_JOB_ID", "77", "SLURM_CLUSTER_NAME", "ci"), ProcessHandle.current().pid());

    private static Path lock(Path dir, String content, Duration age) throws Exception {
        Path file = dir.resolve("run.lock");
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    private static boolean acquired(Path file, LockOwner me) {
        Optional<RunLock> lock = RunLock.tryAcquire(file, STALE, me);
        lock.ifPresent(RunLock::close);
        return lock.isPresent();
    }

    @Test
    void requeuedTaskTakesOverTheFreshLockOfItsDeadIncarnationOnAnotherNode(@TempDir Path dir) throws Exception {
        Path file = lock(dir, "node-17 4242 boot=b0 slurm=ci:77", Duration.ofMinutes(1));
        Optional<RunLock> lock = RunLock.tryAcquire(file, STALE, ME);
        assertTrue(lock.isPresent());
        assertEquals(ME.toString(), RunLock.holder(file).orElseThrow(), "the lock now names the new incarnation");
        lock.get().close();
        assertFalse(Files.exists(file));
    }

    @Test
    void aFreshLockOfAnotherJobOnAnotherHostIsRespectedUntilItsHeartbeatIsOld(@TempDir Path dir) throws Exception {
        assertFalse(acquired(lock(dir, "node-17 4242 slurm=ci:78", Duration.ofMinutes(1)), ME));
        assertFalse(acquired(lock(dir, "node-17 4242", Duration.ofMinutes(1)), ME), "a plain sweep on node-17");
        assertFalse(acquired(lock(dir, "node-17 4242 slurm=ci:77", Duration.ofMinutes(1)),
                LockOwner.fromEnvironment(Map.of(), 1)), "outside Slurm, a job id means nothing");
        assertTrue(acquired(lock(dir, "node-17 4242 slurm=ci:78", Duration.ofHours(3)), ME));
    }

    @Test
    void onTheSameHostTheProcessDecides(@TempDir Path dir) throws Exception {
        long live = ProcessHandle.current().pid();
        String host = ME.host();
        assertFalse(acquired(lock(dir, host + " " + live, Duration.ofHours(3)), ME), "alive, however old");
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        assertTrue(acquired(lock(dir, host + " " + dead.pid(), Duration.ZERO), ME));
        if (ME.boot() != null) {
            assertTrue(acquired(lock(dir, host + " " + live + " boot=before-reboot", Duration.ZERO), ME),
                    "a pid from an earlier boot is not this process");
        }
    }

    @Test
    void aLockWhoseContentIsNotWrittenYetIsNotBroken(@TempDir Path dir) throws Exception {
        assertFalse(acquired(lock(dir, "", Duration.ZERO), ME));
        assertTrue(acquired(lock(dir, "", Duration.ofHours(3)), ME));
    }

    @Test
    void breakingIsSerialisedByAGuardThatExpires(@TempDir Path dir) throws Exception {
        Path file = lock(dir, "node-17 4242 slurm=ci:77", Duration.ZERO);
        Path guard = dir.resolve("run.lock.break");
        Files.writeString(guard, "node-18 1");
        assertFalse(acquired(file, ME), "someone else is breaking this lock right now");
        Files.setLastModifiedTime(guard, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        assertTrue(acquired(file, ME), "a guard left by a dead breaker expires");
        assertFalse(Files.exists(guard));
    }

    @Test
    void ownerRoundTripsThroughTheLockFile() {
        LockOwner o = new LockOwner("node-1", 12, "abc", "ci:5", null);
        assertEquals("node-1 12 boot=abc slurm=ci:5", o.toString());
        assertEquals(o, LockOwner.parse(o.toString()).orElseThrow());
        assertEquals(new LockOwner("vm", 3, null, null, null), LockOwner.parse("vm 3\n").orElseThrow(), "old format");
        LockOwner writing = o.writingCheckpointsTo(Path.of("/cache/check points/exp/run-1"));
        assertEquals("node-1 12 boot=abc slurm=ci:5 checkpoints=%2Fcache%2Fcheck+points%2Fexp%2Frun-1",
                writing.toString(), "one token even with a space in the path");
        assertEquals(writing, LockOwner.parse(writing.toString()).orElseThrow());
        assertTrue(LockOwner.parse("vm").isEmpty());
        assertTrue(LockOwner.parse("vm x").isEmpty());
    }
}
