package ssgan.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IDX format of MNIST (gzip or plain): magic 0x00 0x00 0x08 (unsigned bytes) n_dims, then n_dims big-endian
 * int32 sizes, then the data. Loads a format-{@code idx} dataset, verifying structure, then checksum.
 */
public final class IdxReader {
    /** Unsigned-byte element type, the only one MNIST uses. */
    static final int UBYTE = 0x08;

    private IdxReader() {}

    /**
     * A parsed IDX file.
     *
     * @param dims    the sizes, outermost (item count) first
     * @param data    the whole file content
     * @param offset  where the elements start in data
     */
    public record Idx(int[] dims, byte[] data, int offset) {
        public long elements() {
            return Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b);
        }
    }

    /** Parses uncompressed IDX content; {@code source} names the file in errors. */
    public static Idx parse(byte[] b, String source) {
        if (b.length < 4 || b[0] != 0 || b[1] != 0) {
            throw new DataException("not an IDX file: " + source + " (expected magic bytes 00 00 08 nn, found "
                    + hexHead(b) + ")");
        }
        if ((b[2] & 0xff) != UBYTE) {
            throw new DataException("unsupported IDX element type 0x" + Integer.toHexString(b[2] & 0xff) + " in "
                    + source + " (expected 0x08, unsigned byte)");
        }
        int nDims = b[3] & 0xff;
        int header = 4 + 4 * nDims;
        if (nDims == 0 || b.length < header) {
            throw new DataException("truncated IDX header in " + source + ": " + nDims + " dimensions need "
                    + header + " header bytes, found " + b.length + " bytes in all");
        }
        int[] dims = new int[nDims];
        long elements = 1;
        for (int i = 0; i < nDims; i++) {
            int p = 4 + 4 * i;
            dims[i] = (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
            if (dims[i] <= 0) {
                throw new DataException("bad IDX dimension " + dims[i] + " in " + source);
            }
            elements *= dims[i];
        }
        long expected = header + elements;
        if (b.length < expected) {
            throw new DataException("truncated IDX file " + source + ": header declares " + dimsText(dims) + " = "
                    + elements + " bytes of data, i.e. " + expected + " bytes in all, found " + b.length);
        }
        if (b.length > expected) {
            throw new DataException("IDX file " + source + " is longer than its header declares: expected "
                    + expected + " bytes (" + dimsText(dims) + "), found " + b.length);
        }
        return new Idx(dims, b, header);
    }

    /** Loads a format-idx dataset. */
    static Dataset load(DatasetSpec spec, DataOptions options) {
        Map<String, String> checksums = new LinkedHashMap<>();
        ImageSet train = loadSplit(spec, options, "train", spec.trainSize(), checksums);
        ImageSet test = loadSplit(spec, options, "test", spec.testSize(), checksums);
        return new Dataset(spec, train, test, Map.copyOf(checksums));
    }

    private static ImageSet loadSplit(DatasetSpec spec, DataOptions options, String split, int count,
                                      Map<String, String> checksums) {
        Located img = read(spec, options, split + "_images", checksums);
        Located lbl = read(spec, options, split + "_labels", checksums);
        Idx images = img.idx();
        Idx labels = lbl.idx();
        String imgSource = img.path().toString();
        String lblSource = lbl.path().toString();

        int imageSize = spec.imageSize();
        long perImage = images.elements() / images.dims()[0];
        if (images.dims()[0] != count || perImage != imageSize) {
            throw new DataException("IDX file " + imgSource + " holds " + dimsText(images.dims()) + " but "
                    + spec.name() + " declares " + count + " " + split + " images of shape " + spec.shape());
        }
        if (labels.dims().length != 1 || labels.dims()[0] != count) {
            throw new DataException("IDX file " + lblSource + " holds " + dimsText(labels.dims()) + " but "
                    + spec.name() + " declares " + count + " " + split + " labels");
        }
        return new ImageSet(scale(images.data(), images.offset(), count * imageSize, spec),
                toLabels(labels.data(), labels.offset(), count, spec.classes(), lblSource), count, imageSize);
    }

    private record Located(Idx idx, Path path) {}

    private static Located read(DatasetSpec spec, DataOptions options, String role, Map<String, String> checksums) {
        DatasetSpec.FileSpec file = spec.files().get(role);
        Path path = FileFetcher.locate(spec, file, options,
                tmp -> FileContent.verify(file, tmp, "The mirror served a bad file."));
        String remedy = FileFetcher.remedy(spec, path);
        byte[] content = FileContent.read(path, remedy);
        Idx idx;
        try {
            idx = parse(content, path.toString());
        } catch (DataException e) {
            throw new DataException(e.getMessage() + ". " + remedy, e);
        }
        // Structure first (a truncated file says "truncated", not just "checksum mismatch"), then content.
        String sha = Checksums.sha256(content);
        FileFetcher.checkDigest("SHA-256 (uncompressed content)", file.sha256(), sha, path, remedy);
        checksums.put(file.name(), sha);
        return new Located(idx, path);
    }

    /** (byte − offset) / scale via a 256-entry table: one array read per pixel. */
    static float[] scale(byte[] data, int from, int n, DatasetSpec spec) {
        float[] table = scaleTable(spec);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = table[data[from + i] & 0xff];
        }
        return out;
    }

    static float[] scaleTable(DatasetSpec spec) {
        float[] table = new float[256];
        for (int v = 0; v < 256; v++) {
            table[v] = (float) ((v - spec.pixelOffset()) / spec.pixelScale());
        }
        return table;
    }

    static int[] toLabels(byte[] data, int from, int n, int classes, String source) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = data[from + i] & 0xff;
            if (labels[i] >= classes) {
                throw new DataException("label " + labels[i] + " of item " + i + " in " + source
                        + " is not below the declared number of classes " + classes);
            }
        }
        return labels;
    }

    private static String dimsText(int[] dims) {
        return Arrays.stream(dims).mapToObj(Integer::toString).reduce((a, c) -> a + " x " + c).orElse("");
    }

    private static String hexHead(byte[] b) {
        return Checksums.hex(Arrays.copyOf(b, Math.min(4, b.length)));
    }
}
