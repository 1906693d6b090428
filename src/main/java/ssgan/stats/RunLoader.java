package ssgan.stats;

import ssgan.config.Settings;
import ssgan.config.SettingsCodec;
import ssgan.data.DatasetSpec.Reporting;
import ssgan.metrics.EpochMetrics;
import ssgan.paper.PaperProtocol;
import ssgan.results.Provenance;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunLock;
import ssgan.results.RunState;
import ssgan.results.SubsetDifficulty;
import ssgan.results.RunStatus;
import ssgan.results.Summary;
import ssgan.results.SupersededRecords;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads every run of a results tree through {@link ResultsStore}, each in the terms of its dataset's
 * {@link DatasetFacts} (error unit, real-image diversity). A run whose files cannot be read is listed as a
 * problem instead of aborting the report: one broken directory must not hide all the others.
 */
public final class RunLoader {

    /** @param problems one line per unreadable run directory */
    public record Loaded(List<RunResult> runs, List<String> problems) {}

    private RunLoader() {}

    public static Loaded load(ResultsStore store, DatasetFacts facts) {
        List<RunResult> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String experiment : store.experiments()) {
            for (RunDirectory dir : store.runs(experiment)) {
                try {
                    runs.add(read(experiment, dir, facts));
                } catch (RuntimeException e) {
                    problems.add(dir.path() + ": " + e.getMessage());
                }
                for (RunDirectory old : SupersededRecords.of(dir)) {
                    try {
                        runs.add(read(experiment, old, facts, dir));
                    } catch (RuntimeException e) {
                        problems.add(old.path() + ": " + e.getMessage());
                    }
                }
            }
        }
        return new Loaded(DefectClearance.apply(runs), List.copyOf(problems));
    }

    static RunResult read(String experiment, RunDirectory dir, DatasetFacts facts) {
        return read(experiment, dir, facts, null);
    }

    /**
     * @param replacedBy for a record moved aside by a rerun, the run directory that holds the rerun (the record is
     *                   then listed as superseded, under its own page, and enters no statistics); else null
     */
    @SuppressWarnings("unchecked")
    private static RunResult read(String experiment, RunDirectory dir, DatasetFacts facts, RunDirectory replacedBy) {
        Map<String, Object> config = dir.readConfig();
        Object raw = config.get("settings");
        if (!(raw instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("config.yaml has no settings map");
        }
        // through the codec, so a key added after the run was recorded takes the default the run trained with
        Settings settings = SettingsCodec.fromMap((Map<String, Object>) raw);
        List<EpochMetrics> metrics = dir.readMetrics();
        RunStatus status = dir.readStatus().orElse(null);
        int target = status != null ? status.epochs() : settings.epochs();
        int done = status != null ? status.epochsDone() : metrics.size();
        RunState state = replacedBy != null ? RunState.SUPERSEDED
                : status != null ? RunState.observed(status.state(), RunLock.held(dir.lockFile())) : RunState.PENDING;
        String recordedId = String.valueOf(config.getOrDefault("run_id", dir.runId()));
        String runId = replacedBy != null ? recordedId + "." + dir.runId() : recordedId;
        String message = replacedBy != null
                ? "replaced by a rerun (sweep --rerun); this record was " + (status != null ? status.state().label()
                + " at epoch " + status.epochsDone() : "never given a status") + " and is kept in " + replacedBy.runId()
                + "/" + dir.runId() + "/"
                : status != null ? status.message() : null;
        Reporting reporting = facts.of(settings.dataset());
        CellKey cell = new CellKey(settings.dataset(), settings.labels(),
                PaperProtocol.variantName(config.get("cell"), settings), settings.epochs(), reporting.unit());
        Provenance provenance = dir.readProvenance().orElse(null);
        double seconds = dir.readSummary().map(Summary::seconds)
                .orElse(metrics.stream().mapToDouble(EpochMetrics::seconds).sum());
        Path samples = Files.isRegularFile(dir.samplesFile()) ? dir.samplesFile() : null;
        OptionalDouble diversity = samples == null ? OptionalDouble.empty()
                : SampleDiversity.of(samples, settings.sampleGrid());
        RunHealth health = RunHealth.of(metrics, diversity, reporting.sampleDiversity(), nearestNeighbour(dir),
                settings.reportedD() == Settings.ReportedD.RAW);
        return new RunResult(experiment, runId, hashOf(recordedId), dir.path(), settings, cell, state, done, target,
                message, List.copyOf(metrics), provenance, samples, seconds, health);
    }

    /** The run's subset.json; empty when it has none or it cannot be read (a reading aid: the check is left out). */
    private static Optional<SubsetDifficulty> nearestNeighbour(RunDirectory dir) {
        try {
            return dir.readSubset();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The run id ends in the settings hash: {@code labels100-seed1-3fa2b9c01d}. */
    static String hashOf(String runId) {
        int dash = runId.lastIndexOf('-');
        return dash < 0 ? runId : runId.substring(dash + 1);
    }
}
