package ssgan.results;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds a {@link RunLock}, as written in the lock file:
 * {@code host pid [boot=<id>] [slurm=<cluster>:<job>] [checkpoints=<url-encoded directory>]}.
 *
 * @param host     the kernel host name (not DNS: cluster nodes often resolve themselves to "localhost")
 * @param pid      the process id, meaningful on {@code host} only
 * @param boot     the kernel boot id, so a pid from before a reboot is not mistaken for a live one; null if unknown
 * @param slurmJob the Slurm job (cluster and job id) the process runs in, null outside Slurm. An array task keeps its
 *                 job id when it is requeued, so a lock with my own job id was left by my previous incarnation.
 * @param checkpoints where the holder writes the run's checkpoint, null if not said: {@code ssgan status} started
 *                    without the sweep's {@code --checkpoints} can then still find it
 */
public record LockOwner(String host, long pid, String boot, String slurmJob, Path checkpoints) {

    public static LockOwner current() {
        return fromEnvironment(System.getenv(), ProcessHandle.current().pid());
    }

    static LockOwner fromEnvironment(Map<String, String> env, long pid) {
        String job = env.get("SLURM_JOB_ID");
        String slurm = job == null || job.isBlank() ? null
                : env.getOrDefault("SLURM_CLUSTER_NAME", "slurm") + ":" + job;
        return new LockOwner(hostName(), pid, bootId(), slurm, null);
    }

    /** This owner, saying that it writes the run's checkpoint into {@code dir}. */
    public LockOwner writingCheckpointsTo(Path dir) {
        return new LockOwner(host, pid, boot, slurmJob, dir.toAbsolutePath().normalize());
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
        Path checkpoints = null;
        for (int i = 2; i < parts.length; i++) {
            if (parts[i].startsWith("boot=")) {
                boot = parts[i].substring(5);
            } else if (parts[i].startsWith("slurm=")) {
                slurm = parts[i].substring(6);
            } else if (parts[i].startsWith("checkpoints=")) {
                checkpoints = Path.of(URLDecoder.decode(parts[i].substring(12), StandardCharsets.UTF_8));
            }
        }
        return Optional.of(new LockOwner(parts[0], pid, boot, slurm, checkpoints));
    }

    /** For people: "pid 4242 on node-1". */
    public String describe() {
        return "pid " + pid + " on " + host;
    }

    @Override
    public String toString() {
        return host + " " + pid + (boot != null ? " boot=" + boot : "") + (slurmJob != null ? " slurm=" + slurmJob : "")
                + (checkpoints != null
                ? " checkpoints=" + URLEncoder.encode(checkpoints.toString(), StandardCharsets.UTF_8) : "");
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
