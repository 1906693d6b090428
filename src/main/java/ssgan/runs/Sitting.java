package ssgan.runs;

import ssgan.config.Settings;
import ssgan.config.SettingsCodec;
import ssgan.data.Dataset;
import ssgan.experiment.RunSpec;
import ssgan.metrics.EpochMetrics;
import ssgan.results.Predictions;
import ssgan.results.Provenance;
import ssgan.results.RunDirectory;
import ssgan.results.RunLock;
import ssgan.results.RunState;
import ssgan.results.RunStatus;
import ssgan.results.Summary;
import ssgan.train.DivergedException;
import ssgan.train.Trainer;
import ssgan.train.TrainingData;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sitting of one run, under the run's lock: {@link #begin} records what is about to run, {@link #train} trains
 * the remaining epochs, and exactly one ending records how it went: {@link #complete}, {@link #diverged} or
 * {@link #failed}. Each ending returns the run's new state.
 */
final class Sitting {
    private final RunSpec spec;
    private final Settings s;
    private final RunDirectory dir;
    private final String label;
    private final PrintStream out;
    /** The run's record: the epochs this sitting continues, then each epoch as it is trained. */
    private final List<EpochMetrics> rows = new ArrayList<>();
    // set by begin; only complete, which always follows it, relies on them
    private Dataset dataset;
    private TrainingData data;
    private Provenance provenance;

    Sitting(RunSpec spec, RunDirectory dir, String label, PrintStream out) {
        this.spec = spec;
        this.s = spec.settings();
        this.dir = dir;
        this.label = label;
        this.out = out;
    }

    /**
     * Config, the resumption (recovery, restart), provenance with this sitting, status RUNNING (the last sitting's
     * failure.txt goes with the status that named it), the data.
     */
    void begin(DatasetCache datasets) {
        dir.writeConfig(config(spec));
        Resumption resumption = Resumption.prepare(dir, label, out);
        rows.addAll(resumption.rows());
        if (resumption.point().kind() == ResumePoint.Kind.INCONSISTENT) {
            throw new IllegalStateException(resumption.problem(dir));
        }
        dataset = datasets.get(s.dataset());
        provenance = ProvenanceCollector.collect(dataset.checksums(), resumption.sittings() + 1,
                dir.checkpointFile().toAbsolutePath().toString(), resumption.restarts())
                .following(resumption.previous(), resumption.previousEnd(), rows.size());
        dir.writeProvenance(provenance);
        dir.writeStatus(RunStatus.of(RunState.RUNNING, rows.size(), s.epochs(), null));
        dir.deleteFailure(); // after the status that named it: status.json never names a missing file
        data = TrainingDataFactory.create(dataset, s);
    }

    /** Trains from the checkpoint (if any) to the last epoch, recording every epoch as it ends. */
    Trainer.Result train(RunLock lock) throws DivergedException {
        try (Progress progress = Progress.create(label, s.epochs(), rows.size(), Trainer.iterationsPerEpoch(s, data),
                out)) {
            out.println(label + (rows.isEmpty() ? ": starting" : ": resuming after epoch " + rows.size())
                    + " (" + s.epochs() + " epochs, " + s.labels() + " labels, seed " + s.seed() + ")");
            Trainer trainer = new Trainer(s, data, Trainer.CheckpointStore.of(dir::readCheckpoint,
                    dir::writeCheckpoint), new EpochRecorder(dir, rows, s.epochs(), lock, progress));
            return trainer.run();
        }
    }

    /**
     * Samples, predictions, summary and the checksums that seal them; provenance and status last, so DONE means
     * everything is there.
     */
    RunState complete(Trainer.Result result) {
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
        dir.writeChecksums("run");
        dir.writeProvenance(provenance.ended(Instant.now().toString(), last.epoch()));
        dir.writeStatus(RunStatus.of(RunState.DONE, last.epoch(), s.epochs(), null));
        out.println(label + ": done, " + last.testErrorsAverage() + " test errors (averaged D), "
                + last.testErrorsRaw() + " (raw D)");
        return RunState.DONE;
    }

    /** The sitting ends at the last epoch before the one that diverged. */
    RunState diverged(DivergedException e) {
        if (provenance != null) {
            dir.writeProvenance(provenance.ended(Instant.now().toString(), e.epoch() - 1));
        }
        dir.writeStatus(RunStatus.of(RunState.DIVERGED, e.epoch() - 1, s.epochs(), e.getMessage()));
        out.println(label + ": diverged: " + e.getMessage());
        return RunState.DIVERGED;
    }

    /** The stack trace goes to failure.txt, which status.json names; a failed run resumes at its next sitting. */
    RunState failed(Throwable e) {
        dir.writeFailure(e);
        dir.writeStatus(RunStatus.failed(rows.size(), s.epochs(), String.valueOf(e),
                dir.failureFile().getFileName().toString()));
        out.println(label + ": failed: " + e);
        return RunState.FAILED;
    }

    /** config.yaml: the run's identity and its fully resolved settings. */
    private static Map<String, Object> config(RunSpec spec) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("experiment", spec.experiment());
        config.put("run_id", spec.runId());
        config.put("index", spec.index());
        config.put("cell", spec.cell());
        config.put("settings", SettingsCodec.toMap(spec.settings()));
        return config;
    }
}
