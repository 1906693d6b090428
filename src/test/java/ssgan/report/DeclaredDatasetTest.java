package ssgan.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.cli.Main;
import ssgan.data.DataOptions;
import ssgan.data.Dataset;
import ssgan.data.DatasetCatalog;
import ssgan.data.DatasetLoader;
import ssgan.data.TestFiles;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.stats.SampleDiversity;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dataset added by its dataset.yaml alone (no Java names it) is reported in the unit it declares and its runs'
 * samples are judged against the real-image diversity it declares, through the command as a user runs it. Its
 * name ("kmnist", an MNIST look-alike) is one a rule by name would get wrong on both counts: percent, no reference.
 */
class DeclaredDatasetTest {
    private static final String NAME = "kmnist";
    private static final int SIDE = 4;
    private static final int GRID = 10; // the default sample_grid

    @Test
    void aDatasetDeclaredByYamlGetsItsUnitAndItsDiversityReference(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("data");
        declare(data.resolve(NAME));
        Dataset loaded = DatasetLoader.load(new DatasetCatalog(data).get(NAME), DataOptions.offline(tmp));
        assertEquals(30, loaded.train().count(), "a loadable IDX dataset");

        Path results = tmp.resolve("results");
        RunDirectory dir = FixtureResults.run(results, "kmnist-cpu", Map.of("dataset", NAME, "labels", 15, "seed", 1,
                "epochs", 3), RunState.DONE, 3, 1234, false);
        dir.writeSamples(halfWhiteTiles());
        // half the 4x4 tiles white, half black: pairs of unlike tiles are 4 apart, so the mean is 2 x 2500 / 4950
        double diversity = SampleDiversity.of(dir.samplesFile(), GRID).orElseThrow();
        assertEquals(2.0202, diversity, 1e-4);

        Path out = tmp.resolve("report");
        assertEquals(0, Main.run("report", "--results", results.toString(), "--out", out.toString(),
                "--data", data.toString()));

        Map<String, Object> cell = rows(out.resolve("data/cells.json")).get(0);
        assertEquals("test errors out of 10,000", cell.get("unit"), "the declared unit");
        Map<String, Object> run = rows(out.resolve("data/runs.json")).get(0);
        int averaged = dir.readMetrics().get(2).testErrorsAverage();
        assertEquals(averaged, (Double) run.get("final_averaged"), 1e-9, "a count of 10,000 test images, not %");
        assertEquals(diversity / 4.0, (Double) run.get("sample_diversity"), 1e-9, "against sample_diversity 4");
        assertEquals(List.of(), run.get("health"), "a ratio of 0.505: not collapsed (MNIST's 9.90 would flag it)");
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("in the paper&#39;s unit (test errors out of 10,000)")
                || html.contains("in the paper&#x27;s unit (test errors out of 10,000)"), "the table note's unit");
    }

    /** A dataset the paper reports but no run covers says why, in the words of its dataset.yaml's unavailable line. */
    @Test
    void aDatasetWithoutRunsGivesTheReasonItsYamlDeclares(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        FixtureResults.run(results, "mnist-cpu", Map.of("dataset", "mnist", "labels", 100, "seed", 1, "epochs", 3),
                RunState.DONE, 3, 1234, false);
        Path out = tmp.resolve("report");
        assertEquals(0, Main.run("report", "--results", results.toString(), "--out", out.toString()));
        String why = new DatasetCatalog(DatasetCatalog.defaultDataRoot()).get("cifar10").reporting().unavailable()
                .orElseThrow();
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("cifar10: no run yet, so nothing is claimed (" + why + ")."), why);
    }

    /** A dataset.yaml and its four IDX files: 30 training and 12 test images of 4x4 pixels, 3 classes. */
    private static void declare(Path dir) throws IOException {
        TestFiles.writeDir(dir, Map.of(
                "train-images.gz", TestFiles.gzip(TestFiles.idx(new int[] {30, SIDE, SIDE}, TestFiles.bytes(480, 1))),
                "train-labels.gz", TestFiles.gzip(TestFiles.idx(new int[] {30}, TestFiles.labels(30, 3))),
                "test-images.gz", TestFiles.gzip(TestFiles.idx(new int[] {12, SIDE, SIDE}, TestFiles.bytes(192, 2))),
                "test-labels.gz", TestFiles.gzip(TestFiles.idx(new int[] {12}, TestFiles.labels(12, 3)))));
        Files.writeString(dir.resolve("dataset.yaml"), """
                name: kmnist
                format: idx
                classes: 3
                shape: [1, 4, 4]
                train_size: 30
                test_size: 12
                pixel_offset: 0
                pixel_scale: 255
                unit: errors_out_of_10000
                sample_diversity: 4.0
                files:
                  train_images: {name: train-images.gz}
                  train_labels: {name: train-labels.gz}
                  test_images: {name: test-images.gz}
                  test_labels: {name: test-labels.gz}
                """);
    }

    /** A samples.png as SampleGrid draws one (tiles framed by 1-pixel lines): even tiles white, odd ones black. */
    private static BufferedImage halfWhiteTiles() {
        int size = GRID * (SIDE + 1) + 1;
        BufferedImage grid = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int t = 0; t < GRID * GRID; t += 2) {
            int x0 = 1 + (t % GRID) * (SIDE + 1);
            int y0 = 1 + (t / GRID) * (SIDE + 1);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    grid.getRaster().setSample(x0 + x, y0 + y, 0, 255);
                }
            }
        }
        return grid;
    }

    private static List<Map<String, Object>> rows(Path json) throws IOException {
        return new ObjectMapper().readValue(json.toFile(), new TypeReference<>() {});
    }
}
