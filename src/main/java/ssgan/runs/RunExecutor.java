package ssgan.runs;

import ssgan.config.Settings;
import ssgan.config.SettingsCodec;
import ssgan.data.Dataset;
import ssgan.experiment.RunSpec;
import ssgan.metrics.EpochMetrics;
import ssgan.results.LockOwner;
import ssgan.results.Predictions;
import ssgan.results.Provenance;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunLock;
import ssgan.results.RunState;
import ssgan.results.RunStatus;
import ssgan.results.Summary;
import ssgan.train.DivergedException;
import ssgan.train.StepLosses;
import ssgan.train.Trainer;
import ssgan.train.TrainingData;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one {@link RunSpec} into its run directory: skip when done, lock, record config and provenance, train
 * (resuming from the last checkpoint), then write samples, summary and the final status.
 */
public final class RunExecutor {
    private final ResultsStore store;
    private final DatasetCache datasets;
    private final PrintStream out;

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
            out.println(label + ": " + dir.state().label() + ", skipped");
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
            return train(spec, dir, label, held);
        }
    }

    private RunState train(RunSpec spec, RunDirectory dir, String label, RunLock lock) {
        Settings s = spec.settings();
        List<EpochMetrics> rows = new ArrayList<>();
        Provenance provenance = null;
        try {
            dir.writeConfig(config(spec));
            Resumption resumption = Resumption.prepare(dir, label, out);
            rows.addAll(resumption.rows());
            if (resumption.point().kind() == ResumePoint.Kind.INCONSISTENT) {
                throw new IllegalStateException(resumption.problem(dir));
            }
            Dataset dataset = datasets.get(s.dataset());
            provenance = ProvenanceCollector.collect(dataset.checksums(), resumption.sittings() + 1,
                    dir.checkpointFile().toAbsolutePath().toString(), resumption.restarts())
                    .following(resumption.previous(), resumption.previousEnd(), rows.size());
            dir.writeProvenance(provenance);
            dir.writeStatus(RunStatus.of(RunState.RUNNING, rows.size(), s.epochs(), null));
            TrainingData data = TrainingDataFactory.create(dataset, s);
            Trainer.Result result;
            try (Progress progress = Progress.create(label, s.epochs(), rows.size(),
                    Trainer.iterationsPerEpoch(s, data), out)) {
                if (progress instanceof Progress.Lines lines) {
                    lines.epochs(s.epochs());
                }
                out.println(label + (rows.isEmpty() ? ": starting" : ": resuming after epoch " + rows.size())
                        + " (" + s.epochs() + " epochs, " + s.labels() + " labels, seed " + s.seed() + ")");
                Trainer trainer = new Trainer(s, data,
                        Trainer.CheckpointStore.of(dir::readCheckpoint, dir::writeCheckpoint), new Trainer.Observer() {
                    @Override
                    public void iteration(int epoch, int iteration, int iterations, StepLosses l) {
                        progress.iteration(epoch, iteration, iterations, l);
                    }

                    @Override
                    public void epoch(EpochMetrics m) {
                        rows.removeIf(r -> r.epoch() >= m.epoch());
                        rows.add(m);
                        dir.writeMetrics(rows);
                        dir.writeStatus(RunStatus.of(RunState.RUNNING, m.epoch(), s.epochs(), null));
                        lock.heartbeat();
                        progress.epoch(m);
                    }
                });
                result = trainer.run();
            }
            if (result.sampleCount() > 0) {
                dir.writeSamples(SampleGrid.render(result.samples(), result.sampleCount(), dataset.spec().shape(),
                        dataset.spec().pixelOffset(), dataset.spec().pixelScale()));
            }
            new Predictions(data.testCount(), data.classes(), data.testLabels(), result.rawProbabilities(),
                    result.averageProbabilities()).write(dir.predictionsFile());
            EpochMetrics last = rows.get(rows.size() - 1);
            double seconds = rows.stream().mapToDouble(EpochMetrics::seconds).sum();
            dir.writeSummary(new Summary(spec.experiment(), spec.runId(), RunState.DONE, last.epoch(), s.epochs(),
                    last.testErrorsRaw(), last.testErrorsAverage(), last.testCount(), seconds,
                    seconds / rows.size(), last));
            dir.writeProvenance(provenance.ended(Instant.now().toString(), last.epoch()));
            dir.writeStatus(RunStatus.of(RunState.DONE, last.epoch(), s.epochs(), null));
            out.println(label + ": done, " + last.testErrorsAverage() + " test errors (averaged D), "
                    + last.testErrorsRaw() + " (raw D)");
            return RunState.DONE;
        } catch (DivergedException e) {
            if (provenance != null) {
                dir.writeProvenance(provenance.ended(Instant.now().toString(), e.epoch() - 1));
            }
            dir.writeStatus(RunStatus.of(RunState.DIVERGED, e.epoch() - 1, s.epochs(), e.getMessage()));
            out.println(label + ": diverged: " + e.getMessage());
            return RunState.DIVERGED;
        } catch (RuntimeException e) {
            dir.writeStatus(RunStatus.of(RunState.FAILED, rows.size(), s.epochs(), String.valueOf(e)));
            out.println(label + ": failed: " + e);
            return RunState.FAILED;
        }
    }

    static Map<String, Object> config(RunSpec spec) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("experiment", spec.experiment());
        config.put("run_id", spec.runId());
        config.put("index", spec.index());
        config.put("cell", spec.cell());
        config.put("settings", SettingsCodec.toMap(spec.settings()));
        return config;
    }
}
