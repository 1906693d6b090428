package ssgan.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import ssgan.metrics.EpochMetrics;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layout of one run: {@code results/<experiment>/<run-id>/} with config.yaml, provenance.json,
 * metrics.jsonl (one line per epoch), status.json, summary.json, samples.png, predictions.bin.gz (final test-set
 * probabilities, for ensembles), after a restart from epoch 0 metrics-lost-N.jsonl (the abandoned training) and,
 * after a failed sitting, failure.txt (its stack trace), and subset.json (how hard its labeled subset is,
 * {@link SubsetDifficulty}: written when the run first starts, or by {@code ssgan subsets}) and, once finished,
 * checksums.json ({@link RecordChecksums}). Every file is written atomically.
 *
 * <p>The checkpoint directory (not for git) holds checkpoint.bin and a copy of metrics.jsonl, provenance.json and
 * status.json as they were when the checkpoint was written. It is {@code checkpoint/} in the run directory by default, or
 * {@code <checkpoints root>/<experiment>/<run-id>/} outside it: there it can outlive a work tree, and the copy
 * lets a fresh work tree recover the run's record up to the checkpoint.
 */
public final class RunDirectory {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final String CHECKPOINT = "checkpoint.bin";

    private final Path dir;
    private final Path checkpointDir;

    /** A run that keeps its checkpoint inside the run directory. */
    public RunDirectory(Path dir) {
        this(dir, dir.resolve("checkpoint"));
    }

    public RunDirectory(Path dir, Path checkpointDir) {
        this.dir = dir;
        this.checkpointDir = checkpointDir;
    }

    public Path path() { return dir; }
    public String runId() { return dir.getFileName().toString(); }
    public Path configFile() { return dir.resolve("config.yaml"); }
    public Path provenanceFile() { return dir.resolve("provenance.json"); }
    public Path metricsFile() { return dir.resolve("metrics.jsonl"); }
    public Path statusFile() { return dir.resolve("status.json"); }
    public Path summaryFile() { return dir.resolve("summary.json"); }
    public Path samplesFile() { return dir.resolve("samples.png"); }
    public Path predictionsFile() { return dir.resolve("predictions.bin.gz"); }
    public Path failureFile() { return dir.resolve("failure.txt"); }
    public Path subsetFile() { return dir.resolve("subset.json"); }
    public Path checksumsFile() { return dir.resolve("checksums.json"); }
    public Path checkpointDir() { return checkpointDir; }
    /** Where checkpoints are written. */
    public Path checkpointFile() { return checkpointDir.resolve(CHECKPOINT); }
    public Path metricsCopyFile() { return checkpointDir.resolve(metricsFile().getFileName()); }
    public Path provenanceCopyFile() { return checkpointDir.resolve(provenanceFile().getFileName()); }
    public Path statusCopyFile() { return checkpointDir.resolve(statusFile().getFileName()); }
    public Path lockFile() { return dir.resolve("run.lock"); }

