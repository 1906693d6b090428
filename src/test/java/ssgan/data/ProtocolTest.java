package ssgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The paper's data protocol: labeled subset, labeled tiling, shuffles, batches. */
class ProtocolTest {
    /** 1000 images of 10 classes, unbalanced (class c has 10 + 18c images), in a scrambled order. */
    static int[] labels() {
        int[] y = new int[1000];
        int i = 0;
        for (int c = 0; c < 10 && i < 1000; c++) {
            for (int k = 0; k < 10 + 18 * c && i < 1000; k++) {
                y[i++] = c;
            }
        }
        while (i < 1000) {
            y[i++] = 9;
        }
        int[] p = Shuffles.permutation(1000, new SplittableRandom(42));
        int[] out = new int[1000];
        for (int k = 0; k < 1000; k++) {
            out[k] = y[p[k]];
        }
        return out;
    }

    static boolean isPermutation(int[] p, int n) {
        return p.length == n && Arrays.equals(Arrays.stream(p).sorted().toArray(), java.util.stream.IntStream.range(0, n).toArray());
    }

    @Test
    void labeledSubsetIsClassBalancedAndFollowsThePermutation() {
        int[] y = labels();
        LabeledSubset s = LabeledSubset.select(y, 10, 100, 1);
        assertTrue(isPermutation(s.permutation(), 1000));
        assertEquals(100, s.indices().length);
        assertEquals(100, new HashSet<>(Arrays.stream(s.indices()).boxed().toList()).size());
        for (int c = 0; c < 10; c++) {
            for (int k = 0; k < 10; k++) {
                assertEquals(c, y[s.indices()[c * 10 + k]]);
            }
            // The chosen ones are exactly the first 10 of class c in permuted order.
            final int cls = c;
            int[] firstOfClass = Arrays.stream(s.permutation()).filter(i -> y[i] == cls).limit(10).toArray();
            assertArrayEquals(firstOfClass, Arrays.copyOfRange(s.indices(), c * 10, c * 10 + 10));
        }
    }

    @Test
    void labeledSubsetIsDeterministicPerSeed() {
        int[] y = labels();
        LabeledSubset a = LabeledSubset.select(y, 10, 20, 7);
        LabeledSubset b = LabeledSubset.select(y, 10, 20, 7);
        LabeledSubset c = LabeledSubset.select(y, 10, 20, 8);
        assertArrayEquals(a.indices(), b.indices());
        assertArrayEquals(a.permutation(), b.permutation());
        assertFalse(Arrays.equals(a.indices(), c.indices()));
        assertFalse(Arrays.equals(a.permutation(), c.permutation()));
    }

    @Test
    void labeledSubsetRejectsImpossibleRequests() {
        int[] y = labels();
        assertThrows(IllegalArgumentException.class, () -> LabeledSubset.select(y, 10, 25, 1));  // not balanced
        assertThrows(IllegalArgumentException.class, () -> LabeledSubset.select(y, 10, 200, 1)); // class 0 has 10
    }

    @Test
    void tilingGivesEqualCountsAndAFreshPermutationPerCopy() {
        int[] labeled = {3, 14, 15, 92, 65, 35, 89, 79, 32, 38};
        int rows = 600;
        int[] epoch = LabeledTiling.epoch(labeled, rows, new SplittableRandom(5));
        assertEquals(rows, epoch.length);
        int[] sorted = labeled.clone();
        Arrays.sort(sorted);
        Set<String> orders = new HashSet<>();
        for (int c = 0; c < rows / labeled.length; c++) {
            int[] copy = Arrays.copyOfRange(epoch, c * 10, c * 10 + 10);
            orders.add(Arrays.toString(copy));
            int[] s = copy.clone();
            Arrays.sort(s);
            assertArrayEquals(sorted, s, "copy " + c + " is a permutation of the labeled set");
        }
        assertTrue(orders.size() > 50, "copies are permuted independently: " + orders.size() + " distinct of 60");
        // Deterministic for a given RNG state, different for the next epoch.
        assertArrayEquals(epoch, LabeledTiling.epoch(labeled, rows, new SplittableRandom(5)));
        SplittableRandom rng = new SplittableRandom(5);
        LabeledTiling.epoch(labeled, rows, rng);
        assertFalse(Arrays.equals(epoch, LabeledTiling.epoch(labeled, rows, rng)));
    }

    @Test
    void tilingTruncatesTheLastCopy() {
        int[] labeled = {0, 1, 2, 3, 4, 5, 6};
        int[] epoch = LabeledTiling.epoch(labeled, 50, new SplittableRandom(1)); // ceil(50/7) = 8 copies
        assertEquals(50, epoch.length);
        int[] counts = new int[7];
        for (int i : epoch) {
            counts[i]++;
        }
        for (int c : counts) {
            assertTrue(c == 7 || c == 8, Arrays.toString(counts));
        }
        assertEquals(50, Arrays.stream(counts).sum());
    }

    @Test
    void permutationIsUniformEnough() {
        SplittableRandom rng = new SplittableRandom(3);
        int[][] position = new int[5][5];
        for (int t = 0; t < 20000; t++) {
            int[] p = Shuffles.permutation(5, rng);
            assertTrue(isPermutation(p, 5));
            for (int i = 0; i < 5; i++) {
                position[p[i]][i]++;
            }
        }
        for (int[] row : position) {
            for (int n : row) {
                assertTrue(Math.abs(n - 4000) < 300, "each value lands in each slot ~1/5 of the time: " + n);
            }
        }
    }

    @Test
    void batchGathersRowsIntoAReusedBuffer() {
        float[] pixels = new float[5 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        ImageSet set = new ImageSet(pixels, new int[] {0, 1, 2, 0, 1}, 5, 3);
        float[] buf = new float[2 * 3];
        int[] lbl = new int[2];
        int[] order = {4, 1, 3, 0};
        Rows.gather(set, order, 0, 2, buf);
        Rows.gatherLabels(set, order, 0, 2, lbl);
        assertArrayEquals(new float[] {12, 13, 14, 3, 4, 5}, buf);
        assertArrayEquals(new int[] {1, 1}, lbl);
        Rows.gather(set, order, 2, 2, buf);
        Rows.gatherLabels(set, order, 2, 2, lbl);
        assertArrayEquals(new float[] {9, 10, 11, 0, 1, 2}, buf);
        assertArrayEquals(new int[] {0, 0}, lbl);
        assertThrows(IllegalArgumentException.class, () -> Rows.gather(set, order, 3, 2, buf));
    }

    @Test
    void checksumsMatchKnownVectors() throws Exception {
        byte[] abc = "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Checksums.sha256(abc));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", Checksums.md5(abc));
        assertEquals(Checksums.sha256(abc), Checksums.sha256(new java.io.ByteArrayInputStream(abc)));
        assertEquals(Checksums.md5(abc), Checksums.md5(new java.io.ByteArrayInputStream(abc)));
    }
}
