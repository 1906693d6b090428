package ssgan.cli;

import picocli.CommandLine.Option;
import ssgan.data.DataOptions;
import ssgan.data.DatasetCatalog;
import ssgan.results.ResultsStore;
import ssgan.runs.DatasetCache;

import java.nio.file.Path;

/** Options every command that touches runs shares. */
final class CommonOptions {
    /**
     * Measured on the 2-core development machine (docs/performance.md): 2 intra-op threads are about 1.5x faster than
     * 1 on a quiet machine, but PyTorch's spinning workers collapse when another process holds a core. 2 is the
     * default; use --threads 1 when the machine is shared.
     */
    static final int DEFAULT_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());
    static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    @Option(names = "--results", description = "Results root (default: ${DEFAULT-VALUE}).", defaultValue = "results")
    Path results;

    @Option(names = "--checkpoints", description = "Keep checkpoints in DIR/<experiment>/<run-id>/checkpoint.bin, "
            + "e.g. outside the work tree (default: $SSGAN_CHECKPOINTS, else checkpoint/ in each run directory).")
    Path checkpoints;

    @Option(names = "--data", description = "Dataset root holding <name>/dataset.yaml (default: $SSGAN_DATA or data).")
    Path data;

    @Option(names = "--threads", description = "PyTorch intra-op threads (default: $SSGAN_THREADS or "
            + "min(2, cores)).")
    Integer threads;

    @Option(names = "--allow-download", description = "Download missing dataset files from their mirrors "
            + "(also SSGAN_ALLOW_DOWNLOAD=1).")
    boolean allowDownload;

    DatasetCatalog catalog() {
        return new DatasetCatalog(data != null ? data : DatasetCatalog.defaultDataRoot());
    }

    ResultsStore store() {
        return new ResultsStore(results, checkpointsRoot());
    }

    /** --checkpoints, else $SSGAN_CHECKPOINTS, else null (checkpoints inside the run directories). */
    Path checkpointsRoot() {
        String env = System.getenv("SSGAN_CHECKPOINTS");
        return checkpoints != null ? checkpoints : env != null && !env.isBlank() ? Path.of(env) : null;
    }

    DatasetCache datasets() {
        DataOptions options = DataOptions.fromEnvironment();
        return new DatasetCache(catalog(), allowDownload ? options.withAllowDownload(true) : options);
    }

    /**
     * Must run before the engine loads: PyTorch reads its thread counts once. --threads, else $SSGAN_THREADS, else a
     * thread count the JVM was started with (-Dai.djl.pytorch.num_threads, as the test suite does, so that an
     * in-process command cannot change the threads of the tests that follow it), else the default.
     */
    void configureEngine() {
        String env = System.getenv("SSGAN_THREADS");
        String n = threads != null ? threads.toString()
                : env != null ? Integer.toString(Integer.parseInt(env))
                : System.getProperty(THREADS_PROPERTY, Integer.toString(DEFAULT_THREADS));
        System.setProperty(THREADS_PROPERTY, n);
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
