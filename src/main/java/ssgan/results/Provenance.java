package ssgan.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * provenance.json: everything needed to trace a number in the report back to how it was made. Written when a run
 * starts (or resumes) and again when it ends. The top-level facts are those of the latest sitting;
 * {@code sittings} counts the processes that worked on the run and {@code history} says what each did under which
 * code, since a long run may be resumed by a later commit (null in files written before the history was kept, and
 * shorter than {@code sittings} in a run that began then: read it through {@link #sittingList()}).
 * {@code checkpoint} is where the run's checkpoint file lives (it may be outside the run directory), and
 * {@code restarts} lists every time the run had to start again from epoch 0 (null in files written before
 * restarts were recorded: read it through {@link #restartList()}).
 */
public record Provenance(
        String gitCommit,
        boolean gitDirty,
        String java,
        String djl,
        String engine,
        String engineVersion,
        String os,
        String host,
        String cpu,
        int cpuCores,
        String device,
        String gpu,
        int intraOpThreads,
        int interOpThreads,
        Map<String, String> dataChecksums,
        String startedAt,
        String endedAt,
        int sittings,
        String checkpoint,
        List<Restart> restarts,
        List<Sitting> history) {

    /**
     * A restart from epoch 0 because the training could not be continued.
     *
     * @param at          when it was decided
     * @param epochsLost  the epochs of the abandoned training
     * @param reason      why, e.g. "checkpoint lost at epoch 37"
     * @param metricsKept the file (in the run directory) that keeps the abandoned training's metrics
     */
    public record Restart(String at, int epochsLost, String reason, String metricsKept) {}

    /**
     * One process's work on the run.
     *
     * @param startedAt when it started
     * @param endedAt   when it finished the run or, for a sitting that was stopped, when it last recorded its
     *                  progress; null while it works
     * @param fromEpoch the epochs done when it started (0: from scratch); null when unknown (a sitting recorded
     *                  only by the top-level facts of an older file)
     * @param toEpoch   the epochs done when it ended; null while it works. A sitting stopped between recording an
     *                  epoch and checkpointing it ends one epoch after the next sitting's {@code fromEpoch}: that
     *                  epoch was trained again.
     */
    public record Sitting(String startedAt, String endedAt, Integer fromEpoch, Integer toEpoch, String gitCommit,
                          boolean gitDirty, String host, String device, int intraOpThreads, String engineVersion) {
        Sitting ended(String at, int epochs) {
            return new Sitting(startedAt, at, fromEpoch, epochs, gitCommit, gitDirty, host, device, intraOpThreads,
                    engineVersion);
        }

        public boolean open() {
            return toEpoch == null;
        }
    }

    public List<Restart> restartList() {
        return restarts == null ? List.of() : restarts;
    }

    /** The recorded sittings, oldest first; the first {@link #unrecordedSittings()} are missing. */
    public List<Sitting> sittingList() {
        return history == null ? List.of() : history;
    }

    /** Sittings that predate the history (a run begun by an older version). */
    public int unrecordedSittings() {
        return Math.max(0, sittings - sittingList().size());
    }

    /** A commit as the report shows it: its first 10 characters ("unknown" when none was recorded). */
    public static String shortCommit(String commit) {
        return commit == null ? "unknown" : commit.substring(0, Math.min(10, commit.length()));
    }

    /** "6dcff6c9a7 (modified)": the short commit, marked where the work tree differed from it. */
    public static String commitLabel(String commit, boolean modified) {
        return shortCommit(commit) + (modified ? " (modified)" : "");
    }

    /** Whether the sittings were run by more than one commit (or by a modified work tree). */
    public boolean mixedCode() {
        return sittingList().stream().map(s -> s.gitCommit() + (s.gitDirty() ? "+" : "")).distinct().count() > 1;
    }

    public Provenance withRestarts(List<Restart> all) {
        return new Provenance(gitCommit, gitDirty, java, djl, engine, engineVersion, os, host, cpu, cpuCores, device,
                gpu, intraOpThreads, interOpThreads, dataChecksums, startedAt, endedAt, sittings, checkpoint,
                List.copyOf(all), history);
    }

    /**
     * This sitting's provenance carrying the run's history on: the previous sitting, closed at its last recorded
     * progress if it was stopped, then this one, starting after {@code fromEpoch} epochs.
     *
     * @param previous     the provenance the last sitting left (empty for a new run)
     * @param previousEnd  when the last sitting last recorded its progress, and how many epochs it had done then
     */
    public Provenance following(Optional<Provenance> previous, Optional<RunStatus> previousEnd,
                                int fromEpoch) {
        List<Sitting> all = new ArrayList<>();
        previous.ifPresent(p -> {
            all.addAll(p.sittingList());
            if (all.isEmpty() && p.sittings() > 0) { // an older file: its top-level facts are its last sitting's
                all.add(new Sitting(p.startedAt(), p.endedAt(), null, null, p.gitCommit(), p.gitDirty(), p.host(),
                        p.device(), p.intraOpThreads(), p.engineVersion()));
            }
            int last = all.size() - 1;
            if (last >= 0 && all.get(last).open()) {
                all.set(last, previousEnd.map(s -> all.get(last).ended(s.updated(), s.epochsDone()))
                        .orElse(all.get(last)));
            }
        });
        all.add(new Sitting(startedAt, null, fromEpoch, null, gitCommit, gitDirty, host, device, intraOpThreads,
                engineVersion));
        return withHistory(all);
    }

    /** The run finished at {@code at} after {@code epochs} epochs: closes this sitting. */
    public Provenance ended(String at, int epochs) {
        List<Sitting> all = new ArrayList<>(sittingList());
        if (!all.isEmpty() && all.get(all.size() - 1).open()) {
            all.set(all.size() - 1, all.get(all.size() - 1).ended(at, epochs));
        }
        return new Provenance(gitCommit, gitDirty, java, djl, engine, engineVersion, os, host, cpu, cpuCores, device,
                gpu, intraOpThreads, interOpThreads, dataChecksums, startedAt, at, sittings, checkpoint, restarts,
                history == null ? null : List.copyOf(all));
    }

    private Provenance withHistory(List<Sitting> all) {
        return new Provenance(gitCommit, gitDirty, java, djl, engine, engineVersion, os, host, cpu, cpuCores, device,
                gpu, intraOpThreads, interOpThreads, dataChecksums, startedAt, endedAt, sittings, checkpoint,
                restarts, List.copyOf(all));
    }
}
