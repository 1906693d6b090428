package ssgan.stats;

import ssgan.data.DatasetSpec.Reporting;
import ssgan.experiment.Settings;
import ssgan.experiment.SettingsCodec;
import ssgan.results.Provenance;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.results.RunStatus;
import ssgan.results.Summary;
import ssgan.metrics.EpochMetrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            }
        }
        return new Loaded(List.copyOf(runs), List.copyOf(problems));
    }

    @SuppressWarnings("unchecked")
    static RunResult read(String experiment, RunDirectory dir, DatasetFacts facts) {
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
        RunState state = status != null ? status.state() : RunState.PENDING;
        String runId = String.valueOf(config.getOrDefault("run_id", dir.runId()));
        Reporting reporting = facts.of(settings.dataset());
        CellKey cell = new CellKey(settings.dataset(), settings.labels(),
                PaperProtocol.variantName(config.get("cell"), settings), settings.epochs(), reporting.unit());
        Provenance provenance = dir.readProvenance().orElse(null);
        double seconds = dir.readSummary().map(Summary::seconds)
                .orElse(metrics.stream().mapToDouble(EpochMetrics::seconds).sum());
        Path samples = Files.isRegularFile(dir.samplesFile()) ? dir.samplesFile() : null;
        OptionalDouble diversity = samples == null ? OptionalDouble.empty()
                : SampleDiversity.of(samples, settings.sampleGrid());
        RunHealth health = RunHealth.of(metrics, diversity, reporting.sampleDiversity());
        return new RunResult(experiment, runId, hashOf(runId), dir.path(), settings, cell, state, done, target,
                status != null ? status.message() : null, List.copyOf(metrics), provenance, samples, seconds, health);
    }

    /** The run id ends in the settings hash: {@code labels100-seed1-3fa2b9c01d}. */
    static String hashOf(String runId) {
        int dash = runId.lastIndexOf('-');
        return dash < 0 ? runId : runId.substring(dash + 1);
    }
}
