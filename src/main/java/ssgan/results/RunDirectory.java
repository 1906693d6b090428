package ssgan.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import ssgan.metrics.EpochMetrics;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layout of one run: {@code results/<experiment>/<run-id>/} with config.yaml, provenance.json,
 * metrics.jsonl (one line per epoch), status.json, summary.json, samples.png, predictions.bin.gz (final test-set
 * probabilities, for ensembles) and checkpoint/ (not for git).
 * Every file is written atomically.
 */
public final class RunDirectory {
    private static final ObjectMapper YAML = new YAMLMapper();

    private final Path dir;

    public RunDirectory(Path dir) {
        this.dir = dir;
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
    public Path checkpointFile() { return dir.resolve("checkpoint").resolve("checkpoint.bin"); }
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

    public Optional<Provenance> readProvenance() {
        return Files.exists(provenanceFile())
                ? Optional.of(AtomicFiles.readJson(provenanceFile(), Provenance.class)) : Optional.empty();
    }

    public void writeProvenance(Provenance p) { AtomicFiles.writeJson(provenanceFile(), p); }

    public Optional<Summary> readSummary() {
        return Files.exists(summaryFile()) ? Optional.of(AtomicFiles.readJson(summaryFile(), Summary.class))
                : Optional.empty();
    }

    public void writeSummary(Summary s) { AtomicFiles.writeJson(summaryFile(), s); }

    public List<EpochMetrics> readMetrics() {
        List<EpochMetrics> rows = new ArrayList<>();
        if (!Files.exists(metricsFile())) {
            return rows;
        }
        try {
            for (String line : Files.readAllLines(metricsFile())) {
                if (!line.isBlank()) {
                    rows.add(AtomicFiles.JSON.readValue(line, EpochMetrics.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metricsFile(), e);
        }
        return rows;
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

    /** The last checkpoint's bytes (opaque to this package), if one was written. */
    public Optional<byte[]> readCheckpoint() {
        try {
            return Files.exists(checkpointFile()) ? Optional.of(Files.readAllBytes(checkpointFile()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + checkpointFile(), e);
        }
    }

    public void writeCheckpoint(byte[] checkpoint) {
        AtomicFiles.write(checkpointFile(), checkpoint);
    }

    /** The state a plan shows: from status.json, pending when the run never started. */
    public RunState state() {
        return readStatus().map(RunStatus::state).orElse(RunState.PENDING);
    }
}
