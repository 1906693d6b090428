package ssgan.results;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds a {@link RunLock}, as written in the lock file: {@code host pid [boot=<id>] [slurm=<cluster>:<job>]}.
 *
 * @param host     the kernel host name (not DNS: cluster nodes often resolve themselves to "localhost")
 * @param pid      the process id, meaningful on {@code host} only
 * @param boot     the kernel boot id, so a pid from before a reboot is not mistaken for a live one; null if unknown
 * @param slurmJob the Slurm job (cluster and job id) the process runs in, null outside Slurm. An array task keeps its
 *                 job id when it is requeued, so a lock with my own job id was left by my previous incarnation.
 */
public record LockOwner(String host, long pid, String boot, String slurmJob) {

    public static LockOwner current() {
        return fromEnvironment(System.getenv(), ProcessHandle.current().pid());
    }

    static LockOwner fromEnvironment(Map<String, String> env, long pid) {
        String job = env.get("SLURM_JOB_ID");
        String slurm = job == null || job.isBlank() ? null
                : env.getOrDefault("SLURM_CLUSTER_NAME", "slurm") + ":" + job;
        return new LockOwner(hostName(), pid, bootId(), slurm);
    }

    /** Empty for content that is not (yet) a lock owner: a lock file is created before its content is written. */
    public static Optional<LockOwner> parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length < 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String boot = null, slurm = null;
        for (int i = 2; i < parts.length; i++) {
            if (parts[i].startsWith("boot=")) {
                boot = parts[i].substring(5);
            } else if (parts[i].startsWith("slurm=")) {
                slurm = parts[i].substring(6);
            }
        }
        return Optional.of(new LockOwner(parts[0], pid, boot, slurm));
    }

    @Override
    public String toString() {
        return host + " " + pid + (boot != null ? " boot=" + boot : "") + (slurmJob != null ? " slurm=" + slurmJob : "");
    }

    static String hostName() {
        return readFirstLine(Path.of("/proc/sys/kernel/hostname")).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
            }
        });
    }

    private static String bootId() {
        return readFirstLine(Path.of("/proc/sys/kernel/random/boot_id")).orElse(null);
    }

    private static Optional<String> readFirstLine(Path file) {
        try {
            String s = Files.readString(file).trim();
            return s.isEmpty() || s.contains(" ") ? Optional.empty() : Optional.of(s);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
