package ssgan.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Power of Welch's two-sided t-test, by the shift approximation of the noncentral t: a true difference d is
 * detected with power 1 − β at level α when d ≥ (t<sub>1−α/2, df</sub> + t<sub>1−β, df</sub>) · SE, with SE and df
 * the Welch standard error and Welch–Satterthwaite degrees of freedom. It ignores the rejections in the wrong
 * tail (negligible at 80 % power) and the randomness of the estimated df, so it is a little optimistic: simulating
 * the test (SciPy, 4000 draws) gives 0.79 power at its difference for 10 against 10 runs, 0.79 for 5 against 10 and
 * 0.75 for 3 against 10. {@code PowerTest} checks it against a Monte-Carlo simulation of the test.
 */
public final class Power {
    /** Two-sided level of the Welch test: the verdicts' level. */
    public static final double ALPHA = Verdict.ALPHA;
    /** Power the detectable difference and the seeds needed are quoted at. */
    public static final double POWER = 0.80;
    /** Seeds beyond which {@link #seedsNeeded} stops looking. */
    static final int MAX_SEEDS = 10_000;

    private Power() {}

    /** Welch standard error of a difference of means. */
    public static double standardError(double stdA, int nA, double stdB, int nB) {
        return Math.sqrt(stdA * stdA / nA + stdB * stdB / nB);
    }

    /** Welch–Satterthwaite degrees of freedom; NaN when both variances are 0. */
    public static double welchDf(double stdA, int nA, double stdB, int nB) {
        double va = stdA * stdA / nA;
        double vb = stdB * stdB / nB;
        return (va + vb) * (va + vb) / (va * va / (nA - 1) + vb * vb / (nB - 1));
    }

    /** (t<sub>1−α/2, df</sub> + t<sub>1−β, df</sub>) · SE at α = 5 %, 1 − β = 80 %; NaN for an undefined df. */
    public static double minDetectable(double se, double df) {
        if (!Double.isFinite(se) || !(df > 0)) {
            return Double.NaN;
        }
        TDistribution t = new TDistribution(df);
        return (t.inverseCumulativeProbability(1 - ALPHA / 2) + t.inverseCumulativeProbability(POWER)) * se;
    }

    /** The difference Welch's test of samples of these sizes and spreads detects at 80 % power (two-sided 5 %). */
    public static double minDetectable(double stdA, int nA, double stdB, int nB) {
        if (nA < 2 || nB < 2) {
            return Double.NaN;
        }
        return minDetectable(standardError(stdA, nA, stdB, nB), welchDf(stdA, nA, stdB, nB));
    }

    /**
     * The smallest number of our seeds for which Welch's test against the paper's {@code paperN} runs detects a
     * difference of {@code delta} at 80 % power, our runs having spread {@code ourStd}; -1 when no number of seeds
     * up to {@value #MAX_SEEDS} does (the paper's own n = 10 bounds the precision: its SE alone may be too large).
     */
    public static int seedsNeeded(double delta, double ourStd, double paperStd, int paperN) {
        if (!(delta > 0) || !Double.isFinite(ourStd) || !Double.isFinite(paperStd) || paperN < 2) {
            return -1;
        }
        if (!(minDetectable(ourStd, MAX_SEEDS, paperStd, paperN) <= delta)) {
            return -1;
        }
        int low = 2; // the detectable difference shrinks as seeds are added: bisect for the first n that reaches delta
        int high = MAX_SEEDS;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (minDetectable(ourStd, mid, paperStd, paperN) <= delta) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /**
     * Power of the equivalence verdict (TOST, 5 % each side, margin ± {@code margin}) for a perfect reproduction (a
     * true difference of 0), {@code n} of our runs with spread {@code ourStd} against the paper's {@code paperN}:
     * the TOST succeeds when |difference| < margin − t<sub>0.95, df</sub> · SE, and the estimated difference over SE
     * is taken as t-distributed with the Welch df, so the power is 2 F<sub>t</sub>(margin / SE − t<sub>0.95</sub>) − 1.
     * Like {@link #minDetectable} it holds SE fixed; {@code PowerTest} checks it against a simulation of the test.
     */
    public static double equivalencePower(int n, double margin, double ourStd, double paperStd, int paperN) {
        if (n < 2 || paperN < 2 || !(margin > 0)) {
            return Double.NaN;
        }
        double se = standardError(ourStd, n, paperStd, paperN);
        double df = ourStd == 0 ? paperN - 1 : welchDf(ourStd, n, paperStd, paperN);
        TDistribution t = new TDistribution(df);
        double x = margin / se - t.inverseCumulativeProbability(1 - ALPHA);
        return x <= 0 ? 0 : 2 * t.cumulativeProbability(x) - 1;
    }

    /**
     * The smallest number of our seeds for which a perfect reproduction is called equivalent (within ± margin) at
     * 80 % power, our runs having spread {@code ourStd}; -1 when none up to {@value #MAX_SEEDS} does: the paper's own
     * standard error, std / √paperN, already takes a share of the margin that no number of our seeds gives back.
     */
    public static int seedsForEquivalence(double margin, double ourStd, double paperStd, int paperN) {
        if (!(margin > 0) || !Double.isFinite(ourStd) || !Double.isFinite(paperStd) || paperN < 2
                || !(equivalencePower(MAX_SEEDS, margin, ourStd, paperStd, paperN) >= POWER)) {
            return -1;
        }
        int low = 2;
        int high = MAX_SEEDS;
        while (low < high) { // power grows with n
            int mid = (low + high) >>> 1;
            if (equivalencePower(mid, margin, ourStd, paperStd, paperN) >= POWER) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
