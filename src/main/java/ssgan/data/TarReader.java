package ssgan.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A minimal reader of (uncompressed) tar streams, ustar or GNU: 512-byte headers, octal sizes, data padded to
 * 512 bytes. Enough for the CIFAR-10 archive without a compression library.
 */
final class TarReader {
    static final int BLOCK = 512;

    private TarReader() {}

    /** Calls {@code sink} with the full path and content of every regular file whose path {@code wanted} accepts. */
    static void read(InputStream in, Predicate<String> wanted, BiConsumer<String, byte[]> sink) throws IOException {
        String longName = null;
        while (true) {
            byte[] h = in.readNBytes(BLOCK);
            if (h.length == 0 || isZero(h)) {
                return; // end-of-archive marker (or a stream that simply ends after the last entry)
            }
            if (h.length < BLOCK) {
                throw new EOFException("tar header cut short (" + h.length + " of 512 bytes)");
            }
            long size = octal(h, 124, 12);
            char type = (char) h[156];
            String name = longName != null ? longName : fullName(h);
            longName = null;
            if (type == 'L') { // GNU long name: the content is the next entry's name
                longName = cString(readExactly(in, size), 0, (int) size);
                skipPadding(in, size);
                continue;
            }
            boolean regular = type == '0' || type == '\0';
            if (regular && wanted.test(name)) {
                sink.accept(name, readExactly(in, size));
            } else {
                in.skipNBytes(size);
            }
            skipPadding(in, size);
        }
    }

    private static String fullName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static byte[] readExactly(InputStream in, long size) throws IOException {
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("tar entry too large: " + size);
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) {
            throw new EOFException("tar entry cut short: " + data.length + " of " + size + " bytes");
        }
        return data;
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long pad = (BLOCK - size % BLOCK) % BLOCK;
        if (pad > 0) {
            in.skipNBytes(pad);
        }
    }

    private static long octal(byte[] h, int from, int len) throws IOException {
        long v = 0;
        for (int i = from; i < from + len; i++) {
            int c = h[i];
            if (c == 0 || c == ' ') {
                if (v > 0) {
                    break;
                }
                continue; // leading spaces / NULs
            }
            if (c < '0' || c > '7') {
                throw new IOException("bad octal size field in tar header");
            }
            v = v * 8 + (c - '0');
        }
        return v;
    }

    private static String cString(byte[] b, int from, int len) {
        int end = from;
        while (end < from + len && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
