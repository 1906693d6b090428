package ssgan.runs;

import ssgan.metrics.EpochMetrics;
import ssgan.results.RunDirectory;
import ssgan.results.RunLock;
import ssgan.results.RunState;
import ssgan.results.RunStatus;
import ssgan.train.StepLosses;
import ssgan.train.Trainer;

import java.util.List;

/**
 * Records each epoch as the trainer ends it, before its checkpoint is written: metrics.jsonl, status.json, the
 * lock's heartbeat (how other hosts tell a live run's lock from a stale one), then the console. Iterations only
 * go to the console.
 */
final class EpochRecorder implements Trainer.Observer {
    private final RunDirectory dir;
    private final List<EpochMetrics> rows;
    private final int epochs;
    private final RunLock lock;
    private final Progress progress;

    /** @param rows the run's record, which this extends in place (the sitting's ending reads it) */
    EpochRecorder(RunDirectory dir, List<EpochMetrics> rows, int epochs, RunLock lock, Progress progress) {
        this.dir = dir;
        this.rows = rows;
        this.epochs = epochs;
        this.lock = lock;
        this.progress = progress;
    }

    @Override
    public void iteration(int epoch, int iteration, int iterations, StepLosses losses) {
        progress.iteration(epoch, iteration, iterations, losses);
    }

    @Override
    public void epoch(EpochMetrics m) {
        rows.removeIf(r -> r.epoch() >= m.epoch()); // an epoch trained again replaces its row
        rows.add(m);
        dir.writeMetrics(rows);
        dir.writeStatus(RunStatus.of(RunState.RUNNING, m.epoch(), epochs, null));
        lock.heartbeat();
        progress.epoch(m);
    }
}
