package ssgan.data;

import java.util.SplittableRandom;

/** Fisher–Yates shuffles driven by a SplittableRandom, so a seed fixes the order on every JVM. */
public final class Shuffles {
    private Shuffles() {}

    /** A uniformly random permutation of 0..n-1. */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rng);
        return p;
    }

    /** Shuffles {@code a} in place. */
    public static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
