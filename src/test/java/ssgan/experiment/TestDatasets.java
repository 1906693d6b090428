package ssgan.experiment;

import ssgan.data.DatasetSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made dataset declarations standing in for the real catalog, and temp-file helpers. */
public final class TestDatasets {

    public static final DatasetSpec MNIST = spec("mnist", 10, List.of(1, 28, 28), 60000, 10000);
    public static final DatasetSpec CIFAR10 = spec("cifar10", 10, List.of(3, 32, 32), 50000, 10000);

    public static final DatasetLookup LOOKUP = name -> switch (name) {
        case "mnist" -> Optional.of(MNIST);
        case "cifar10" -> Optional.of(CIFAR10);
        default -> Optional.empty();
    };

    private TestDatasets() {}

    private static DatasetSpec spec(String name, int classes, List<Integer> shape, int train, int test) {
        return new DatasetSpec(name, "idx", classes, shape, train, test, 0, 255, Map.of(), List.of(),
                Path.of("data", name), DatasetSpec.Reporting.PLAIN);
    }

    public static Path write(Path dir, String fileName, String content) {
        try {
            Path file = dir.resolve(fileName);
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's experiments/ directory (surefire runs in the project root). */
    public static Path experiment(String name) {
        return Path.of("experiments", name);
    }
}
