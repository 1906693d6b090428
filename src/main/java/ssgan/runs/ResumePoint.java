package ssgan.runs;

import ssgan.results.RunDirectory;
import ssgan.train.CheckpointFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the next sitting of a run starts, from the epochs its record (metrics.jsonl) holds and the epochs its
 * checkpoint holds. The rule keeps metrics.jsonl the record of one training: a run continues only from a
 * checkpoint whose epochs are all recorded, and the record never mixes epochs of two trainings.
 *
 * @param recorded   epochs in metrics.jsonl
 * @param checkpoint epochs in the checkpoint, 0 without one
 */
public record ResumePoint(Kind kind, int recorded, int checkpoint) {
    public enum Kind {
        /** Nothing recorded, no checkpoint. */
        FRESH,
        /** Continue after the checkpoint's epoch; recorded epochs after it are trained again (identically). */
        RESUME,
        /** Epochs recorded but no checkpoint (lost with a machine or a work tree): start again from epoch 0. */
        RESTART,
        /**
         * A checkpoint ahead of the record: the metrics of its last epochs are missing, so neither resuming nor
         * discarding the checkpoint is safe without a person deciding.
         */
        INCONSISTENT
    }

    public static ResumePoint of(int recorded, int checkpoint) {
        Kind kind = checkpoint == 0 ? (recorded == 0 ? Kind.FRESH : Kind.RESTART)
                : checkpoint <= recorded ? Kind.RESUME : Kind.INCONSISTENT;
        return new ResumePoint(kind, recorded, checkpoint);
    }

    /** Epochs held by the checkpoint the run directory finds (its header only is read); 0 without one. */
    public static int checkpointEpochs(RunDirectory dir) {
        Optional<Path> file = dir.findCheckpoint();
        if (file.isEmpty()) {
            return 0;
        }
        try (var in = Files.newInputStream(file.get())) {
            return CheckpointFormat.epochs(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.get() + ": " + e.getMessage(), e);
        }
    }

    /** What the next sitting does, in words (for logs and {@code ssgan status}). */
    public String describe() {
        return switch (kind) {
            case FRESH -> "starts at epoch 1";
            case RESUME -> "resumes after epoch " + checkpoint;
            case RESTART -> "restarts from epoch 0: checkpoint lost at epoch " + recorded;
            case INCONSISTENT -> "cannot resume: the checkpoint holds " + checkpoint + " epochs but metrics.jsonl only "
                    + recorded;
        };
    }
}
