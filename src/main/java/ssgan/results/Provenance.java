package ssgan.results;

import java.util.Map;

/**
 * provenance.json: everything needed to trace a number in the report back to how it was made. Written when a run
 * starts (or resumes) and again when it ends; {@code sittings} counts the processes that worked on it.
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
        int sittings) {

    public Provenance ended(String at) {
        return new Provenance(gitCommit, gitDirty, java, djl, engine, engineVersion, os, host, cpu, cpuCores, device,
                gpu, intraOpThreads, interOpThreads, dataChecksums, startedAt, at, sittings);
    }
}
