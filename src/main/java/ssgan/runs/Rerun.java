package ssgan.runs;

import ssgan.experiment.RunSpec;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunLock;
import ssgan.results.RunState;
import ssgan.results.RunStatus;
import ssgan.results.SupersededRecords;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ssgan sweep --rerun}: trains finished runs again from epoch 0 with today's code, keeping each old record
 * beside the new one ({@link SupersededRecords}), e.g. to learn whether a result predates a fix. Only finished
 * records (done, diverged, failed) are replaced: an unfinished run is resumed, never thrown away.
 */
public final class Rerun {
    private final ResultsStore store;

    public Rerun(ResultsStore store) {
        this.store = store;
    }

    /** Why these runs cannot be rerun, one line each; empty when all can (runs never started just run). */
    public List<String> refusals(List<RunSpec> runs) {
        List<String> out = new ArrayList<>();
        for (RunSpec spec : runs) {
            RunDirectory dir = store.run(spec.experiment(), spec.runId());
            String label = spec.experiment() + "/" + spec.runId();
            if (RunLock.held(dir.lockFile()) == RunLock.Held.LIVE) {
                out.add(label + ": a process is training it (" + dir.lockFile() + "); stop it first");
            } else if (hasRecord(dir) && !replaceable(dir.state())) {
                int epoch = dir.readStatus().map(RunStatus::epochsDone).orElse(0);
                out.add(label + ": unfinished (" + dir.state().label() + ", epoch " + epoch + "); --rerun replaces "
                        + "finished records only: resume it with a plain sweep");
            }
        }
        return out;
    }

    /** Moves the finished record aside (no-op for a run never started); call after {@link #refusals} was empty. */
    public void prepare(RunSpec spec, PrintStream out) {
        RunDirectory dir = store.run(spec.experiment(), spec.runId());
        if (!hasRecord(dir)) {
            return;
        }
        RunState was = dir.state();
        Optional<RunLock> lock = RunLock.tryAcquire(dir.lockFile(), RunLock.DEFAULT_STALE_AFTER, dir.checkpointDir());
        if (lock.isEmpty()) {
            throw new IllegalStateException(spec.runId() + ": taken by another process while preparing the rerun");
        }
        try (RunLock held = lock.get()) {
            Path kept = SupersededRecords.supersede(dir);
            out.println(spec.experiment() + "/" + spec.runId() + ": the " + was.label() + " record moved to "
                    + dir.path().relativize(kept) + "/ and its checkpoint deleted; training again from epoch 0");
        }
    }

    private static boolean hasRecord(RunDirectory dir) {
        return Files.exists(dir.configFile());
    }

    private static boolean replaceable(RunState state) {
        return state == RunState.DONE || state == RunState.DIVERGED || state == RunState.FAILED;
    }
}
