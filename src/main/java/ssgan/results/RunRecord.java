package ssgan.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import ssgan.metrics.EpochMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The files of a run's record that its figures rest on, each read on its own, so that a damaged file costs only
 * itself: a cut metrics line loses that line, an unreadable provenance.json, summary.json or checksums.json is read
 * as absent, and each is named in {@code damage}. status.json says what the run is; without it there is nothing to
 * judge, so {@link #read} throws when it cannot be read.
 *
 * @param status     null for a run that never started
 * @param summary    null when absent or unreadable
 * @param provenance null when absent or unreadable
 * @param checksums  null when absent or unreadable
 */
public record RunRecord(List<EpochMetrics> metrics, RunStatus status, Summary summary, Provenance provenance,
                        RecordChecksums checksums, List<String> damage) {

    public static RunRecord read(RunDirectory dir) {
        List<String> damage = new ArrayList<>();
        IntactMetrics metrics = IntactMetrics.read(dir.metricsFile());
        metrics.damage().ifPresent(damage::add);
        RunStatus status = dir.readStatus().orElse(null);
        if (status != null && status.state() == null) {
            throw new IllegalArgumentException("status.json names no state");
        }
        Summary summary = orNull(dir::readSummary, "summary.json", "", damage);
        Provenance provenance = orNull(dir::readProvenance, "provenance.json", "; shown without its provenance",
                damage);
        RecordChecksums checksums = orNull(dir::readChecksums, "checksums.json", "; its files cannot be verified",
                damage);
        return new RunRecord(metrics.rows(), status, summary, provenance, checksums, List.copyOf(damage));
    }

    /**
     * Why the record cannot stand for the run: what contradicts what ({@link RecordCheck}), then each sealed file
     * that changed since it was sealed; empty when the record may enter statistics.
     *
     * @param budget the epochs its config.yaml asks for, or null when not known
     */
    public List<String> faults(RunDirectory dir, Integer budget) {
        List<String> out = new ArrayList<>(contradictions(budget));
        out.addAll(changes(dir));
        return out;
    }

    /** What contradicts what in the record ({@link RecordCheck}). */
    public List<String> contradictions(Integer budget) {
        return RecordCheck.of(metrics, status, summary, budget);
    }

    /** The sealed files that changed or went since they were sealed; none when never sealed. */
    public List<String> changes(RunDirectory dir) {
        return checksums == null ? List.of() : checksums.changes(dir);
    }

    public boolean done() {
        return status != null && status.state() == RunState.DONE;
    }

    private static <T> T orNull(Supplier<Optional<T>> read, String name, String consequence, List<String> damage) {
        try {
            return read.get().orElse(null);
        } catch (RuntimeException e) {
            damage.add(name + " unreadable (" + reason(e) + ")" + consequence);
            return null;
        }
    }

    /** Jackson's own message, without the file and position it appends (the name says which file). */
    public static String reason(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String text = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
        String first = text == null ? cause.getClass().getSimpleName() : text.lines().findFirst().orElse("").strip();
        return first.length() > 160 ? first.substring(0, 159) + "…" : first;
    }
}
