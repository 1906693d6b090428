package ssgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CIFAR-10 binary reader on small files in the real format (2 records per train batch, 3 test records). */
class CifarReaderTest {
    static final int PER_BATCH = 2;
    static final int TRAIN = 5 * PER_BATCH;
    static final int TEST = 3;

    @TempDir Path dir;
    @TempDir Path cache;

    final Map<String, byte[]> batches = TestFiles.cifarBatches(PER_BATCH, TEST);

    private Dataset load(DatasetSpec spec, Path source) {
        return DatasetLoader.load(spec, new DataOptions(false, cache, source), k -> null);
    }

    private static void checkContent(Dataset d) {
        assertEquals(TRAIN, d.train().count());
        assertEquals(TEST, d.test().count());
        assertEquals(3072, d.train().imageSize());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, d.train().labels());
        assertArrayEquals(new int[] {9, 8, 7}, d.test().labels());
        float[] img3 = Arrays.copyOfRange(d.train().pixels(), 3 * 3072, 4 * 3072);
        assertEquals((255 - 127.5f) / 128f, img3[0], 1e-6f);     // R pixel (0,0)
        assertEquals((3 - 127.5f) / 128f, img3[1], 1e-6f);       // R plane = record index
        assertEquals((3 - 127.5f) / 128f, img3[1023], 1e-6f);
        assertEquals((100 - 127.5f) / 128f, img3[1024], 1e-6f);  // G plane
        assertEquals((200 - 127.5f) / 128f, img3[3071], 1e-6f);  // B plane
        float[] test0 = Arrays.copyOfRange(d.test().pixels(), 0, 3072);
        assertEquals(-127.5f / 128f, test0[1], 1e-6f);
        assertEquals(0.5f / 128f, test0[2000], 1e-6f);
        assertEquals(6, d.checksums().size());
        assertTrue(d.checksums().containsKey("cifar-10-batches-bin/test_batch.bin"));
        assertEquals(Checksums.sha256(Arrays.copyOf(TestFiles.cifarBatches(PER_BATCH, TEST).get("test_batch.bin"),
                TEST * 3073)), d.checksums().get("cifar-10-batches-bin/test_batch.bin"));
    }

    @Test
    void readsTheExtractedDirectoryInBothLayouts() throws IOException {
        TestFiles.writeDir(dir.resolve("a").resolve(CifarReader.BATCH_DIR), batches);
        TestFiles.writeDir(dir.resolve("b"), batches);
        DatasetSpec spec = TestFiles.cifarSpec(dir.resolve("spec"), TRAIN, TEST, null, List.of());
        checkContent(load(spec, dir.resolve("a")));
        checkContent(load(spec, dir.resolve("b")));
    }

    @Test
    void readsTheArchiveAndChecksItsMd5() throws IOException {
        byte[] archive = TestFiles.gzip(TestFiles.tar(CifarReader.BATCH_DIR, batches));
        Path tgz = dir.resolve("cifar-10-binary.tar.gz");
        Files.write(tgz, archive);
        DatasetSpec spec = TestFiles.cifarSpec(dir, TRAIN, TEST, Checksums.md5(archive), List.of());
        checkContent(load(spec, tgz));
        // Found in the spec's directory without any source option, too.
        checkContent(load(spec, null));
        // And through CIFAR10_DIR.
        checkContent(DatasetLoader.load(spec, DataOptions.offline(cache),
                k -> k.equals("CIFAR10_DIR") ? dir.toString() : null));

        DatasetSpec wrongMd5 = TestFiles.cifarSpec(dir, TRAIN, TEST, "0123456789abcdef0123456789abcdef", List.of());
        DataException e = assertThrows(DataException.class, () -> load(wrongMd5, tgz));
        assertTrue(e.getMessage().contains(tgz.toString()) && e.getMessage().contains("MD5"), e.getMessage());
        assertTrue(e.getMessage().contains(Checksums.md5(archive)), e.getMessage());
    }

    @Test
    void truncatedArchiveIsAnError() throws IOException {
        byte[] tar = TestFiles.tar(CifarReader.BATCH_DIR, batches);
        Path tgz = dir.resolve("cifar-10-binary.tar.gz");
        Files.write(tgz, TestFiles.gzip(Arrays.copyOf(tar, tar.length - 4096)));
        DatasetSpec spec = TestFiles.cifarSpec(dir, TRAIN, TEST, null, List.of());
        DataException e = assertThrows(DataException.class, () -> load(spec, tgz));
        assertTrue(e.getMessage().contains(tgz.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("lacks"), e.getMessage());
    }

    @Test
    void truncatedBatchIsAnError() throws IOException {
        Path bins = dir.resolve(CifarReader.BATCH_DIR);
        TestFiles.writeDir(bins, batches);
        byte[] b3 = batches.get("data_batch_3.bin");
        Files.write(bins.resolve("data_batch_3.bin"), Arrays.copyOf(b3, b3.length - 100));
        DatasetSpec spec = TestFiles.cifarSpec(dir, TRAIN, TEST, null, List.of());
        DataException e = assertThrows(DataException.class, () -> load(spec, dir));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("data_batch_3.bin"), e.getMessage());
    }

    @Test
    void recordCountMustMatchTheSpec() throws IOException {
        TestFiles.writeDir(dir, batches);
        DatasetSpec spec = TestFiles.cifarSpec(dir, TRAIN + 1, TEST, null, List.of());
        DataException e = assertThrows(DataException.class, () -> load(spec, dir));
        assertTrue(e.getMessage().contains("hold " + TRAIN + " records"), e.getMessage());
    }

    @Test
    void absentOfflineTellsWhereToPutTheArchive() {
        DatasetSpec spec = TestFiles.cifarSpec(dir, TRAIN, TEST, "c32a1d4ab5d03f1284b67883e8d87530",
                List.of("https://example.invalid/"));
        DataException e = assertThrows(DataException.class, () -> load(spec, null));
        String m = e.getMessage();
        assertTrue(m.contains("cifar-10-binary.tar.gz") && m.contains(dir.toString()), m);
        assertTrue(m.contains("CIFAR10_DIR") && m.contains("--allow-download"), m);

        DataException bad = assertThrows(DataException.class, () -> load(spec, dir.resolve("nowhere")));
        assertTrue(bad.getMessage().contains("does not exist"), bad.getMessage());
    }
}
