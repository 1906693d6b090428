package ssgan.runs;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import ssgan.results.Provenance;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Reads the facts a result must carry: code version, software versions, hardware, threads, data checksums. */
final class ProvenanceCollector {
    private ProvenanceCollector() {}

    static Provenance collect(Map<String, String> dataChecksums, int sittings, String checkpoint,
                              List<Provenance.Restart> restarts) {
        Engine engine = Engine.getInstance();
        Device device = engine.defaultDevice();
        Path here = Path.of("");
        return new Provenance(commit(), codeModified(here),
                System.getProperty("java.vm.name") + " " + Runtime.version(), Engine.getDjlVersion(),
                engine.getEngineName(), engine.getVersion(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                hostName(), cpuModel(), Runtime.getRuntime().availableProcessors(), device.toString(),
                device.isGpu() ? gpuName(device) : "none",
                JniUtils.getNumThreads(), JniUtils.getNumInteropThreads(), dataChecksums,
                Instant.now().toString(), null, sittings, checkpoint, restarts, null);
    }

    /** The checked-out commit, or "unknown" outside a checkout. */
    static String commit() {
        String commit = git(Path.of(""), "rev-parse", "HEAD");
        return commit == null ? "unknown" : commit.trim();
    }

    private static String gpuName(Device device) {
        try {
            return CudaUtils.getComputeCapability(device.getDeviceId()) == null ? "gpu"
                    : "CUDA compute capability " + CudaUtils.getComputeCapability(device.getDeviceId());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return "gpu";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Whether tracked files differ from the commit, outputs aside: {@code results/} and {@code report/} change with
     * every epoch of a run in progress (its own record among them), which says nothing about the code that trains.
     */
    static boolean codeModified(Path checkout) {
        String status = git(checkout, "status", "--porcelain", "--untracked-files=no", "--", ":/",
                ":(top,exclude)results", ":(top,exclude)report");
        return status != null && !status.isBlank();
    }

    /** Output of a git command run in {@code dir}, or null outside a checkout. */
    private static String git(Path dir, String... args) {
        try {
            String[] cmd = new String[args.length + 1];
            cmd[0] = "git";
            System.arraycopy(args, 0, cmd, 1, args.length);
            Process p = new ProcessBuilder(cmd).directory(dir.toAbsolutePath().toFile()).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
