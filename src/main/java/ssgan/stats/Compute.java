package ssgan.stats;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import ssgan.paper.PaperProtocol;
import ssgan.paper.PaperReference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compute behind the report and the compute still needed to finish the paper's protocol (10 seeds of every
 * label count of the paper's table, at the paper's epochs), from the seconds per epoch measured by the runs.
 *
 * @param cells       compute spent per cell
 * @param cpuHours    all runs: wall time x intra-op threads
 * @param wallHours   all runs: wall time
 * @param remaining   per dataset of the paper's tables
 */
public record Compute(List<CellCompute> cells, double cpuHours, double wallHours, List<Remaining> remaining) {

    public record CellCompute(CellKey key, int runs, double cpuHours, double wallHours) {}

    /**
     * @param protocolRuns    runs of the full protocol (labels x seeds)
     * @param epochsLeft      epochs the faithful full-budget runs still lack (a missing run lacks them all)
     * @param secondsPerEpoch median over this dataset's runs of their median seconds per epoch; NaN without runs
     * @param threads         median intra-op threads of those runs
     * @param measuredRuns    runs behind the rate
     */
    public record Remaining(String dataset, int protocolRuns, long epochsLeft, double secondsPerEpoch, double threads,
                            int measuredRuns) {
        public double wallHours() { return epochsLeft * secondsPerEpoch / 3600; }

        public double cpuHours() { return wallHours() * threads; }
    }

    /** @param runs every computation once: copies of another run's directory left out */
    static Compute of(List<RunResult> runs, List<CellSummary> cells, PaperReference paper) {
        List<CellCompute> perCell = cells.stream().map(c -> new CellCompute(c.key(), c.computations().size(),
                c.computations().stream().mapToDouble(RunResult::cpuHours).sum(),
                c.computations().stream().mapToDouble(RunResult::seconds).sum() / 3600)).toList();
        List<Remaining> remaining = new ArrayList<>();
        for (var table : paper.tables()) {
            String dataset = table.dataset();
            int labelCounts = table.row(PaperReference.PAPER_ROW).map(r -> r.cells().size()).orElse(0);
            int protocolRuns = labelCounts * PaperReference.DEFAULT_RUNS;
            int epochs = PaperProtocol.paperEpochs(dataset);
            // Per label count, the faithful full-budget runs with the most progress count (at most 10 of them).
            Map<Integer, List<Integer>> done = new LinkedHashMap<>();
            cells.stream().filter(c -> c.key().faithful() && c.key().fullBudget()
                            && c.key().dataset().equalsIgnoreCase(dataset))
                    .forEach(c -> c.runs().forEach(r -> done.computeIfAbsent(c.key().labels(), k -> new ArrayList<>())
                            .add(Math.min(r.epochsDone(), epochs))));
            long doneEpochs = done.values().stream().mapToLong(list -> list.stream()
                    .sorted((a, b) -> b - a).limit(PaperReference.DEFAULT_RUNS).mapToLong(Integer::longValue).sum())
                    .sum();
            List<RunResult> measured = runs.stream().filter(r -> r.cell().dataset().equalsIgnoreCase(dataset)
                    && Double.isFinite(r.medianEpochSeconds())).toList();
            remaining.add(new Remaining(dataset, protocolRuns, Math.max(0, (long) protocolRuns * epochs - doneEpochs),
                    median(measured.stream().mapToDouble(RunResult::medianEpochSeconds).toArray()),
                    median(measured.stream().mapToDouble(r -> r.provenance() != null
                            ? r.provenance().intraOpThreads() : 1).toArray()), measured.size()));
        }
        return new Compute(perCell, runs.stream().mapToDouble(RunResult::cpuHours).sum(),
                runs.stream().mapToDouble(RunResult::seconds).sum() / 3600, List.copyOf(remaining));
    }

    /**
     * The middle value, or the mean of the two middle values for an even count; NaN without values. R_2 because
     * it averages the two as (a + b) / 2; the default (LEGACY) interpolates a + (b - a) / 2, which differs in the
     * last bit for some pairs. Identical to sorting and averaging for finite values (epoch seconds, threads).
     */
    static double median(double[] values) {
        return new Median().withEstimationType(Percentile.EstimationType.R_2)
                .withNaNStrategy(NaNStrategy.MAXIMAL) // NaN above everything, as Arrays.sort orders it
                .evaluate(values);
    }
}
