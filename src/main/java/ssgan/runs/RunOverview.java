package ssgan.runs;

import ssgan.results.LockOwner;
import ssgan.results.Provenance;
import ssgan.results.RunDirectory;
import ssgan.results.RunLock;
import ssgan.results.RunState;
import ssgan.results.RunStatus;
import ssgan.metrics.EpochMetrics;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One run as {@code ssgan status} shows it: its state and whether a live process holds it, its epoch, speed, ETA
 * and last test errors, and its checkpoint with what the next sitting would do. A run directory that a fresh
 * work tree lacks is shown from the copy of its record beside the checkpoint.
 *
 * @param label      experiment/run-id
 * @param condition  e.g. "running (pid 4242 on host)", "stopped (stale lock of pid 4242 on host)", "done"
 * @param state      the state in status.json (or its copy)
 * @param held       what its lock says
 * @param rows       the recorded epochs
 * @param epochs     the run's epoch budget, 0 when unknown
 * @param updated    when status.json was last written (the end of the last epoch while running), or null
 * @param sittings   processes that have worked on the run
 * @param restarts   restarts from epoch 0
 * @param checkpoint the checkpoint's description: its path and epoch, where it is missing, or why it is unreadable
 * @param next       what the next sitting does (null for finished runs)
 */
public record RunOverview(String label, String condition, RunState state, RunLock.Held held,
                          List<EpochMetrics> rows, int epochs,
                          Instant updated, int sittings, List<Provenance.Restart> restarts, String checkpoint,
                          ResumePoint next) {
    /** Epochs over which the speed is taken: recent enough to follow the host's phases, enough to smooth them. */
    static final int SPEED_WINDOW = 10;
    /** Finished runs stay in the default view this long. */
    public static final Duration RECENT = Duration.ofHours(24);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public static RunOverview of(String experiment, RunDirectory dir) {
        List<EpochMetrics> rows = dir.readMetricsOrCopy();
        boolean here = Files.exists(dir.statusFile());
        Optional<RunStatus> status = dir.readStatus().or(dir::readStatusCopy);
        RunState state = status.map(RunStatus::state).orElse(RunState.PENDING);
        Optional<Provenance> provenance = dir.readProvenance().or(dir::readProvenanceCopy);
        boolean finished = RunExecutor.finished(state);
        RunLock.Held held = RunLock.held(dir.lockFile());
        Optional<LockOwner> owner = RunLock.holder(dir.lockFile()).flatMap(LockOwner::parse);
        RunDirectory checkpointed = held == RunLock.Held.LIVE ? writtenBy(owner, dir) : dir;
        String checkpoint;
        ResumePoint next = null;
        try {
            int epochs = ResumePoint.checkpointEpochs(checkpointed);
            checkpoint = checkpointed.findCheckpoint().map(p -> p + " (epoch " + epochs + ")")
                    .orElse((finished ? "none at " : "none yet at ") + checkpointed.checkpointFile()
                            + (finished ? " (not needed: the run is finished)" : ""));
            next = finished ? null : ResumePoint.of(rows.size(), epochs);
        } catch (UncheckedIOException e) {
            checkpoint = "unreadable: " + e.getMessage();
        }
        return new RunOverview(experiment + "/" + dir.runId(), condition(owner, held, state, status, here, next),
                state, held, rows, status.map(RunStatus::epochs).orElse(0),
                status.map(s -> s.updated() == null ? null : Instant.parse(s.updated())).orElse(null),
                provenance.map(Provenance::sittings).orElse(0),
                provenance.map(Provenance::restartList).orElse(List.of()), checkpoint, next);
    }

    /**
     * The run as its live process sees it: its lock says where it writes the checkpoint, which differs from this
     * store's place when status was started without the sweep's {@code --checkpoints}.
     */
    private static RunDirectory writtenBy(Optional<LockOwner> owner, RunDirectory dir) {
        return owner.map(LockOwner::checkpoints)
                .filter(c -> !c.equals(dir.checkpointDir().toAbsolutePath().normalize()))
                .map(c -> new RunDirectory(dir.path(), c)).orElse(dir);
    }

    private static String condition(Optional<LockOwner> owner, RunLock.Held held, RunState state,
                                    Optional<RunStatus> status, boolean here, ResumePoint next) {
        String holder = owner.map(LockOwner::describe).orElse("unknown process");
        if (held == RunLock.Held.LIVE) {
            return "running (" + holder + ")";
        }
        String then = next == null ? "" : "; next sitting " + next.describe();
        if (!here && (status.isPresent() || next != null && next.kind() != ResumePoint.Kind.FRESH)) {
            return "stopped, not in this work tree (its record is beside the checkpoint)" + then;
        }
        String message = status.map(RunStatus::message).filter(m -> m != null).map(m -> ": " + m).orElse("");
        return switch (state) {
            case RUNNING -> "stopped (" + (held == RunLock.Held.STALE ? "stale lock of " + holder : "no process")
                    + ")" + then;
            case FAILED -> "failed" + message + then;
            case DIVERGED -> "diverged" + message;
            default -> state.label() + then;
        };
    }

    public boolean running() {
        return RunState.observed(RunState.RUNNING, held) == RunState.RUNNING;
    }

    /** Shown by default: unfinished runs, and finished ones updated within {@link #RECENT}. */
    public boolean recent(Instant now) {
        return !RunExecutor.finished(state) || updated == null || updated.plus(RECENT).isAfter(now);
    }

    /** Median wall seconds of the last {@link #SPEED_WINDOW} epochs, NaN without any. */
    public double secondsPerEpoch() {
        double[] s = rows.subList(Math.max(0, rows.size() - SPEED_WINDOW), rows.size()).stream()
                .mapToDouble(EpochMetrics::seconds).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Training time left at the current speed. */
    public Optional<Duration> remaining() {
        double perEpoch = secondsPerEpoch();
        if (Double.isNaN(perEpoch) || epochs == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.round(Math.max(0, epochs - rows.size()) * perEpoch)));
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(label + ": " + condition);
        StringBuilder progress = new StringBuilder("  epoch " + rows.size() + "/" + (epochs == 0 ? "?" : epochs));
        if (!rows.isEmpty()) {
            progress.append(String.format(Locale.ROOT, ", %.1f s/epoch (median of the last %d)", secondsPerEpoch(),
                    Math.min(SPEED_WINDOW, rows.size())));
        }
        if (!RunExecutor.finished(state)) {
            remaining().ifPresent(left -> progress.append(running() && updated != null
                    ? String.format(Locale.ROOT, ", ETA %s (about %s)", hours(left), CLOCK.format(updated.plus(left)))
                    : ", " + hours(left) + " of training left"));
        }
        progress.append(", sittings ").append(sittings);
        out.add(progress.toString());
        if (!rows.isEmpty()) {
            EpochMetrics last = rows.get(rows.size() - 1);
            out.add(String.format(Locale.ROOT, "  test errors at epoch %d: %d raw D, %d averaged D (of %d)",
                    last.epoch(), last.testErrorsRaw(), last.testErrorsAverage(), last.testCount()));
        }
        for (Provenance.Restart r : restarts) {
            out.add("  restarted " + r.at() + ": " + r.reason() + "; lost metrics in " + r.metricsKept());
        }
        out.add("  checkpoint " + checkpoint);
        return out;
    }

    private static String hours(Duration d) {
        return d.toMinutes() < 60 ? d.toMinutes() + " min"
                : String.format(Locale.ROOT, "%.1f h", d.toSeconds() / 3600.0);
    }
}
