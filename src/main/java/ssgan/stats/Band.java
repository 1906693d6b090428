package ssgan.stats;

import ssgan.metrics.EpochMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * A curve over epochs pooled over seeds: the mean and the sample standard deviation (0 where only one run reached
 * that epoch) of one metric. Runs of different lengths contribute to the epochs they reached, so {@link #n} can
 * fall towards the end.
 */
public record Band(int[] epochs, double[] mean, double[] std, int[] n) {

    public static Band over(List<List<EpochMetrics>> runs, ToDoubleFunction<EpochMetrics> metric) {
        Map<Integer, List<Double>> byEpoch = new TreeMap<>();
        for (List<EpochMetrics> run : runs) {
            for (EpochMetrics m : run) {
                double v = metric.applyAsDouble(m);
                if (Double.isFinite(v)) {
                    byEpoch.computeIfAbsent(m.epoch(), e -> new ArrayList<>()).add(v);
                }
            }
        }
        int size = byEpoch.size();
        Band band = new Band(new int[size], new double[size], new double[size], new int[size]);
        int i = 0;
        for (Map.Entry<Integer, List<Double>> e : byEpoch.entrySet()) {
            // Plain mean and sample std: no confidence interval per epoch (SampleStats would invert a t per point).
            List<Double> v = e.getValue();
            double mean = v.stream().mapToDouble(Double::doubleValue).sum() / v.size();
            double squares = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            band.epochs[i] = e.getKey();
            band.mean[i] = mean;
            band.std[i] = v.size() > 1 ? Math.sqrt(squares / (v.size() - 1)) : 0;
            band.n[i] = v.size();
            i++;
        }
        return band;
    }

    public boolean isEmpty() { return epochs.length == 0; }
}
