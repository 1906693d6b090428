package ssgan.stats;

import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Welch's unequal-variance t-test of our runs against a published mean ± std: the paper gives no per-run values,
 * only summary statistics, which is exactly what {@link TTest#tTest(StatisticalSummary, StatisticalSummary)}
 * takes.
 *
 * @param difference ours minus theirs (positive: we make more errors)
 * @param t          Welch's t statistic (ours - theirs)
 * @param df         Welch-Satterthwaite degrees of freedom
 * @param p          two-sided p-value
 */
public record WelchTest(double difference, double t, double df, double p) {

    /** Needs n >= 2 on both sides; otherwise every field but the difference is NaN. */
    public static WelchTest compare(SampleStats ours, double theirMean, double theirStd, int theirN) {
        double difference = ours.mean() - theirMean;
        if (ours.n() < 2 || theirN < 2 || Double.isNaN(theirStd)) {
            return new WelchTest(difference, Double.NaN, Double.NaN, Double.NaN);
        }
        StatisticalSummary a = ours.asSummary();
        StatisticalSummary b = SampleStats.published(theirMean, theirStd, theirN);
        if (a.getVariance() == 0 && b.getVariance() == 0) {
            // Commons Math divides by zero here; two constant samples differ or they don't.
            return new WelchTest(difference, Double.NaN, Double.NaN, difference == 0 ? 1.0 : 0.0);
        }
        TTest test = new TTest();
        return new WelchTest(difference, test.t(a, b), welchDf(a, b), test.tTest(a, b));
    }

    static double welchDf(StatisticalSummary a, StatisticalSummary b) {
        return Power.welchDf(Math.sqrt(a.getVariance()), (int) a.getN(), Math.sqrt(b.getVariance()), (int) b.getN());
    }
}
