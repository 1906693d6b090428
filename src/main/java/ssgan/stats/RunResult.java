package ssgan.stats;

import ssgan.results.Provenance;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.metrics.EpochMetrics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run as the statistics see it: where it is, what it was asked to do, how far it got and its final errors in
 * the paper's unit (NaN when it has no epoch yet).
 *
 * @param configHash   the run id's suffix: the hash of its fully resolved settings
 * @param settings     config form (snake_case keys)
 * @param epochsTarget the run's own epoch budget
 * @param message      why it failed or diverged, else null
 * @param provenance   null when the run never wrote one
 * @param samples      samples.png, or null when missing
 */
public record RunResult(String experiment, String runId, String configHash, Path directory,
                        Map<String, Object> settings, CellKey cell, RunState state, int epochsDone,
                        int epochsTarget, String message, List<EpochMetrics> metrics, Provenance provenance,
                        Path samples, double seconds) {

    /** Finished: done and trained to its own budget. Only these enter the statistics. */
    public boolean finished() {
        return state == RunState.DONE && epochsDone >= epochsTarget && !metrics.isEmpty();
    }

    public PaperUnit unit() { return PaperUnit.forDataset(cell.dataset()); }

    public Optional<EpochMetrics> last() {
        return metrics.isEmpty() ? Optional.empty() : Optional.of(metrics.get(metrics.size() - 1));
    }

    /** Averaged-D test error at the last recorded epoch: the paper's number. */
    public double finalAverage() {
        return last().map(m -> unit().of(m.testErrorsAverage(), m.testCount())).orElse(Double.NaN);
    }

    public double finalRaw() {
        return last().map(m -> unit().of(m.testErrorsRaw(), m.testCount())).orElse(Double.NaN);
    }

    /** predictions.bin.gz of the run (it may not exist: older runs, unfinished runs). */
    public Path predictionsFile() {
        return new RunDirectory(directory).predictionsFile();
    }

    /** Which parameter average the "averaged D" is, from the run's settings. */
    public String averageDescription() {
        return AverageSetting.describe(settings);
    }
}
