package ssgan.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The results tree: {@code <root>/<experiment>/<run-id>/}. Checkpoints live in each run directory, or, with a
 * checkpoints root, in {@code <checkpoints>/<experiment>/<run-id>/checkpoint.bin} (outside the work tree, where
 * they survive a fresh checkout).
 */
public final class ResultsStore {
    private final Path root;
    private final Path checkpoints;

    public ResultsStore(Path root) {
        this(root, null);
    }

    /** @param checkpoints the checkpoints root, or null to keep checkpoints in the run directories */
    public ResultsStore(Path root, Path checkpoints) {
        this.root = root;
        this.checkpoints = checkpoints;
    }

    public Path root() { return root; }

    public Optional<Path> checkpointsRoot() { return Optional.ofNullable(checkpoints); }

    public RunDirectory run(String experiment, String runId) {
        Path dir = root.resolve(experiment).resolve(runId);
        return checkpoints == null ? new RunDirectory(dir)
                : new RunDirectory(dir, checkpoints.resolve(experiment).resolve(runId));
    }

    public List<String> experiments() {
        return names(root).toList();
    }

    /** Run directories that have a config (i.e. were started at least once). */
    public List<RunDirectory> runs(String experiment) {
        return names(root.resolve(experiment)).map(id -> run(experiment, id))
                .filter(r -> Files.exists(r.configFile())).toList();
    }

    /** Experiments with a run directory or (under the checkpoints root) a checkpoint directory. */
    public List<String> experimentsWithCheckpoints() {
        TreeSet<String> all = new TreeSet<>(experiments());
        checkpointsRoot().ifPresent(c -> names(c).forEach(all::add));
        return List.copyOf(all);
    }

    /**
     * Runs that were started: those with a config, and those with only a checkpoint (or the copy of the record
     * kept beside it) under the checkpoints root: a fresh work tree, before the run is resumed there.
     */
    public List<RunDirectory> startedRuns(String experiment) {
        TreeSet<String> ids = new TreeSet<>();
        runs(experiment).forEach(r -> ids.add(r.runId()));
        checkpointsRoot().ifPresent(c -> names(c.resolve(experiment))
                .filter(id -> hasCheckpointOrRecord(run(experiment, id))).forEach(ids::add));
        return ids.stream().map(id -> run(experiment, id)).toList();
    }

    private static boolean hasCheckpointOrRecord(RunDirectory run) {
        return Files.exists(run.checkpointFile()) || Files.exists(run.metricsCopyFile());
    }

    private static Stream<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
