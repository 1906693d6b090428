package ssgan.runs;

import ssgan.results.Provenance;
import ssgan.results.RunDirectory;
import ssgan.results.RunStatus;
import ssgan.metrics.EpochMetrics;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Prepares a run directory for its next sitting, before anything is trained: recovers the record (metrics and
 * provenance) from the copy beside the checkpoint when the run directory has less of it (a fresh work tree), then
 * applies the {@link ResumePoint} rule. A restart sets the abandoned metrics aside and records the restart in
 * provenance.json at once, so it is never lost, whatever happens to the sitting afterwards.
 *
 * @param point    what the sitting does
 * @param rows     the metrics it continues (the first {@code point.checkpoint()} epochs; none on a restart)
 * @param previous    the provenance the last sitting left (with this sitting's restart, if any); empty for a new run
 * @param previousEnd the last sitting's last status: when it last recorded progress, and its epochs then
 * @param restarts    the run's restarts so far, this sitting's included
 */
record Resumption(ResumePoint point, List<EpochMetrics> rows, Optional<Provenance> previous,
                  Optional<RunStatus> previousEnd, List<Provenance.Restart> restarts) {

    static Resumption prepare(RunDirectory dir, String label, PrintStream out) {
        List<EpochMetrics> rows = dir.readMetricsOrCopy();
        Optional<Provenance> provenance = dir.readProvenance();
        boolean recovered = rows.size() > dir.readMetrics().size();
        Optional<RunStatus> previousEnd = recovered ? dir.readStatusCopy().or(dir::readStatus)
                : dir.readStatus().or(dir::readStatusCopy);
        if (recovered) {
            dir.writeMetrics(rows);
            provenance = dir.readProvenanceCopy().or(() -> dir.readProvenance());
            provenance.ifPresent(dir::writeProvenance);
            out.println(label + ": recovered the metrics of epochs 1-" + rows.size() + " from "
                    + dir.metricsCopyFile());
        }
        ResumePoint point = ResumePoint.of(rows.size(), ResumePoint.checkpointEpochs(dir));
        List<Provenance.Restart> restarts = provenance.map(Provenance::restartList).orElse(List.of());
        switch (point.kind()) {
            case RESUME -> {
                if (rows.size() > point.checkpoint()) { // epochs after the checkpoint are trained again
                    rows = List.copyOf(rows.subList(0, point.checkpoint()));
                    dir.writeMetrics(rows);
                }
            }
            case RESTART -> {
                String kept = dir.setMetricsAside(restarts.size() + 1);
                Provenance.Restart restart = new Provenance.Restart(Instant.now().toString(), point.recorded(),
                        "checkpoint lost at epoch " + point.recorded() + " (not found at " + dir.checkpointFile()
                                + ")", kept);
                restarts = append(restarts, restart);
                List<Provenance.Restart> all = restarts;
                provenance = provenance.map(p -> p.withRestarts(all));
                provenance.ifPresent(dir::writeProvenance);
                deleteCopies(dir); // they describe the abandoned training and must not be recovered later
                rows = List.of();
                out.println(label + ": " + point.describe() + " (not found at " + dir.checkpointFile()
                        + "); the metrics of the lost epochs are kept in " + kept);
            }
            default -> { }
        }
        return new Resumption(point, rows, provenance, previousEnd, restarts);
    }

    /** The sittings before this one. */
    int sittings() {
        return previous.map(Provenance::sittings).orElse(0);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> all = new java.util.ArrayList<>(list);
        all.add(item);
        return List.copyOf(all);
    }

    /** Why a sitting cannot start, with what to do about it (for INCONSISTENT). */
    String problem(RunDirectory dir) {
        return point.describe() + " (checkpoint " + dir.findCheckpoint().map(Object::toString).orElse("?")
                + ", metrics " + dir.metricsFile() + "); restore the run's metrics.jsonl and provenance.json, or "
                + "delete the checkpoint to restart the run from epoch 0";
    }

    private static void deleteCopies(RunDirectory dir) {
        try {
            Files.deleteIfExists(dir.metricsCopyFile());
            Files.deleteIfExists(dir.provenanceCopyFile());
            Files.deleteIfExists(dir.statusCopyFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the record copy in " + dir.checkpointDir(), e);
        }
    }
}
