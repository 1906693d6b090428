package ssgan.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps two processes from running the same run, also across hosts on a shared filesystem: the lock is a file
 * created atomically (create-new) holding its {@link LockOwner} ("host pid boot=... slurm=..."). It is stale when
 * <ul>
 *   <li>it was taken by an earlier incarnation of the same Slurm job (a requeued or preempted array task: Slurm
 *       never runs two incarnations of a job at once, and the old node may be gone);</li>
 *   <li>its process is gone (same host and boot), or the host has rebooted since (same host, other boot);</li>
 *   <li>otherwise (another host) when its heartbeat, the file's mtime touched every epoch, is older than
 *       {@code staleAfter}.</li>
 * </ul>
 * Breaking a stale lock is serialised by a second create-new file ({@code run.lock.break}), so that two processes
 * that both find the same lock stale cannot delete each other's fresh lock.
 */
public final class RunLock implements AutoCloseable {
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(2);
    /** Breaking takes milliseconds; a guard older than this was left by a process that died while breaking. */
    static final Duration GUARD_STALE_AFTER = Duration.ofMinutes(1);

    private final Path file;

    private RunLock(Path file) {
        this.file = file;
    }

    /** Empty when another live process holds the run; the lock names {@code checkpointDir} for status. */
    public static Optional<RunLock> tryAcquire(Path file, Duration staleAfter, Path checkpointDir) {
        return tryAcquire(file, staleAfter, LockOwner.current().writingCheckpointsTo(checkpointDir));
    }

    static Optional<RunLock> tryAcquire(Path file, Duration staleAfter, LockOwner me) {
        if (create(file, me)) {
            return Optional.of(new RunLock(file));
        }
        Path guard = file.resolveSibling(file.getFileName() + ".break");
        if (!acquireGuard(guard, me)) {
            return Optional.empty(); // someone else is breaking it right now
        }
        try {
            if (!isStale(file, staleAfter, me)) {
                return Optional.empty();
            }
            delete(file);
            return create(file, me) ? Optional.of(new RunLock(file)) : Optional.empty();
        } finally {
            delete(guard);
        }
    }

    /** Who holds the lock, as "host pid ...", or empty. */
    public static Optional<String> holder(Path file) {
        try {
            return Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What a lock file says about its run, for {@code ssgan status}. */
    public enum Held {
        /** No lock: no process works on the run. */
        NONE,
        /** A live process holds it (on another host: its heartbeat is recent). */
        LIVE,
        /** Left by a process that is gone: the run is stopped and the next sweep takes it over. */
        STALE
    }

    public static Held held(Path file) {
        if (!Files.exists(file)) {
            return Held.NONE;
        }
        Held held = isStale(file, DEFAULT_STALE_AFTER, LockOwner.current()) ? Held.STALE : Held.LIVE;
        return Files.exists(file) ? held : Held.NONE; // released while we looked
    }

    static boolean isStale(Path file, Duration staleAfter, LockOwner me) {
        Optional<LockOwner> holder = holder(file).flatMap(LockOwner::parse);
        if (holder.isPresent()) {
            LockOwner h = holder.get();
            if (h.slurmJob() != null && h.slurmJob().equals(me.slurmJob())) {
                return true;
            }
            if (h.host().equals(me.host())) {
                if (h.boot() != null && me.boot() != null && !h.boot().equals(me.boot())) {
                    return true;
                }
                return ProcessHandle.of(h.pid()).map(p -> !p.isAlive()).orElse(true);
            }
        }
        // another host, or content not written yet / unreadable: only the heartbeat can tell
        return olderThan(file, staleAfter);
    }

    /** Shows other hosts that this run is alive. */
    public void heartbeat() {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException ignored) {
            // a missed heartbeat only makes the lock look older
        }
    }

    @Override
    public void close() {
        delete(file);
    }

    private static boolean acquireGuard(Path guard, LockOwner me) {
        return create(guard, me) || (olderThan(guard, GUARD_STALE_AFTER) && delete(guard) && create(guard, me));
    }

    private static boolean create(Path file, LockOwner owner) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, owner.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create lock " + file, e);
        }
    }

    private static boolean delete(Path file) {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            return false; // a leftover lock of a dead process is detected as stale
        }
    }

    /** A file that vanished counts as old: there is nothing left to respect. */
    private static boolean olderThan(Path file, Duration age) {
        try {
            return Files.getLastModifiedTime(file).toInstant().plus(age).isBefore(Instant.now());
        } catch (IOException e) {
            return true;
        }
    }
}
