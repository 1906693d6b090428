package ssgan.train;

/**
 * Counter-based seeding: every random draw is a pure function of (seed, stream, epoch, iteration). The engine's
 * generator is reseeded at the start of each iteration, so resuming from an epoch checkpoint replays exactly the
 * same noise without saving any generator state.
 */
public final class Seeds {
    public static final long INIT = 1, DATA_INIT = 2, SHUFFLE = 3, ITERATION = 4, SAMPLES = 5;

    private Seeds() {}

    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = fmix(h ^ fmix(p + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** The engine's seed is an int. */
    public static int engineSeed(long... parts) {
        return (int) (mix(parts) >>> 33);
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
