package ssgan.results;

import ssgan.data.Checksums;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * checksums.json: the SHA-256 of a finished run's metrics.jsonl and predictions.bin.gz, taken when it finished
 * (or, for runs finished before, by {@code ssgan checksums}), so that the report can name a run whose files changed
 * since, as DVC does for its outputs. A file of its own rather than a field of summary.json: readers of
 * summary.json (older builds included) reject fields they do not know.
 *
 * @param recorded   when the sums were taken (ISO-8601)
 * @param recordedBy "run" (at the end of training) or "ssgan checksums"
 * @param files      file name in the run directory -> lowercase hex digest
 */
public record RecordChecksums(String algorithm, String recorded, String recordedBy, Map<String, String> files) {
    public static final String ALGORITHM = "SHA-256";
    /** What a finished run's figures come from: the epochs, and the test-set probabilities behind ensembles. */
    public static final List<String> SEALED = List.of("metrics.jsonl", "predictions.bin.gz");

    /** The sums of the sealed files the run has (runs finished before predictions were kept have none). */
    public static RecordChecksums of(RunDirectory dir, String recordedBy) {
        Map<String, String> files = new TreeMap<>();
        for (String name : SEALED) {
            Path file = dir.path().resolve(name);
            if (Files.isRegularFile(file)) {
                files.put(name, Checksums.sha256(file));
            }
        }
        return new RecordChecksums(ALGORITHM, Instant.now().toString(), recordedBy, files);
    }

    /** Each sealed file that is gone or differs from its recorded sum, in words; empty when all match. */
    public List<String> changes(RunDirectory dir) {
        if (!ALGORITHM.equals(algorithm) || files == null) {
            return List.of("checksums.json names no " + ALGORITHM + " sums");
        }
        List<String> out = new ArrayList<>();
        new TreeMap<>(files).forEach((name, sum) -> {
            Path file = dir.path().resolve(name);
            if (!Files.isRegularFile(file)) {
                out.add(name + " is gone since its checksum was recorded (" + recorded + ")");
            } else if (!Checksums.sha256(file).equalsIgnoreCase(sum)) {
                out.add(name + " changed since its checksum was recorded (" + recorded + ")");
            }
        });
        return out;
    }
}
