package ssgan.data;

/**
 * Copies selected rows of an ImageSet into caller-owned buffers, so a training loop allocates nothing per batch.
 */
public final class Rows {
    private Rows() {}

    /**
     * Copies the images {@code order[from .. from+size)} into {@code out} (size × imageSize floats, reused).
     */
    public static void gather(ImageSet set, int[] order, int from, int size, float[] out) {
        gather(set.pixels(), set.imageSize(), order, from, size, out);
    }

    /** Copies rows {@code rows[from .. from+size)} of a row-major matrix with {@code rowSize} columns into out. */
    public static void gather(float[] data, int rowSize, int[] rows, int from, int size, float[] out) {
        if (out.length < (long) size * rowSize || from < 0 || from + size > rows.length) {
            throw new IllegalArgumentException("batch of " + size + " rows from " + from + " of " + rows.length
                    + " into a buffer of " + out.length + " floats (row size " + rowSize + ")");
        }
        for (int i = 0; i < size; i++) {
            System.arraycopy(data, rows[from + i] * rowSize, out, i * rowSize, rowSize);
        }
    }

    /** Copies the labels of {@code order[from .. from+size)} into {@code out} (reused). */
    public static void gatherLabels(ImageSet set, int[] order, int from, int size, int[] out) {
        if (out.length < size || from < 0 || from + size > order.length) {
            throw new IllegalArgumentException("label batch of " + size + " from " + from + " of " + order.length
                    + " into a buffer of " + out.length);
        }
        int[] labels = set.labels();
        for (int i = 0; i < size; i++) {
            out[i] = labels[order[from + i]];
        }
    }
}
