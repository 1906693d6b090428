package ssgan.results;

import java.util.List;
import java.util.Map;

/**
 * provenance.json: everything needed to trace a number in the report back to how it was made. Written when a run
 * starts (or resumes) and again when it ends; {@code sittings} counts the processes that worked on it,
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
        List<Restart> restarts) {

    /**
     * A restart from epoch 0 because the training could not be continued.
     *
     * @param at          when it was decided
     * @param epochsLost  the epochs of the abandoned training
     * @param reason      why, e.g. "checkpoint lost at epoch 37"
     * @param metricsKept the file (in the run directory) that keeps the abandoned training's metrics
     */
    public record Restart(String at, int epochsLost, String reason, String metricsKept) {}

    public List<Restart> restartList() {
        return restarts == null ? List.of() : restarts;
    }

    public Provenance withRestarts(List<Restart> all) {
        return new Provenance(gitCommit, gitDirty, java, djl, engine, engineVersion, os, host, cpu, cpuCores, device,
                gpu, intraOpThreads, interOpThreads, dataChecksums, startedAt, endedAt, sittings, checkpoint,
                List.copyOf(all));
    }

    public Provenance ended(String at) {
        return new Provenance(gitCommit, gitDirty, java, djl, engine, engineVersion, os, host, cpu, cpuCores, device,
                gpu, intraOpThreads, interOpThreads, dataChecksums, startedAt, at, sittings, checkpoint, restarts);
    }
}
