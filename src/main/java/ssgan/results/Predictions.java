package ssgan.results;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A run's final class probabilities on the test set, for the raw and for the averaged D, so ensembles can be
 * formed after the fact (predictions.bin.gz). Probabilities are stored as float32, gzip-compressed (about 0.6 MB
 * per MNIST run): early in a run the zero-started average gives nearly uniform probabilities, and any rounding
 * would change their argmax.
 *
 * @param labels    the true test labels, in test-set order
 * @param raw       count x classes probabilities of the raw D, row-major
 * @param averaged  the same for the averaged D
 */
public record Predictions(int count, int classes, int[] labels, float[] raw, float[] averaged) {
    private static final byte[] MAGIC = {'S', 'S', 'G', 'A', 'N', 'P', 'R', '1'};

    public Predictions {
        if (labels.length != count || raw.length != count * classes || averaged.length != count * classes) {
            throw new IllegalArgumentException("predictions of " + count + " x " + classes + " do not match arrays");
        }
    }

    public void write(Path file) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(bytes)))) {
                out.write(MAGIC);
                out.writeInt(count);
                out.writeInt(classes);
                for (int y : labels) {
                    out.writeShort(y);
                }
                for (float[] probabilities : new float[][] {raw, averaged}) {
                    for (float p : probabilities) {
                        out.writeFloat(p);
                    }
                }
            }
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Predictions read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(file))))) {
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
                throw new IOException("not a predictions file");
            }
            int count = in.readInt();
            int classes = in.readInt();
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = in.readUnsignedShort();
            }
            float[][] probabilities = new float[2][count * classes];
            for (float[] p : probabilities) {
                // in bulk: a float at a time through DataInputStream made reading 60 runs take most of a second
                byte[] bytes = in.readNBytes(p.length * Float.BYTES);
                if (bytes.length != p.length * Float.BYTES) {
                    throw new EOFException("truncated predictions");
                }
                ByteBuffer.wrap(bytes).asFloatBuffer().get(p); // big-endian, as DataOutputStream wrote
            }
            return new Predictions(count, classes, labels, probabilities[0], probabilities[1]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
