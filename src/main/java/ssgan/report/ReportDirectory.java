package ssgan.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Builds the report in a sibling staging directory and swaps it in with two renames, so a failed or interrupted
 * generation leaves the previous report (or none), never half of one. A directory is only replaced when it is
 * empty or carries the marker file a previous report left, so {@code --out .} cannot wipe a source tree.
 */
final class ReportDirectory {
    static final String MARKER = ".ssgan-report";

    private ReportDirectory() {}

    static Path stage(Path out) {
        Path target = out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
            return Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory next to " + out, e);
        }
    }

    static void publish(Path staging, Path out) {
        Path target = out.toAbsolutePath().normalize();
        try {
            Files.writeString(staging.resolve(MARKER), "written by ./ssgan report; replaced on every run\n");
            if (!Files.exists(target)) {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            if (!replaceable(target)) {
                throw new IllegalStateException(out + " exists and is not a report written by ./ssgan report "
                        + "(no " + MARKER + "); choose another --out or remove it");
            }
            Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the previous report back
                throw e;
            }
            deleteRecursively(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the report to " + out, e);
        }
    }

    static void discard(Path staging) {
        try {
            deleteRecursively(staging);
        } catch (IOException ignored) {
            // a leftover hidden staging directory is harmless
        }
    }

    private static boolean replaceable(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (Files.exists(dir.resolve(MARKER))) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(p);
                } catch (DirectoryNotEmptyException e) {
                    throw new IOException("cannot delete " + p, e);
                }
            }
        }
    }
}
