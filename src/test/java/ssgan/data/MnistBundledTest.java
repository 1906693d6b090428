package ssgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The genuine MNIST shipped in data/mnist (tests run from the project root). */
class MnistBundledTest {
    static final Path DATA = Path.of("data");

    @TempDir Path cache;

    @Test
    void loadsWithTheRightCountsHistogramsAndRange() {
        DatasetSpec spec = new DatasetCatalog(DATA).get("mnist");
        long t0 = System.nanoTime();
        Dataset d = DatasetLoader.load(spec, DataOptions.offline(cache));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("MNIST 60k+10k loaded and verified in %.2f s%n", seconds);
        // Not a speed test (about 1 s on a quiet core; the printed line is the measurement): a bound that only a
        // broken loader, not a busy machine, crosses
        assertTrue(seconds < 120, "loading MNIST took " + seconds + " s");

        assertEquals(60000, d.train().count());
        assertEquals(10000, d.test().count());
        assertEquals(784, d.train().imageSize());
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                d.train().classCounts(10));
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                d.test().classCounts(10));
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : d.train().pixels()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        // The first training image is a 5 (the well-known first MNIST digit).
        assertEquals(5, d.train().labels()[0]);
        assertEquals(4, d.checksums().size());
    }

    @Test
    void specChecksumsMatchSha256Sums() throws IOException {
        DatasetSpec spec = new DatasetCatalog(DATA).get("mnist");
        Map<String, String> sums = Files.readAllLines(DATA.resolve("mnist/SHA256SUMS")).stream()
                .map(l -> l.split("\\s+")).collect(Collectors.toMap(p -> p[1], p -> p[0]));
        assertEquals(4, sums.size());
        for (DatasetSpec.FileSpec f : spec.files().values()) {
            assertEquals(sums.get(f.name().replace(".gz", "")), f.sha256(), f.name());
        }
        assertEquals(List.of(1, 28, 28), spec.shape());
        assertEquals(255.0, spec.pixelScale());
    }

    @Test
    void alteredByteInARealFileIsRejected() throws IOException {
        // Copy the (small) label file next to a spec pointing at the copy, flip one label.
        DatasetSpec real = new DatasetCatalog(DATA).get("mnist");
        Path dir = cache.resolve("copy");
        Files.createDirectories(dir);
        for (DatasetSpec.FileSpec f : real.files().values()) {
            Files.copy(DATA.resolve("mnist").resolve(f.name()), dir.resolve(f.name()));
        }
        DatasetSpec spec = new DatasetSpec(real.name(), real.format(), real.classes(), real.shape(),
                real.trainSize(), real.testSize(), real.pixelOffset(), real.pixelScale(), real.files(),
                real.mirrors(), dir, real.reporting());
        Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] raw = FileContent.read(labels, "");
        raw[100] = (byte) ((raw[100] + 1) % 10);
        Files.write(labels, TestFiles.gzip(raw));
        DataException e = assertThrows(DataException.class, () -> DatasetLoader.load(spec, DataOptions.offline(null)));
        assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));
    }
}
