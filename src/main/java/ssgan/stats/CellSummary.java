package ssgan.stats;

import ssgan.config.Settings;
import ssgan.data.ErrorUnit;
import ssgan.paper.PaperTable;
import ssgan.results.RunState;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything the report says about one cell.
 *
 * @param runs      every run in the cell whose record stands, whatever its state
 * @param finished  the runs that enter the statistics (done, full own budget, one per settings hash)
 * @param reportedD which D's error is the cell's figure (its runs' reported_d): see {@link #figure}
 * @param average   final averaged-D error over finished runs (today's script's number), paper unit
 * @param raw       final raw-D error over finished runs, paper unit
 * @param corrected final bias-corrected averaged-D error over the finished runs that recorded it (a deviation)
 * @param healthy   the figure over finished runs that {@link RunHealth} does not flag
 * @param paper     the paper's value for this dataset and label count, if the table has one
 * @param judgement the graded verdict of {@link #figure} against {@link #paper}, with its figures and rule
 * @param ensemble  ensembles of the finished runs that have predictions
 * @param paperEnsemble the paper's "Ensemble of 10" value for this dataset and label count, if the table has one
 * @param mixes     what differs between the runs of the cell besides the seed (commits, threads, resumes), in words
 * @param confusions where the errors of each finished run with predictions are, in seed order
 * @param subsets   how hard the labeled subset of each run with a subset.json is, in seed order
 * @param leftOut   the cell's runs whose record does not stand ({@link Integrity}): shown, named, and out of
 *                  every statistic, curve and chart of the cell
 */
public record CellSummary(CellKey key, List<RunResult> runs, List<RunResult> finished, Settings.ReportedD reportedD,
                          SampleStats average,
                          SampleStats raw, SampleStats corrected, SampleStats healthy,
                          Optional<PaperTable.Cell> paper, Judgement judgement, Curves curves,
                          Ensemble ensemble, Optional<PaperTable.Cell> paperEnsemble, List<String> mixes,
                          List<RunConfusion> confusions, List<RunSubset> subsets, List<RunResult> leftOut) {

    public ErrorUnit unit() { return key.unit(); }

    /** The cell's number, the verdict's input: {@link #average} or {@link #raw}, as its runs' reported_d says. */
    public SampleStats figure() { return reportedD == Settings.ReportedD.RAW ? raw : average; }

    /** The figure's D over epochs, pooled over seeds: {@link Curves#testRaw} or {@link Curves#testAverage}. */
    public Band figureCurve() { return reportedD == Settings.ReportedD.RAW ? curves.testRaw() : curves.testAverage(); }

    /**
     * The settings its runs share, seeds aside (a cell is one setup): those of its first run, or of a run left out
     * when every one was.
     */
    public Settings setup() { return (runs.isEmpty() ? leftOut : runs).get(0).settings(); }

    /** "averaged D" or "raw D". */
    public String figureName() { return RunResult.figureName(reportedD); }

    /** The run's confusion matrices, if it finished with a readable predictions file. */
    public Optional<RunConfusion> confusion(RunResult run) {
        return confusions.stream().filter(c -> c.run() == run).findFirst();
    }

    /** How hard the run's labeled subset is, if the run has a readable subset.json. */
    public Optional<RunSubset> subset(RunResult run) {
        return subsets.stream().filter(s -> s.run() == run).findFirst();
    }

    public Verdict verdict() { return judgement.verdict(); }

    /** The finished runs in seed order: their figures are the values behind {@link #figure}. */
    public List<RunResult> bySeed() {
        return finished.stream().sorted(Comparator.comparingInt(RunResult::seed)).toList();
    }

    public long count(RunState state) {
        return runs.stream().filter(r -> r.state() == state).count();
    }

    /** Finished runs that a health check flags: they stay in {@link #figure}, and are left out of {@link #healthy}. */
    public List<RunResult> flagged() {
        return finished.stream().filter(r -> r.health().flagged()).toList();
    }

    /** The compute the cell cost: its runs and those left out, each computation once (a copy is none). */
    public List<RunResult> computations() {
        return Stream.concat(runs.stream(), leftOut.stream().filter(r -> !r.integrity().copy())).toList();
    }

    /** Runs still training towards this cell's budget. */
    public List<RunResult> inProgress() {
        return runs.stream().filter(r -> !r.finished() && r.state() != RunState.DIVERGED
                && r.state() != RunState.FAILED && r.state() != RunState.SUPERSEDED).toList();
    }
}
