package ssgan.stats;

import ssgan.experiment.PaperTable;
import ssgan.results.RunState;

import java.util.List;
import java.util.Optional;

/**
 * Everything the report says about one cell.
 *
 * @param runs      every run in the cell, whatever its state
 * @param finished  the runs that enter the statistics (done, full own budget, one per settings hash)
 * @param average   final averaged-D error over finished runs (the paper's number), paper unit
 * @param raw       final raw-D error over finished runs, paper unit
 * @param paper     the paper's value for this dataset and label count, if the table has one
 * @param test      Welch test of {@link #average} against {@link #paper}; null without a paper value
 * @param ensemble  ensembles of the finished runs that have predictions
 * @param paperEnsemble the paper's "Ensemble of 10" value for this dataset and label count, if the table has one
 */
public record CellSummary(CellKey key, List<RunResult> runs, List<RunResult> finished, SampleStats average,
                          SampleStats raw, Optional<PaperTable.Cell> paper, WelchTest test, Verdict verdict,
                          Curves curves, Ensemble ensemble, Optional<PaperTable.Cell> paperEnsemble) {

    public PaperUnit unit() { return PaperUnit.forDataset(key.dataset()); }

    public long count(RunState state) {
        return runs.stream().filter(r -> r.state() == state).count();
    }
}
