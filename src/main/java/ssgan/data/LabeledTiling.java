package ssgan.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One epoch of the labeled stream (spec §2.1, §3.1, §4.10): ceil(rows / L) copies of the L labeled indices, each
 * copy with its own random permutation, concatenated and cut to {@code rows}. Unlike sampling with replacement or a
 * drop-last loader, every labeled image appears equally often when L divides rows (and at most once more otherwise).
 * {@link #shuffledAsOne} is the PyTorch port's order, for its ablation.
 */
public final class LabeledTiling {
    private LabeledTiling() {}

    /**
     * @param labeledIdx  the labeled training indices (L of them)
     * @param rowsNeeded  rows in the epoch, i.e. iterations × batch size
     * @param rng         the model-seed RNG that drives all per-epoch shuffles
     * @return rowsNeeded training indices, read in batches of consecutive rows
     */
    public static int[] epoch(int[] labeledIdx, int rowsNeeded, SplittableRandom rng) {
        int l = labeledIdx.length;
        int copies = copies(l, rowsNeeded);
        int[] out = new int[rowsNeeded];
        int[] copy = new int[l];
        for (int c = 0; c < copies; c++) {
            System.arraycopy(labeledIdx, 0, copy, 0, l);
            Shuffles.shuffle(copy, rng);
            int from = c * l;
            System.arraycopy(copy, 0, out, from, Math.min(l, rowsNeeded - from));
        }
        return out;
    }

    /**
     * The PyTorch port's labeled stream: the same ceil(rows / L) copies, shuffled as one array (its DataLoader with
     * shuffle=True over the tiled set) and cut to {@code rows}. A batch may then hold an image twice and a class
     * not at all.
     */
    public static int[] shuffledAsOne(int[] labeledIdx, int rowsNeeded, SplittableRandom rng) {
        int l = labeledIdx.length;
        int[] tiled = new int[copies(l, rowsNeeded) * l];
        for (int from = 0; from < tiled.length; from += l) {
            System.arraycopy(labeledIdx, 0, tiled, from, l);
        }
        Shuffles.shuffle(tiled, rng);
        return Arrays.copyOf(tiled, rowsNeeded);
    }

    private static int copies(int l, int rowsNeeded) {
        if (l == 0 || rowsNeeded < 0) {
            throw new IllegalArgumentException("labeled set of " + l + ", rows " + rowsNeeded);
        }
        return (rowsNeeded + l - 1) / l;
    }
}
