package ssgan.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ssgan.model.InPlace;
import ssgan.model.Param;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of a checkpoint, everything an exact resume needs (the RNG state is implied by (seed, epoch) thanks to
 * {@link Seeds}). Runs in progress resume from checkpoints that an older build wrote, so the layout is frozen: a
 * change needs a new magic and a reader for the old one.
 *
 * <pre>
 * "SSGANCK1"                 8 bytes
 * epochs done                int  (big-endian, as DataOutputStream writes)
 * steps of D's Adam          long
 * steps of G's Adam          long
 * updates of the average     long
 * arrays                     NDList.encode: D's then G's parameters, D's Adam state, G's Adam state, the average
 * </pre>
 */
public final class CheckpointFormat {
    private static final byte[] MAGIC = {'S', 'S', 'G', 'A', 'N', 'C', 'K', '1'};

    private CheckpointFormat() {}

    static byte[] write(SemiSupervisedGan gan, int epochsDone) {
        NDList arrays = new NDList();
        gan.allParams().forEach(p -> arrays.add(p.value()));
        arrays.addAll(gan.adamD().state());
        arrays.addAll(gan.adamG().state());
        arrays.addAll(gan.average().state());
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(epochsDone);
            out.writeLong(gan.adamD().steps());
            out.writeLong(gan.adamG().steps());
            out.writeLong(gan.average().updates());
            arrays.encode(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a checkpoint into {@code gan} (built as its run builds it) and returns the epochs it holds. */
    static int restore(byte[] checkpoint, SemiSupervisedGan gan, NDManager manager) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(checkpoint));
             NDManager scratch = manager.newSubManager()) {
            int epochsDone = epochs(in);
            long stepsD = in.readLong();
            long stepsG = in.readLong();
            long updates = in.readLong();
            NDList arrays = NDList.decode(scratch, in);
            List<Param> params = gan.allParams();
            for (int i = 0; i < params.size(); i++) {
                InPlace.copy(arrays.get(i), params.get(i).value());
            }
            int at = params.size();
            NDList adamD = gan.adamD().state();
            gan.adamD().restore(sub(arrays, at, adamD.size()), stepsD);
            at += adamD.size();
            NDList adamG = gan.adamG().state();
            gan.adamG().restore(sub(arrays, at, adamG.size()), stepsG);
            at += adamG.size();
            gan.average().restore(sub(arrays, at, arrays.size() - at), updates);
            return epochsDone;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable checkpoint", e);
        }
    }

    /**
     * Reads a checkpoint's header: the number of epochs it holds. Only the first bytes are read, so callers that
     * merely need the epoch (resume decisions, {@code ssgan status}) need not load the whole state.
     */
    public static int epochs(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (!Arrays.equals(data.readNBytes(MAGIC.length), MAGIC)) {
            throw new IOException("not an ssgan checkpoint");
        }
        return data.readInt();
    }

    private static NDList sub(NDList list, int from, int n) {
        return new NDList(list.subList(from, from + n));
    }
}
