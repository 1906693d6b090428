package ssgan.data;

/**
 * NumPy's legacy {@code RandomState(seed).permutation(n)}, the draw the authors' scripts pick their labeled subset
 * with ({@code data_rng = RandomState(seed_data)}, spec §2.1): MT19937 seeded by Matsumoto and Nishimura's
 * {@code init_genrand} (what {@code RandomState} does with an integer seed), then a Fisher–Yates shuffle from the
 * end whose index for position i is a 32-bit draw masked to the bits of i and redrawn while above i (NumPy's
 * {@code random_interval}). {@code NumpyRandomStateTest} checks it against values NumPy printed.
 */
public final class NumpyRandomState {
    private static final int N = 624;
    private static final int M = 397;
    private static final int UPPER = 0x80000000;
    private static final int LOWER = 0x7fffffff;
    private static final int MATRIX_A = 0x9908b0df;

    private final int[] state = new int[N];
    private int position;

    /** @param seed as NumPy accepts it: 0 ≤ seed ≤ 2³² − 1 */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("a RandomState seed lies in [0, 2^32 - 1], got " + seed);
        }
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
        }
        position = N;
    }

    /** The next 32-bit output, as an unsigned value. */
    public long nextUnsignedInt() {
        if (position == N) {
            twist();
        }
        int y = state[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** A uniform integer in [0, max], by masked rejection as NumPy draws it (max below 2³²). */
    long interval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        for (int shift = 1; shift <= 16; shift <<= 1) {
            mask |= mask >>> shift;
        }
        long value;
        do {
            value = nextUnsignedInt() & mask;
        } while (value > max);
        return value;
    }

    /** {@code RandomState(seed).permutation(n)}: a shuffled 0..n-1, equal element for element to NumPy's. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) interval(i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & UPPER) | (state[(i + 1) % N] & LOWER);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        position = 0;
    }
}
