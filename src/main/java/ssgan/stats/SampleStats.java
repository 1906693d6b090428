package ssgan.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;

/**
 * Summary of a small sample (one value per seed): sample standard deviation (n - 1), standard error and a
 * two-sided 95 % Student-t confidence interval for the mean. Undefined quantities are NaN (std, SE and CI
 * need n >= 2; everything needs n >= 1).
 */
public record SampleStats(int n, double mean, double std, double standardError, double ciLow, double ciHigh,
                          double min, double max) {

    public static final double CONFIDENCE = 0.95;

    public static SampleStats of(double... values) {
        DescriptiveStatistics d = new DescriptiveStatistics(values);
        int n = values.length;
        if (n == 0) {
            return new SampleStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        if (n == 1) {
            return new SampleStats(1, d.getMean(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, d.getMin(),
                    d.getMax());
        }
        double std = d.getStandardDeviation();
        double se = std / Math.sqrt(n);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
        return new SampleStats(n, d.getMean(), std, se, d.getMean() - t * se, d.getMean() + t * se, d.getMin(),
                d.getMax());
    }

    /** A published "mean ± std over n runs" as a summary Commons Math's tests accept (min/max/sum unused). */
    public static StatisticalSummary published(double mean, double std, int n) {
        return new StatisticalSummaryValues(mean, std * std, n, Double.NaN, Double.NaN, mean * n);
    }

    StatisticalSummary asSummary() {
        return new StatisticalSummaryValues(mean, std * std, n, max, min, mean * n);
    }
}
