package ssgan.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Records replaced by a rerun ({@code ssgan sweep --rerun}): the old record moves, whole and untouched, to
 * {@code <run-dir>/superseded-<n>/}, so the report can show it beside the run that replaced it, and the run
 * trains again from epoch 0 with today's code. Its checkpoint (and the record copy beside it) is deleted: left
 * there, the rerun would resume from it.
 */
public final class SupersededRecords {
    private static final Pattern NAME = Pattern.compile("superseded-(\\d+)");
    private static final String MOVING = ".moving";

    private SupersededRecords() {}

    /** The superseded records of a run, oldest first (each readable as a run directory of its own). */
    public static List<RunDirectory> of(RunDirectory run) {
        return names(run.path()).filter(n -> NAME.matcher(n).matches())
                .sorted(Comparator.comparingInt(SupersededRecords::number))
                .map(n -> new RunDirectory(run.path().resolve(n)))
                .toList();
    }

    /**
     * Moves the run's record to the next {@code superseded-<n>/} and deletes its checkpoint; returns the new
     * directory. The files go to {@code superseded-<n>.moving/} first and the directory is renamed when all are
     * there, so an interrupted move is never mistaken for a record; the next call finishes it.
     */
    public static Path supersede(RunDirectory run) {
        Path dir = run.path();
        Path moving = names(dir).filter(n -> n.endsWith(MOVING)).findFirst().map(dir::resolve)
                .orElse(dir.resolve("superseded-" + next(dir) + MOVING));
        try {
            Files.createDirectories(moving);
            for (String name : names(dir).filter(n -> isRecordFile(run, n)).toList()) {
                Files.move(dir.resolve(name), moving.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
            deleteCheckpoint(run);
            Path done = dir.resolve(moving.getFileName().toString().replace(MOVING, ""));
            Files.move(moving, done, StandardCopyOption.ATOMIC_MOVE);
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the record of " + dir + " aside", e);
        }
    }

    /** What stays in the run directory: the lock, the in-tree checkpoint directory and earlier superseded records. */
    private static boolean isRecordFile(RunDirectory run, String name) {
        return !name.equals(run.lockFile().getFileName().toString())
                && !name.equals(inTree(run).checkpointDir().getFileName().toString())
                && !NAME.matcher(name).matches() && !name.endsWith(MOVING);
    }

    /** The checkpoint and its record copies, wherever they live: under a checkpoints root and in the run directory. */
    private static void deleteCheckpoint(RunDirectory run) throws IOException {
        for (RunDirectory where : List.of(run, inTree(run))) {
            for (Path p : List.of(where.checkpointFile(), where.metricsCopyFile(), where.provenanceCopyFile(),
                    where.statusCopyFile())) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The same run with its checkpoint in the run directory (the default layout). */
    private static RunDirectory inTree(RunDirectory run) {
        return new RunDirectory(run.path());
    }

    private static int next(Path dir) {
        return names(dir).filter(n -> NAME.matcher(n).matches()).mapToInt(SupersededRecords::number).max()
                .orElse(0) + 1;
    }

    private static int number(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static Stream<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
