package ssgan.stats;

import ssgan.config.Settings;
import ssgan.data.ErrorUnit;
import ssgan.metrics.EpochMetrics;
import ssgan.results.Provenance;
import ssgan.results.RunDirectory;
import ssgan.results.Replay;
import ssgan.results.KnownDefects;
import ssgan.results.RunState;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One run as the statistics see it: where it is, what it was asked to do, how far it got and its final errors in
 * the paper's unit (NaN when it has no epoch yet).
 *
 * @param configHash   the run id's suffix: the hash of its fully resolved settings
 * @param settings     as config.yaml recorded them, read back through the codec
 * @param epochsTarget the run's own epoch budget
 * @param message      why it failed or diverged, else null
 * @param provenance   null when the run never wrote one
 * @param samples      samples.png, or null when missing
 * @param health       what {@link RunHealth} finds in its metrics and samples
 * @param clearances   known-defect fixes its training predates but that provably did not change it
 *                     ({@link DefectClearance})
 * @param integrity    what is wrong with its record, and whether it may enter statistics
 */
public record RunResult(String experiment, String runId, String configHash, Path directory,
                        Settings settings, CellKey cell, RunState state, int epochsDone,
                        int epochsTarget, String message, List<EpochMetrics> metrics, Provenance provenance,
                        Path samples, double seconds, RunHealth health, List<KnownDefects.Clearance> clearances,
                        Integrity integrity) {

    /** The order of a cell's per-run lines: by seed, then experiment (the same seed can stand in two). */
    public static final Comparator<RunResult> SEED_ORDER = Comparator.comparingInt(RunResult::seed)
            .thenComparing(RunResult::experiment);

    /** A run as read from its directory, before any other run could clear it of a known defect. */
    public RunResult(String experiment, String runId, String configHash, Path directory, Settings settings,
                     CellKey cell, RunState state, int epochsDone, int epochsTarget, String message,
                     List<EpochMetrics> metrics, Provenance provenance, Path samples, double seconds,
                     RunHealth health) {
        this(experiment, runId, configHash, directory, settings, cell, state, epochsDone, epochsTarget, message,
                metrics, provenance, samples, seconds, health, List.of(), Integrity.SOUND);
    }

    RunResult withClearances(List<KnownDefects.Clearance> found) {
        return new RunResult(experiment, runId, configHash, directory, settings, cell, state, epochsDone,
                epochsTarget, message, metrics, provenance, samples, seconds, health, List.copyOf(found), integrity);
    }

    RunResult withIntegrity(Integrity found) {
        return asCopy(runId, found);
    }

    /** Under another id (a copy's, so that no two runs of an experiment share pages or files in the report). */
    RunResult asCopy(String id, Integrity found) {
        return new RunResult(experiment, id, configHash, directory, settings, cell, state, epochsDone,
                epochsTarget, message, metrics, provenance, samples, seconds, health, clearances, found);
    }

    /** Its record may stand for it ({@link Integrity}): only then does it enter any statistic. */
    public boolean admitted() {
        return integrity.admitted();
    }

    /**
     * {@code <experiment>/<run-id>}, or {@code <experiment>/<run-id>/superseded-<n>} for a record a rerun replaced:
     * where it lies under the results root.
     */
    public String recordPath() {
        int depth = state == RunState.SUPERSEDED ? 3 : 2;
        int names = directory.getNameCount();
        return directory.subpath(Math.max(0, names - depth), names).toString().replace('\\', '/');
    }

    /** "stopped at epoch 42" for a run whose process is gone, else the state's label ("running", "done"). */
    public String stateText() {
        return state == RunState.STOPPED ? state.label() + " at epoch " + epochsDone : state.label();
    }

    /**
     * The known-defect fixes this run's training predates ({@link KnownDefects}) and that no run trained after them
     * clears: its numbers may be affected.
     */
    public List<KnownDefects.Fix> predatedFixes() {
        List<KnownDefects.Fix> cleared = clearances.stream().map(KnownDefects.Clearance::fix).toList();
        return KnownDefects.predating(settings, provenance, seconds).stream().filter(f -> !cleared.contains(f)).toList();
    }

    /** Finished: done, trained to its own budget, and its record stands. Only these enter the statistics. */
    public boolean finished() {
        return state == RunState.DONE && epochsDone >= epochsTarget && !metrics.isEmpty() && admitted();
    }

    public ErrorUnit unit() { return cell.unit(); }

    public Optional<EpochMetrics> last() {
        return metrics.isEmpty() ? Optional.empty() : Optional.of(metrics.get(metrics.size() - 1));
    }

    /** Averaged-D test error at the last recorded epoch: the paper's number. */
    public double finalAverage() {
        return last().map(m -> unit().of(m.testErrorsAverage(), m.testCount())).orElse(Double.NaN);
    }

    /** The error of the D its settings name as its figure (reported_d): what every statistic of the run uses. */
    public double finalFigure() {
        return last().map(this::figure).orElse(Double.NaN);
    }

    /** The error of its figure's D (reported_d) at one of its epochs, in the paper's unit. */
    public double figure(EpochMetrics m) {
        return unit().of(settings.reportedD() == Settings.ReportedD.RAW ? m.testErrorsRaw() : m.testErrorsAverage(),
                m.testCount());
    }

    /** "averaged D" or "raw D": which D {@link #finalFigure} is. */
    public String figureName() {
        return figureName(settings.reportedD());
    }

    public static String figureName(Settings.ReportedD d) {
        return d == Settings.ReportedD.RAW ? "raw D" : "averaged D";
    }

    public double finalRaw() {
        return last().map(m -> unit().of(m.testErrorsRaw(), m.testCount())).orElse(Double.NaN);
    }

    /** The bias-corrected average at the last epoch (a deviation; NaN for runs that did not record it). */
    public double finalCorrected() {
        return last().filter(EpochMetrics::hasCorrected)
                .map(m -> unit().of(m.testErrorsAverageCorrected(), m.testCount())).orElse(Double.NaN);
    }

    /** Seconds per epoch, median over its epochs (NaN without any). */
    public double medianEpochSeconds() {
        return Compute.median(metrics.stream().mapToDouble(EpochMetrics::seconds).toArray());
    }

    /** Core-hours: wall time times the intra-op threads it ran with (1 when unknown). */
    public double cpuHours() {
        int threads = provenance != null && provenance.intraOpThreads() > 0 ? provenance.intraOpThreads() : 1;
        return seconds * threads / 3600;
    }

    /** More than one process worked on it (it was interrupted and resumed). */
    public boolean resumed() {
        return provenance != null && provenance.sittings() > 1;
    }

    public int seed() { return settings.seed(); }

    /** Each restart from epoch 0 set against its replay (read from the run directory; none when never restarted). */
    public List<Replay> replays() {
        return Replay.of(new RunDirectory(directory), provenance);
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
