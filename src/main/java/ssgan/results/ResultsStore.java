package ssgan.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The results tree: {@code <root>/<experiment>/<run-id>/}. */
public final class ResultsStore {
    private final Path root;

    public ResultsStore(Path root) {
        this.root = root;
    }

    public Path root() { return root; }

    public RunDirectory run(String experiment, String runId) {
        return new RunDirectory(root.resolve(experiment).resolve(runId));
    }

    public List<String> experiments() {
        return children(root).map(p -> p.getFileName().toString()).toList();
    }

    /** Run directories that have a config (i.e. were started at least once). */
    public List<RunDirectory> runs(String experiment) {
        return children(root.resolve(experiment)).map(RunDirectory::new)
                .filter(r -> Files.exists(r.configFile())).toList();
    }

    private static Stream<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
