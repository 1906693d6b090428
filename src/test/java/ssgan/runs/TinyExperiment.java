package ssgan.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real but tiny MNIST experiment file: 2,000 training images, 1,000 test images, short epochs. */
public final class TinyExperiment {
    private TinyExperiment() {}

    public static Path write(Path dir, String name, int epochs, int iterations, String seeds) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                experiment: %s
                settings:
                  dataset: mnist
                  epochs: %d
                  iterations_per_epoch: %d
                  train_images: 2000
                  test_images: 1000
                  sample_grid: 4
                sweep:
                  labels: [100]
                  seed: %s
                """.formatted(name, epochs, iterations, seeds));
        return file;
    }
}
