package ssgan.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir Path root;

    static final String VALID = """
            name: toy
            format: idx
            classes: 10
            shape: [1, 28, 28]
            train_size: 60000
            test_size: 10000
            pixel_offset: 0
            pixel_scale: 255
            unit: error_percent
            files:
              train_images: {name: a.gz, sha256: %s}
              train_labels: {name: b.gz, sha256: null}
              test_images: {name: c.gz}
              test_labels: {name: d.gz}
            mirrors: [https://example.invalid/mnist]
            """.formatted("ab".repeat(32));

    private Path write(String name, String yaml) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        return Files.writeString(dir.resolve("dataset.yaml"), yaml);
    }

    private String error(String yaml) throws IOException {
        Path file = write("toy", yaml);
        DataException e = assertThrows(DataException.class, () -> new DatasetCatalog(root).find("toy"));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void parsesAValidSpec() throws IOException {
        write("toy", VALID);
        DatasetSpec s = new DatasetCatalog(root).find("toy").orElseThrow();
        assertEquals("idx", s.format());
        assertEquals(List.of(1, 28, 28), s.shape());
        assertEquals(784, s.imageSize());
        assertEquals(60000, s.trainSize());
        assertEquals("ab".repeat(32), s.files().get("train_images").sha256());
        assertNull(s.files().get("train_labels").sha256());
        assertEquals(List.of("https://example.invalid/mnist/"), s.mirrors());
        assertEquals(root.resolve("toy"), s.directory());
        assertEquals(Optional.empty(), new DatasetCatalog(root).find("absent"));
        assertEquals(List.of("toy"), new DatasetCatalog(root).names());
        assertEquals(new DatasetSpec.Reporting(ErrorUnit.ERROR_PERCENT, OptionalDouble.empty(), Optional.empty()),
                s.reporting(), "only the unit is required");
    }

    @Test
    void parsesTheReportingFields() throws IOException {
        write("toy", VALID.replace("unit: error_percent", """
                unit: errors_out_of_10000
                sample_diversity: 7.5
                unavailable: "licensed data; not on this machine\""""));
        DatasetSpec.Reporting r = new DatasetCatalog(root).get("toy").reporting();
        assertEquals(ErrorUnit.ERRORS_OUT_OF_10000, r.unit());
        assertEquals(OptionalDouble.of(7.5), r.sampleDiversity());
        assertEquals(Optional.of("licensed data; not on this machine"), r.unavailable());
    }

    @Test
    void errorsNameTheFileAndTheField() throws IOException {
        assertTrue(error(VALID.replace("classes: 10\n", "")).contains("missing field 'classes'"));
        assertTrue(error(VALID.replace("format: idx", "format: png")).contains("unknown format 'png'"));
        assertTrue(error(VALID.replace("name: toy", "name: other")).contains("'name'"));
        assertTrue(error(VALID.replace("  test_labels: {name: d.gz}\n", "")).contains("files.test_labels"));
        assertTrue(error(VALID.replace("pixel_scale: 255", "pixel_scale: 0")).contains("pixel_scale"));
        assertTrue(error(VALID.replace("shape: [1, 28, 28]", "shape: [1, x]")).contains("shape"));
        assertTrue(error(VALID.replace("train_size", "trainSize")).contains("unknown field 'trainSize'"));
        assertTrue(error(VALID.replace("sha256: null", "sha256: 1234")).contains("files.train_labels.sha256"));
        assertTrue(error("just text").contains("mapping"));
        assertTrue(error(VALID.replace("unit: error_percent\n", "")).contains("missing field 'unit'"));
        assertEquals("field 'unit': unknown unit 'percent' (known: errors_out_of_10000, error_percent)",
                tail(error(VALID.replace("unit: error_percent", "unit: percent"))));
        assertTrue(error(VALID + "sample_diversity: -1\n").contains("field 'sample_diversity' must be a positive"));
        assertTrue(error(VALID + "sample_diversity: lots\n").contains("field 'sample_diversity'"));
        assertTrue(error(VALID + "unavailable: ''\n").contains("field 'unavailable' must be a non-empty string"));
        assertThrows(DataException.class, () -> new DatasetCatalog(root).find("../etc"));
    }

    /** The message after "dataset spec FILE: ". */
    private static String tail(String message) {
        return message.substring(message.indexOf(".yaml: ") + 7);
    }

    @Test
    void theRepositorySpecsParse() {
        DatasetCatalog catalog = new DatasetCatalog(Path.of("data"));
        assertTrue(catalog.names().containsAll(List.of("cifar10", "mnist")), catalog.names().toString());
        DatasetSpec cifar = catalog.get("cifar10");
        assertEquals("cifar-binary", cifar.format());
        assertEquals(List.of(3, 32, 32), cifar.shape());
        assertEquals(50000, cifar.trainSize());
        assertEquals(127.5, cifar.pixelOffset());
        assertEquals(128.0, cifar.pixelScale());
        assertEquals("c32a1d4ab5d03f1284b67883e8d87530", cifar.files().get("archive").md5());
        assertNull(cifar.files().get("archive").sha256());
        assertEquals(List.of("https://www.cs.toronto.edu/~kriz/"), cifar.mirrors());
        DatasetSpec mnist = catalog.get("mnist");
        assertEquals(List.of("https://ossci-datasets.s3.amazonaws.com/mnist/",
                "https://storage.googleapis.com/cvdf-datasets/mnist/"), mnist.mirrors());
        assertEquals(ErrorUnit.ERRORS_OUT_OF_10000, mnist.reporting().unit());
        assertEquals(OptionalDouble.of(9.90), mnist.reporting().sampleDiversity());
        assertEquals(Optional.empty(), mnist.reporting().unavailable());
        assertEquals(ErrorUnit.ERROR_PERCENT, cifar.reporting().unit());
        assertEquals(OptionalDouble.empty(), cifar.reporting().sampleDiversity());
        assertTrue(cifar.reporting().unavailable().orElseThrow().contains("not obtainable"));
        DataException e = assertThrows(DataException.class, () -> catalog.get("svhn"));
        assertTrue(e.getMessage().contains("mnist"), e.getMessage());
    }
}
