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
import ssgan.results.RunRecord;
import ssgan.results.RunState;
import ssgan.results.SubsetDifficulty;
import ssgan.results.RunStatus;
import ssgan.results.SupersededRecords;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Reads every run of a results tree through {@link ResultsStore}, each in the terms of its dataset's
 * {@link DatasetFacts} (error unit, real-image diversity). A damaged file costs only itself ({@link RunRecord}): the
 * run is kept with what can be read, its record is checked before it may enter any statistic, and what is wrong is
 * named ({@link Integrity}). Only a run without a readable config.yaml or status.json, which say what it is, is
 * listed as a problem instead: one broken directory must not hide all the others.
 */
public final class RunLoader {

    /**
     * @param problems one line per unreadable run directory, per run whose record is damaged or does not stand, and
     *                 one for the finished runs without checksums
     */
    public record Loaded(List<RunResult> runs, List<String> problems) {}

    /** A run and the experiment its config.yaml records (which may not be the folder it lies in). */
    private record Read(RunResult run, String recordedExperiment) {}

    private RunLoader() {}

    public static Loaded load(ResultsStore store, DatasetFacts facts) {
        List<Read> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String experiment : store.experiments()) {
            for (RunDirectory dir : store.runs(experiment)) {
                readInto(runs, problems, store, () -> read(experiment, dir, facts, null), dir);
                for (RunDirectory old : superseded(dir, problems, store)) {
                    readInto(runs, problems, store, () -> read(experiment, old, facts, dir), old);
                }
            }
        }
        Map<RunResult, String> recorded = new IdentityHashMap<>();
        runs.forEach(r -> recorded.put(r.run(), r.recordedExperiment()));
        List<RunResult> resolved = DefectClearance.apply(Duplicates.resolve(runs.stream().map(Read::run).toList(),
                recorded::get));
        resolved.forEach(r -> r.integrity().problem(r.recordPath()).ifPresent(problems::add));
        long unsealed = resolved.stream().filter(r -> r.integrity().unsealed()).count();
        if (unsealed > 0) {
            problems.add(unsealed + " finished run(s) have no checksums.json (finished before checksums were kept),"
                    + " so a change to their files cannot be seen: ./ssgan checksums records them");
        }
        return new Loaded(resolved, List.copyOf(problems));
    }

    private static void readInto(List<Read> runs, List<String> problems, ResultsStore store, Supplier<Read> read,
                                 RunDirectory dir) {
        try {
            runs.add(read.get());
        } catch (RuntimeException e) {
            problems.add(where(store, dir) + ": unreadable, left out of the report (" + Problems.brief(e)
                    + (e.getCause() != null ? ": " + RunRecord.reason(e) : "") + ")");
        }
    }

    private static List<RunDirectory> superseded(RunDirectory dir, List<String> problems, ResultsStore store) {
        try {
            return SupersededRecords.of(dir);
        } catch (RuntimeException e) {
            problems.add(where(store, dir) + ": its superseded records cannot be listed (" + Problems.brief(e) + ")");
            return List.of();
        }
    }

    /** {@code experiment/run-id}: the run directory under the results root. */
    private static String where(ResultsStore store, RunDirectory dir) {
        Path path = dir.path();
        return path.startsWith(store.root()) ? store.root().relativize(path).toString().replace('\\', '/')
                : path.toString();
    }

    /**
     * @param replacedBy for a record moved aside by a rerun, the run directory that holds the rerun (the record is
     *                   then listed as superseded, under its own page, and enters no statistics); else null
     */
    @SuppressWarnings("unchecked")
    private static Read read(String experiment, RunDirectory dir, DatasetFacts facts, RunDirectory replacedBy) {
        Map<String, Object> config = dir.readConfig();
        Object raw = config == null ? null : config.get("settings");
        if (!(raw instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("config.yaml has no settings map");
        }
        // through the codec, so a key added after the run was recorded takes the default the run trained with
        Settings settings = SettingsCodec.fromMap((Map<String, Object>) raw);
        RunRecord record = RunRecord.read(dir);
        List<EpochMetrics> metrics = record.metrics();
        RunStatus status = record.status();
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
        Provenance provenance = record.provenance();
        double seconds = record.summary() != null ? record.summary().seconds()
                : metrics.stream().mapToDouble(EpochMetrics::seconds).sum();
        Path samples = Files.isRegularFile(dir.samplesFile()) ? dir.samplesFile() : null;
        OptionalDouble diversity = samples == null ? OptionalDouble.empty()
                : SampleDiversity.of(samples, settings.sampleGrid());
        RunHealth health = RunHealth.of(metrics, diversity, reporting.sampleDiversity(), nearestNeighbour(dir),
                settings.reportedD() == Settings.ReportedD.RAW);
        RunResult run = new RunResult(experiment, runId, hashOf(recordedId), dir.path(), settings, cell, state, done,
                target, message, List.copyOf(metrics), provenance, samples, seconds, health, List.of(),
                integrity(record, dir, settings, state));
        return new Read(run, String.valueOf(config.get("experiment")));
    }

    /** What its record says of itself: contradictions and changed files keep it out of every statistic. */
    private static Integrity integrity(RunRecord record, RunDirectory dir, Settings settings, RunState state) {
        List<String> changed = record.changes(dir); // hashed once: the files may be large
        List<String> faults = new ArrayList<>(record.contradictions(settings.epochs()));
        faults.addAll(changed);
        String checksums = null;
        boolean unsealed = false;
        if (record.checksums() != null) {
            var files = record.checksums().files().keySet();
            checksums = !changed.isEmpty() ? "changed: " + String.join("; ", changed)
                    : String.join(" and ", files) + (files.size() == 1 ? " matches its " : " match their ")
                    + record.checksums().algorithm() + " recorded " + record.checksums().recorded()
                    + " (checksums.json)";
        } else if (record.done()) {
            unsealed = state == RunState.DONE && record.damage().stream().noneMatch(d -> d.startsWith("checksums"));
            checksums = unsealed ? "none recorded (finished before checksums were kept: ./ssgan checksums records"
                    + " them)" : "unreadable";
        }
        return new Integrity(List.copyOf(faults), record.damage(), checksums, unsealed, false);
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