    public void writeConfig(Map<String, Object> config) {
        try {
            AtomicFiles.write(configFile(), YAML.writeValueAsBytes(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> readConfig() {
        try {
            return YAML.readValue(configFile().toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configFile(), e);
        }
    }

    public Optional<RunStatus> readStatus() {
        return Files.exists(statusFile()) ? Optional.of(AtomicFiles.readJson(statusFile(), RunStatus.class))
                : Optional.empty();
    }

    public void writeStatus(RunStatus status) { AtomicFiles.writeJson(statusFile(), status); }

    /** The whole stack trace of what failed a sitting: status.json has room for one line only. */
    public void writeFailure(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        AtomicFiles.writeString(failureFile(), trace.toString());
    }

    /** A new sitting's start: the last sitting's failure is history, and no status names it any more. */
    public void deleteFailure() {
        try {
            Files.deleteIfExists(failureFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + failureFile(), e);
        }
    }

    public Optional<Provenance> readProvenance() {
        return Files.exists(provenanceFile())
                ? Optional.of(AtomicFiles.readJson(provenanceFile(), Provenance.class)) : Optional.empty();
    }

    public void writeProvenance(Provenance p) { AtomicFiles.writeJson(provenanceFile(), p); }

    /** How hard the run's labeled subset is, if computed (at the run's start, or by {@code ssgan subsets}). */
    public Optional<SubsetDifficulty> readSubset() {
        return Files.exists(subsetFile())
                ? Optional.of(AtomicFiles.readJson(subsetFile(), SubsetDifficulty.class)) : Optional.empty();
    }

    public void writeSubset(SubsetDifficulty s) { AtomicFiles.writeJson(subsetFile(), s); }

    public Optional<Summary> readSummary() {
        return Files.exists(summaryFile()) ? Optional.of(AtomicFiles.readJson(summaryFile(), Summary.class))
                : Optional.empty();
    }

    public void writeSummary(Summary s) { AtomicFiles.writeJson(summaryFile(), s); }

    /** The sums a finished run's files had when it finished ({@link RecordChecksums}), if recorded. */
    public Optional<RecordChecksums> readChecksums() {
        return Files.exists(checksumsFile())
                ? Optional.of(AtomicFiles.readJson(checksumsFile(), RecordChecksums.class)) : Optional.empty();
    }

    /** Seals the run's record as it is now: metrics.jsonl and predictions.bin.gz. */
    public RecordChecksums writeChecksums(String recordedBy) {
        RecordChecksums sums = RecordChecksums.of(this, recordedBy);
        AtomicFiles.writeJson(checksumsFile(), sums);
        return sums;
    }

    public List<EpochMetrics> readMetrics() {
        return readMetrics(metricsFile());
    }

    /** The metrics as they were when the checkpoint was written (empty without a checkpoint directory). */
    public List<EpochMetrics> readMetricsCopy() {
        return readMetrics(metricsCopyFile());
    }

    /** The record a next sitting continues: the metrics, or their copy when it holds more (a fresh work tree). */
    public List<EpochMetrics> readMetricsOrCopy() {
        List<EpochMetrics> rows = readMetrics();
        List<EpochMetrics> copy = readMetricsCopy();
        return copy.size() > rows.size() ? copy : rows;
    }

    public Optional<RunStatus> readStatusCopy() {
        return Files.exists(statusCopyFile()) ? Optional.of(AtomicFiles.readJson(statusCopyFile(), RunStatus.class))
                : Optional.empty();
    }

    public Optional<Provenance> readProvenanceCopy() {
        return Files.exists(provenanceCopyFile())
                ? Optional.of(AtomicFiles.readJson(provenanceCopyFile(), Provenance.class)) : Optional.empty();
    }

    /** A file of metrics in the run directory by its name, e.g. a restart's metrics-lost-N.jsonl (empty when missing). */
    public List<EpochMetrics> readMetrics(String fileName) {
        return readMetrics(dir.resolve(fileName));
    }

    private static List<EpochMetrics> readMetrics(Path file) {
        List<EpochMetrics> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    rows.add(AtomicFiles.JSON.readValue(line, EpochMetrics.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }

    /**
     * Moves metrics.jsonl aside to {@code metrics-lost-<n>.jsonl} (a training that is abandoned, kept as evidence)
     * and returns the new file's name.
     */
    public String setMetricsAside(int n) {
        Path aside = dir.resolve("metrics-lost-" + n + ".jsonl");
        try {
            Files.move(metricsFile(), aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + metricsFile() + " to " + aside, e);
        }
        return aside.getFileName().toString();
    }

    /** Rewrites the whole file (a few hundred short lines at most), so a reader never sees half a line. */
    public void writeMetrics(List<EpochMetrics> rows) {
        StringBuilder sb = new StringBuilder();
        try {
            for (EpochMetrics m : rows) {
                sb.append(AtomicFiles.JSON.copy().disable(SerializationFeature
                        .INDENT_OUTPUT).writeValueAsString(m)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(metricsFile(), sb.toString());
    }

    public void writeSamples(BufferedImage grid) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(grid, "png", out);
            AtomicFiles.write(samplesFile(), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The checkpoint to resume from: the one at {@link #checkpointFile()}, else one left in the run directory's
     * {@code checkpoint/} by a sitting that ran without a checkpoints root.
     */
    public Optional<Path> findCheckpoint() {
        return java.util.stream.Stream.of(checkpointFile(), dir.resolve("checkpoint").resolve(CHECKPOINT))
                .filter(Files::isRegularFile).findFirst();
    }

    /** The bytes of the checkpoint {@link #findCheckpoint()} finds (opaque to this package). */
    public Optional<byte[]> readCheckpoint() {
        Optional<Path> file = findCheckpoint();
        try {
            return file.isPresent() ? Optional.of(Files.readAllBytes(file.get())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.get(), e);
        }
    }

    /**
     * The record first, then the checkpoint: killed in between, the copy is one epoch ahead of the checkpoint,
     * which a resume handles (it drops that epoch and trains it again), never one behind.
     */
    public void writeCheckpoint(byte[] checkpoint) {
        copy(metricsFile(), metricsCopyFile());
        copy(provenanceFile(), provenanceCopyFile());
        copy(statusFile(), statusCopyFile());
        AtomicFiles.write(checkpointFile(), checkpoint);
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.exists(from)) {
                AtomicFiles.write(to, Files.readAllBytes(from));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + from, e);
        }
    }

    /** The state a plan shows: from status.json, pending when the run never started. */
    public RunState state() {
        return readStatus().map(RunStatus::state).orElse(RunState.PENDING);
    }
}
