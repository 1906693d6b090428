package ssgan.runs;

import ai.djl.ndarray.NDManager;
import ssgan.config.Defaults;
import ssgan.config.SettingsCodec;
import ssgan.experiment.RunSpec;
import ssgan.results.LockOwner;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunLock;
import ssgan.results.RunState;
import ssgan.train.DivergedException;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs one {@link RunSpec} into its run directory: skip when done, lock, then one {@link Sitting}: record config and
 * provenance (and, once, how hard its labeled subset is), train (resuming from the last checkpoint), then write
 * samples, summary and the final status.
 */
public final class RunExecutor {
    private final ResultsStore store;
    private final DatasetCache datasets;
    private final PrintStream out;
    private SubsetCheck subsets; // made on first use: it loads the engine, and memoises the reference subsets

    public RunExecutor(ResultsStore store, DatasetCache datasets, PrintStream out) {
        this.store = store;
        this.datasets = datasets;
        this.out = out;
    }

    /** Finished (done or diverged) runs are not run again; failed ones resume. */
    public static boolean finished(RunState state) {
        return state == RunState.DONE || state == RunState.DIVERGED;
    }

    public RunState execute(RunSpec spec) {
        RunDirectory dir = store.run(spec.experiment(), spec.runId());
        String label = spec.experiment() + "/" + spec.runId();
        if (finished(dir.state())) {
            out.println(label + ": " + dir.state().label() + ", skipped" + refreshReading(spec, dir));
            return dir.state();
        }
        Optional<RunLock> lock = RunLock.tryAcquire(dir.lockFile(), RunLock.DEFAULT_STALE_AFTER, dir.checkpointDir());
        if (lock.isEmpty()) {
            out.println(label + ": held by " + RunLock.holder(dir.lockFile()).flatMap(LockOwner::parse)
                    .map(LockOwner::describe).orElse("another process") + ", skipped");
            return RunState.RUNNING;
        }
        try (RunLock held = lock.get()) {
            if (finished(dir.state())) { // finished by another process (e.g. on another node) since the check above
                out.println(label + ": " + dir.state().label() + ", skipped");
                return dir.state();
            }
            return sit(spec, dir, label, held);
        }
    }

    /** One sitting: begin, train, then the ending that fits (done, diverged or failed). */
    private RunState sit(RunSpec spec, RunDirectory dir, String label, RunLock lock) {
        Sitting sitting = new Sitting(spec, dir, label, out);
        try {
            sitting.begin(datasets);
            recordSubset(spec, dir, label);
            return sitting.complete(sitting.train(lock));
        } catch (DivergedException e) {
            return sitting.diverged(e);
        } catch (RuntimeException e) {
            return sitting.failed(e);
        } catch (Error e) {   // e.g. out of memory: the trace is recorded, but the JVM may be unfit for another run
            sitting.failed(e);
            throw e;
        }
    }

    /**
     * A finished run whose experiment now reads it differently (a {@link SettingsCodec#NOT_HASHED} key such as
     * reported_d changed: same id, same computation) gets those keys rewritten in its config.yaml, so the report
     * reads it as the experiment says; nothing retrains. Returns what changed, for the skip line.
     */
    private static String refreshReading(RunSpec spec, RunDirectory dir) {
        Map<String, Object> recorded;
        try {
            recorded = dir.readConfig();
        } catch (RuntimeException e) {
            return ""; // an unreadable record is the report's to flag; a sweep does not repair it
        }
        Map<String, Object> wanted = SettingsCodec.toMap(spec.settings());
        Object settings = recorded.get("settings");
        if (!(settings instanceof Map<?, ?> old)) {
            return "";
        }
        List<String> changes = new ArrayList<>();
        Map<String, Object> updated = new LinkedHashMap<>();
        old.forEach((k, v) -> updated.put(String.valueOf(k), v));
        for (String key : SettingsCodec.NOT_HASHED) {
            Object was = old.containsKey(key) ? old.get(key)
                    : SettingsCodec.configValue(Defaults.values().get(key).value());
            if (!wanted.get(key).equals(was)) {
                changes.add(key + " " + wanted.get(key) + " (was " + was + ")");
                updated.put(key, wanted.get(key));
            }
        }
        if (changes.isEmpty()) {
            return "";
        }
        Map<String, Object> config = new LinkedHashMap<>(recorded);
        config.put("settings", new TreeMap<>(updated));
        dir.writeConfig(config);
        return "; read with " + String.join(", ", changes) + " from now on (config.yaml updated, nothing retrains)";
    }

    /**
     * Writes subset.json (how hard the run's labeled subset is) if the run has none: a few CPU-seconds the first
     * time a sweep meets a label count, less than one epoch. A failure here is printed and the run trains anyway.
     */
    private void recordSubset(RunSpec spec, RunDirectory dir, String label) {
        if (Files.exists(dir.subsetFile())) {
            return;
        }
        try {
            if (subsets == null) {
                subsets = new SubsetCheck(NDManager.newBaseManager(), datasets, SubsetCheck.DEFAULT_DRAWS);
            }
            dir.writeSubset(subsets.of(spec.settings()));
        } catch (RuntimeException e) {
            out.println(label + ": subset.json not written (" + e.getMessage() + "); ./ssgan subsets adds it later");
        }
    }
}
