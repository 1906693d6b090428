package ssgan.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The datasets declared under a data root, one {@code <root>/<name>/dataset.yaml} each. */
public final class DatasetCatalog {
    public static final String SPEC_FILE = "dataset.yaml";
    public static final String ENV_DATA_ROOT = "SSGAN_DATA";

    private final Path dataRoot;

    public DatasetCatalog(Path dataRoot) {
        this.dataRoot = dataRoot;
    }

    /** {@code SSGAN_DATA}, else {@code ./data}. */
    public static Path defaultDataRoot() {
        String env = System.getenv(ENV_DATA_ROOT);
        return env == null || env.isBlank() ? Path.of("data") : Path.of(env);
    }

    public Path dataRoot() {
        return dataRoot;
    }

    /**
     * The dataset called {@code name}, or empty when it has no dataset.yaml.
     *
     * @throws DataException when the dataset.yaml exists but is invalid (the message names file and field)
     */
    public Optional<DatasetSpec> find(String name) {
        if (name == null || name.isEmpty() || !name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new DataException("invalid dataset name '" + name + "': expected a directory name under the data "
                    + "root of letters, digits, '.', '_' and '-', not starting with '.'");
        }
        Path file = dataRoot.resolve(name).resolve(SPEC_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(SpecParser.parse(file, name));
    }

    /** Like {@link #find} but a missing dataset is an error listing the known ones. */
    public DatasetSpec get(String name) {
        return find(name).orElseThrow(() -> new DataException("unknown dataset '" + name + "': no "
                + dataRoot.resolve(name).resolve(SPEC_FILE) + ". Known datasets under " + dataRoot + ": "
                + names() + " (set " + ENV_DATA_ROOT + " to use another data directory)"));
    }

    /** Names of the subdirectories of the data root that hold a dataset.yaml, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(dataRoot)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(dataRoot)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(SPEC_FILE)))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataRoot, e);
        }
    }
}
