package ssgan.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 / MD5 of byte arrays, streams and files, as lowercase hex. */
public final class Checksums {
    private Checksums() {}

    public static String sha256(byte[] data) {
        return hex(digest("SHA-256").digest(data));
    }

    public static String md5(byte[] data) {
        return hex(digest("MD5").digest(data));
    }

    /** Digest of the remaining bytes of {@code in} (not closed). */
    public static String sha256(InputStream in) throws IOException {
        return digestStream(in, "SHA-256");
    }

    public static String md5(InputStream in) throws IOException {
        return digestStream(in, "MD5");
    }

    /** Digest of a file's bytes as stored (no decompression). */
    public static String sha256(Path file) {
        return digestFile(file, "SHA-256");
    }

    public static String md5(Path file) {
        return digestFile(file, "MD5");
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String digestFile(Path file, String algorithm) {
        try (InputStream in = Files.newInputStream(file)) {
            return digestStream(in, algorithm);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String digestStream(InputStream in, String algorithm) throws IOException {
        MessageDigest md = digest(algorithm);
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return hex(md.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every JDK", e);
        }
    }
}
