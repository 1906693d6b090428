package ssgan.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The difference of two sample means (a - b) with a two-sided 95 % Welch confidence interval and p-value: how a
 * variant's error differs from the faithful variant's, without assuming equal variances.
 *
 * @param ciLow  NaN when either side has fewer than 2 runs
 * @param df     Welch-Satterthwaite degrees of freedom (NaN when undefined)
 */
public record MeanDifference(double difference, double ciLow, double ciHigh, double df, double p) {

    public static MeanDifference of(SampleStats a, SampleStats b) {
        double difference = a.mean() - b.mean();
        if (a.n() < 2 || b.n() < 2) {
            return new MeanDifference(difference, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        StatisticalSummary sa = a.asSummary();
        StatisticalSummary sb = b.asSummary();
        double se = Math.sqrt(sa.getVariance() / sa.getN() + sb.getVariance() / sb.getN());
        if (se == 0) { // two constant samples: the interval is a point, and they differ or they don't
            return new MeanDifference(difference, difference, difference, Double.NaN, difference == 0 ? 1 : 0);
        }
        double df = WelchTest.welchDf(sa, sb);
        double t = new TDistribution(df).inverseCumulativeProbability(0.5 + SampleStats.CONFIDENCE / 2);
        return new MeanDifference(difference, difference - t * se, difference + t * se, df,
                new TTest().tTest(sa, sb));
    }

    /** Whether the interval excludes 0: a difference the seeds support. */
    public boolean significant() {
        return Double.isFinite(ciLow) && (ciLow > 0 || ciHigh < 0);
    }
}
