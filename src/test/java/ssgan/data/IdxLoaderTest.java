package ssgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxLoaderTest {
    static final int TRAIN = 7;
    static final int TEST = 4;

    @TempDir Path dir;
    @TempDir Path cache;

    /** Writes a tiny idx dataset (2x2 images, 3 classes) to dir, gzipped or not, and returns its spec. */
    static DatasetSpec writeTiny(Path dir, boolean gz) throws IOException {
        Map<String, byte[]> content = new LinkedHashMap<>();
        content.put("train_images", TestFiles.idx(new int[] {TRAIN, 2, 2}, TestFiles.bytes(TRAIN * 4, 1)));
        content.put("train_labels", TestFiles.idx(new int[] {TRAIN}, TestFiles.labels(TRAIN, 3)));
        content.put("test_images", TestFiles.idx(new int[] {TEST, 2, 2}, TestFiles.bytes(TEST * 4, 2)));
        content.put("test_labels", TestFiles.idx(new int[] {TEST}, TestFiles.labels(TEST, 3)));
        Map<String, DatasetSpec.FileSpec> files = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : content.entrySet()) {
            String name = e.getKey().replace('_', '-') + (gz ? ".gz" : "");
            Files.write(dir.resolve(name), gz ? TestFiles.gzip(e.getValue()) : e.getValue());
            files.put(e.getKey(), new DatasetSpec.FileSpec(name, Checksums.sha256(e.getValue()), null));
        }
        return TestFiles.idxSpec(dir, TRAIN, TEST, files, List.of());
    }

    @Test
    void roundTripGzipAndPlain() throws IOException {
        for (boolean gz : new boolean[] {true, false}) {
            Path d = Files.createDirectories(dir.resolve(gz ? "gz" : "plain"));
            DatasetSpec spec = writeTiny(d, gz);
            Dataset data = DatasetLoader.load(spec, DataOptions.offline(cache));

            byte[] raw = TestFiles.bytes(TRAIN * 4, 1);
            assertEquals(TRAIN, data.train().count());
            assertEquals(4, data.train().imageSize());
            for (int i = 0; i < raw.length; i++) {
                assertEquals((raw[i] & 0xff) / 255f, data.train().pixels()[i], 1e-7f);
            }
            assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0}, data.train().labels());
            assertEquals(TEST, data.test().count());
            assertArrayEquals(new int[] {0, 1, 2, 0}, data.test().labels());
            assertEquals(4, data.checksums().size());
            assertEquals(spec.files().get("train_images").sha256(),
                    data.checksums().get(spec.files().get("train_images").name()));

            ImageSet head = data.train().head(3);
            assertEquals(3, head.count());
            assertArrayEquals(Arrays.copyOf(data.train().pixels(), 12), head.pixels());
            assertArrayEquals(new int[] {0, 1, 2}, head.labels());
        }
    }

    @Test
    void alteredByteIsAChecksumError() throws IOException {
        DatasetSpec spec = writeTiny(dir, false);
        Path f = dir.resolve(spec.files().get("train_images").name());
        byte[] b = Files.readAllBytes(f);
        b[b.length - 1] ^= 1;
        Files.write(f, b);
        DataException e = assertThrows(DataException.class, () -> DatasetLoader.load(spec, DataOptions.offline(cache)));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(spec.files().get("train_images").sha256()), e.getMessage());
        assertTrue(e.getMessage().contains(Checksums.sha256(b)), e.getMessage());
        assertTrue(e.getMessage().contains("Re-copy"), e.getMessage());
    }

    @Test
    void truncatedFileIsReportedAsTruncated() throws IOException {
        for (boolean gz : new boolean[] {false, true}) {
            Path d = Files.createDirectories(dir.resolve(gz ? "gz" : "plain"));
            DatasetSpec spec = writeTiny(d, gz);
            Path f = d.resolve(spec.files().get("test_images").name());
            byte[] b = Files.readAllBytes(f);
            Files.write(f, Arrays.copyOf(b, b.length - 5));
            DataException e = assertThrows(DataException.class,
                    () -> DatasetLoader.load(spec, DataOptions.offline(cache)));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        }
    }

    @Test
    void trailingBytesAndBadMagicAreErrors() throws IOException {
        DatasetSpec spec = writeTiny(dir, false);
        Path f = dir.resolve(spec.files().get("train_labels").name());
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length + 1));
        DataException e = assertThrows(DataException.class, () -> DatasetLoader.load(spec, DataOptions.offline(cache)));
        assertTrue(e.getMessage().contains("longer than its header"), e.getMessage());

        b[2] = 0x0D; // float elements
        Files.write(f, b);
        e = assertThrows(DataException.class, () -> DatasetLoader.load(spec, DataOptions.offline(cache)));
        assertTrue(e.getMessage().contains("element type"), e.getMessage());
        assertThrows(DataException.class, () -> IdxReader.parse(new byte[] {1, 2, 3, 4}, "x"));
    }

    @Test
    void labelOutOfRangeAndWrongCountAreErrors() throws IOException {
        DatasetSpec spec = writeTiny(dir, false);
        byte[] labels = TestFiles.labels(TRAIN, 3);
        labels[2] = 3;
        byte[] content = TestFiles.idx(new int[] {TRAIN}, labels);
        Files.write(dir.resolve(spec.files().get("train_labels").name()), content);
        Map<String, DatasetSpec.FileSpec> files = new LinkedHashMap<>(spec.files());
        files.put("train_labels", new DatasetSpec.FileSpec(spec.files().get("train_labels").name(), null, null));
        DatasetSpec noHash = TestFiles.idxSpec(dir, TRAIN, TEST, files, List.of());
        DataException e = assertThrows(DataException.class, () -> DatasetLoader.load(noHash, DataOptions.offline(cache)));
        assertTrue(e.getMessage().contains("label 3"), e.getMessage());

        Files.write(dir.resolve(spec.files().get("train_labels").name()),
                TestFiles.idx(new int[] {TRAIN}, TestFiles.labels(TRAIN, 3)));
        DatasetSpec wrongCount = TestFiles.idxSpec(dir, TRAIN + 1, TEST, spec.files(), List.of());
        e = assertThrows(DataException.class, () -> DatasetLoader.load(wrongCount, DataOptions.offline(cache)));
        assertTrue(e.getMessage().contains("declares " + (TRAIN + 1)), e.getMessage());
    }

    @Test
    void missingFileOfflineSaysWhereAndHowToDownload() throws IOException {
        DatasetSpec spec = writeTiny(dir, true);
        Path f = dir.resolve(spec.files().get("test_labels").name());
        Files.delete(f);
        DataException e = assertThrows(DataException.class, () -> DatasetLoader.load(spec, DataOptions.offline(cache)));
        String m = e.getMessage();
        assertTrue(m.contains(f.toString()), m);
        assertTrue(m.contains(cache.resolve("tiny").resolve(f.getFileName()).toString()), m);
        assertTrue(m.contains("--allow-download") && m.contains("SSGAN_ALLOW_DOWNLOAD=1"), m);
    }

    @Test
    void cachedCopyIsUsedAfterTheBundledDirectory() throws IOException {
        DatasetSpec spec = writeTiny(dir, true);
        String name = spec.files().get("train_images").name();
        Files.createDirectories(cache.resolve("tiny"));
        Files.move(dir.resolve(name), cache.resolve("tiny").resolve(name));
        assertEquals(TRAIN, DatasetLoader.load(spec, DataOptions.offline(cache)).train().count());

        // A corrupt cached copy gets the "delete the cached file" advice.
        Path cached = cache.resolve("tiny").resolve(name);
        byte[] raw = TestFiles.idx(new int[] {TRAIN, 2, 2}, TestFiles.bytes(TRAIN * 4, 99));
        Files.write(cached, TestFiles.gzip(raw));
        DataException e = assertThrows(DataException.class, () -> DatasetLoader.load(spec, DataOptions.offline(cache)));
        assertTrue(e.getMessage().contains("Delete " + cached), e.getMessage());
    }
}
