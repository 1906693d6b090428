package ssgan.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps two processes from running the same run, also across hosts on a shared filesystem: the lock is a file
 * created atomically (create-new), holding "host pid". It is stale when its process is gone (same host) or when
 * its heartbeat (the file's mtime, touched every epoch) is older than {@code staleAfter} (another host, e.g. a
 * preempted cluster node).
 */
public final class RunLock implements AutoCloseable {
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(2);

    private final Path file;

    private RunLock(Path file) {
        this.file = file;
    }

    /** Empty when another live process holds the run. */
    public static Optional<RunLock> tryAcquire(Path file, Duration staleAfter) {
        String me = host() + " " + ProcessHandle.current().pid();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, me.getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return Optional.of(new RunLock(file));
            } catch (FileAlreadyExistsException e) {
                if (!isStale(file, staleAfter)) {
                    return Optional.empty();
                }
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create lock " + file, e);
            }
        }
        return Optional.empty();
    }

    /** Who holds the lock, as "host pid", or empty. */
    public static Optional<String> holder(Path file) {
        try {
            return Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean isStale(Path file, Duration staleAfter) {
        Optional<String> holder = holder(file);
        if (holder.isEmpty()) {
            return true;
        }
        String[] parts = holder.get().split(" ");
        if (parts.length == 2 && parts[0].equals(host())) {
            try {
                return ProcessHandle.of(Long.parseLong(parts[1])).map(p -> !p.isAlive()).orElse(true);
            } catch (NumberFormatException e) {
                return true;
            }
        }
        try {
            FileTime beat = Files.getLastModifiedTime(file);
            return beat.toInstant().plus(staleAfter).isBefore(Instant.now());
        } catch (IOException e) {
            return true;
        }
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
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover lock of a dead process is detected as stale
        }
    }

    static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
    }
}
