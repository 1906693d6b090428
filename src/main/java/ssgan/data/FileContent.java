package ssgan.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Whole-file reads, transparently gunzipping (detected by the gzip magic, not the file name). */
final class FileContent {
    private FileContent() {}

    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    /** The uncompressed content of {@code path}; a damaged gzip stream is a DataException naming the file. */
    static byte[] read(Path path, String remedy) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DataException("cannot read " + path + ": " + e, e);
        }
        if (!isGzip(raw)) {
            return raw;
        }
        // One bulk inflate into a byte array: per-byte stream calls would make 47 MB of MNIST slow.
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DataException("truncated or corrupt gzip file " + path + " (" + raw.length + " bytes): "
                    + e.getMessage() + ". " + remedy, e);
        }
    }

    /**
     * Verifies a file against its spec: MD5 of the bytes as stored, SHA-256 of the uncompressed content.
     * Used for downloads before they are moved into the cache.
     */
    static void verify(DatasetSpec.FileSpec file, Path path, String remedy) {
        if (file.md5() != null) {
            FileFetcher.checkDigest("MD5 (file as stored)", file.md5(), Checksums.md5(path), path, remedy);
        }
        if (file.sha256() != null) {
            String actual;
            try (InputStream in = open(path)) {
                actual = Checksums.sha256(in);
            } catch (IOException e) {
                throw new DataException("truncated or corrupt file " + path + ": " + e.getMessage() + ". "
                        + remedy, e);
            }
            FileFetcher.checkDigest("SHA-256 (uncompressed content)", file.sha256(), actual, path, remedy);
        }
    }

    /** A stream of the uncompressed content. */
    static InputStream open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        byte[] head = in.readNBytes(2);
        in.reset();
        return isGzip(head) ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
