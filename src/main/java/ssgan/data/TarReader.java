package ssgan.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** Reads the wanted files of an (uncompressed) tar stream with Commons Compress: ustar, GNU and pax. */
final class TarReader {
    private TarReader() {}

    /** Calls {@code sink} with the full path and content of every regular file whose path {@code wanted} accepts. */
    static void read(InputStream in, Predicate<String> wanted, BiConsumer<String, byte[]> sink) throws IOException {
        // Not closed here: the caller owns (and closes) the underlying stream.
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            // Plain files only, as typed in the header ('0' or old-style NUL): TarArchiveEntry.isFile() also
            // accepts links and other non-directory types.
            byte type = entry.getLinkFlag();
            boolean regular = type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM;
            if (regular && wanted.test(entry.getName())) {
                sink.accept(entry.getName(), readExactly(tar, entry.getSize()));
            }
        }
    }

    private static byte[] readExactly(InputStream in, long size) throws IOException {
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("tar entry too large: " + size);
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) { // Commons Compress throws on a cut-short entry; this is a second guard
            throw new EOFException("tar entry cut short: " + data.length + " of " + size + " bytes");
        }
        return data;
    }
}
