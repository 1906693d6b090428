package ssgan.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writers of tiny IDX, CIFAR-binary and tar files, and specs for them (IDX writers public: report tests use them). */
public final class TestFiles {
    private TestFiles() {}

    /** IDX content: header for {@code dims} followed by {@code data}. */
    public static byte[] idx(int[] dims, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(0x08);
        out.write(dims.length);
        for (int d : dims) {
            out.write(d >>> 24);
            out.write(d >>> 16);
            out.write(d >>> 8);
            out.write(d);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    public static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    /** Deterministic pseudo-random bytes. */
    public static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    /** Labels 0..classes-1 cycling. */
    public static byte[] labels(int n, int classes) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % classes);
        }
        return b;
    }

    /** An idx spec for 2×2 single-channel images, with the given file names and content hashes. */
    static DatasetSpec idxSpec(Path dir, int train, int test, Map<String, DatasetSpec.FileSpec> files,
                               List<String> mirrors) {
        return new DatasetSpec("tiny", "idx", 3, List.of(1, 2, 2), train, test, 0, 255, files, mirrors, dir,
                DatasetSpec.Reporting.PLAIN);
    }

    static DatasetSpec cifarSpec(Path dir, int train, int test, String md5, List<String> mirrors) {
        return new DatasetSpec("cifar10", "cifar-binary", 10, List.of(3, 32, 32), train, test, 127.5, 128,
                Map.of("archive", new DatasetSpec.FileSpec("cifar-10-binary.tar.gz", null, md5)), mirrors, dir,
                DatasetSpec.Reporting.PLAIN);
    }

    /** One CIFAR record: label, then R plane = r, G plane = g, B plane = b except pixel 0 of R which is 255. */
    static byte[] cifarRecord(int label, int r, int g, int b) {
        byte[] rec = new byte[3073];
        rec[0] = (byte) label;
        java.util.Arrays.fill(rec, 1, 1025, (byte) r);
        java.util.Arrays.fill(rec, 1025, 2049, (byte) g);
        java.util.Arrays.fill(rec, 2049, 3073, (byte) b);
        rec[1] = (byte) 255;
        return rec;
    }

    /** CIFAR batches: {@code perBatch} records in each of the 5 train batches, {@code test} in test_batch. */
    static Map<String, byte[]> cifarBatches(int perBatch, int test) {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        int i = 0;
        for (int batch = 1; batch <= 5; batch++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int k = 0; k < perBatch; k++, i++) {
                out.writeBytes(cifarRecord(i % 10, i, 100, 200));
            }
            files.put("data_batch_" + batch + ".bin", out.toByteArray());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < test; k++) {
            out.writeBytes(cifarRecord(9 - k % 10, 0, 128, 255));
        }
        files.put("test_batch.bin", out.toByteArray());
        return files;
    }

    public static void writeDir(Path dir, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }

    /** A ustar archive holding a directory entry and the files, under {@code prefix}/. */
    static byte[] tar(String prefix, Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(tarHeader(prefix + "/", 0, '5'));
        out.writeBytes(tarHeader("readme.html", 5, '0')); // an entry to skip
        out.writeBytes(java.util.Arrays.copyOf("hello".getBytes(StandardCharsets.US_ASCII), 512));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            byte[] data = e.getValue();
            out.writeBytes(tarHeader(prefix + "/" + e.getKey(), data.length, '0'));
            out.writeBytes(data);
            out.writeBytes(new byte[(512 - data.length % 512) % 512]);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static byte[] tarHeader(String name, long size, char type) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", 0L));
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return h;
    }

    private static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
    }
}
