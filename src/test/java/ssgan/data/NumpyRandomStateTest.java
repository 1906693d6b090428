package ssgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import ssgan.train.TestData;

/** Against values NumPy 2.4.6 printed (np.random.RandomState), not against a second implementation. */
class NumpyRandomStateTest {
    @Test
    void firstOutputsAreMt19937sPublishedOnes() {
        // Matsumoto and Nishimura's reference generator seeded with 5489; RandomState(5489) gives the same.
        NumpyRandomState r = new NumpyRandomState(5489);
        assertEquals(3499211612L, r.nextUnsignedInt());
        assertEquals(581869302L, r.nextUnsignedInt());
        assertEquals(3890346734L, r.nextUnsignedInt());
    }

    @Test
    void permutationsEqualNumpys() {
        assertArrayEquals(new int[] {2, 9, 6, 4, 0, 3, 1, 7, 8, 5}, new NumpyRandomState(1).permutation(10));
        assertArrayEquals(new int[] {2, 8, 4, 9, 1, 6, 7, 3, 0, 5}, new NumpyRandomState(0).permutation(10));
        assertArrayEquals(new int[] {4, 1, 0, 2, 3}, new NumpyRandomState(0xffffffffL).permutation(5));
        int[] p = new NumpyRandomState(123).permutation(1000);
        assertArrayEquals(new int[] {131, 203, 365, 510}, new int[] {p[0], p[1], p[998], p[999]});
        // The authors' MNIST draw: RandomState(seed_data).permutation(60000), past many twists of the state.
        int[] mnist = new NumpyRandomState(1).permutation(60000);
        assertArrayEquals(new int[] {15281, 21435, 44536, 13518, 47529, 53560, 41094, 6060},
                Arrays.copyOf(mnist, 8));
        assertArrayEquals(new int[] {32511, 5192, 12172, 33003}, Arrays.copyOfRange(mnist, 59996, 60000));
        assertArrayEquals(new int[] {0}, new NumpyRandomState(7).permutation(1));
        assertArrayEquals(new int[0], new NumpyRandomState(7).permutation(0));
    }

    @Test
    void seedsOutsideNumpysRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(-1));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(1L << 32));
    }

    @Test
    void picksTheAuthorsTwentyLabeledImagesOfSeedData1() {
        // The original script's selection for --seed_data 1 --count 2, on the training set in file order (NumPy:
        // p = RandomState(1).permutation(60000); the first two of each class in p).
        int[] labels = TestData.mnist().train().labels(); // the JVM's one load of the bundled MNIST
        LabeledSubset s = LabeledSubset.select(labels, 10, 20, new NumpyRandomState(1).permutation(labels.length));
        assertArrayEquals(new int[] {38161, 20117, 11395, 17209, 21435, 47529, 15281, 53560, 25555, 1818, 41094,
                58248, 54591, 45104, 44536, 53261, 13518, 9358, 49039, 9870}, s.indices());
        assertThrows(IllegalArgumentException.class,
                () -> LabeledSubset.select(labels, 10, 20, new NumpyRandomState(1).permutation(100)));
    }
}
