package ssgan.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.data.DataOptions;
import ssgan.data.DatasetCatalog;
import ssgan.experiment.ExperimentLoader;
import ssgan.experiment.RunSpec;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.results.RunStatus;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed sitting leaves its whole stack trace in failure.txt, which status.json names, until the next sitting. */
class RunFailureTest {
    private static final DatasetCatalog CATALOG = new DatasetCatalog(DatasetCatalog.defaultDataRoot());

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /** Runs {@code spec} with its datasets looked up under {@code dataRoot}. */
    private RunState execute(ResultsStore store, RunSpec spec, Path dataRoot) {
        return new RunExecutor(store, new DatasetCache(new DatasetCatalog(dataRoot), DataOptions.offline(null)),
                new PrintStream(log, true)).execute(spec);
    }

    private static RunSpec tinyRun(Path tmp) throws Exception {
        return ExperimentLoader.load(TinyExperiment.write(tmp, "tiny", 1, 2, "[1]"), List.of(), CATALOG::find)
                .runs().get(0);
    }

    /** A sitting that fails after it has begun: its data root is empty, so the dataset cannot be found. */
    private RunDirectory failedSitting(ResultsStore store, RunSpec spec, Path tmp) {
        assertEquals(RunState.FAILED, execute(store, spec, tmp.resolve("no-data")), log.toString());
        return store.run("tiny", spec.runId());
    }

    @Test
    void aFailedRunKeepsItsStackTraceInFailureTxtNamedByStatusJson(@TempDir Path tmp) throws Exception {
        RunDirectory dir = failedSitting(new ResultsStore(tmp.resolve("results")), tinyRun(tmp), tmp);
        RunStatus status = dir.readStatus().orElseThrow();
        assertEquals(RunState.FAILED, status.state());
        assertTrue(status.message().startsWith("ssgan.data.DataException: unknown dataset 'mnist'"), status.message());
        assertEquals("failure.txt", status.failure());
        String trace = Files.readString(dir.path().resolve(status.failure()));
        assertTrue(trace.startsWith(status.message()), trace);
        assertTrue(trace.contains("\tat ssgan.data.DatasetCatalog.get("), trace);
        assertTrue(trace.contains("\tat ssgan.runs.RunExecutor.execute("), trace);
        assertTrue(log.toString().contains(": failed: " + status.message()), "console unchanged: " + log);
    }

    /**
     * An Error (out of memory, say) is recorded like an exception, then thrown on: the JVM may be unfit for the
     * sweep's next run. Here the console's first write inside the sitting throws it, after the data has loaded.
     */
    @Test
    void anErrorIsRecordedInFailureTxtAndThrownOn(@TempDir Path tmp) throws Exception {
        ResultsStore store = new ResultsStore(tmp.resolve("results"));
        RunSpec spec = tinyRun(tmp);
        OutputStream failsOnce = new OutputStream() {
            private boolean failed;

            @Override
            public void write(int b) {
                if (!failed) {
                    failed = true;
                    throw new OutOfMemoryError("simulated");
                }
                log.write(b);
            }
        };
        RunExecutor executor = new RunExecutor(store, new DatasetCache(CATALOG, DataOptions.offline(null)),
                new PrintStream(failsOnce, true));
        OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> executor.execute(spec));
        assertEquals("simulated", thrown.getMessage());
        RunDirectory dir = store.run("tiny", spec.runId());
        RunStatus status = dir.readStatus().orElseThrow();
        assertEquals(RunState.FAILED, status.state());
        assertEquals("java.lang.OutOfMemoryError: simulated", status.message());
        String trace = Files.readString(dir.path().resolve(status.failure()));
        assertTrue(trace.startsWith(status.message()) && trace.contains("\tat ssgan.runs.Sitting.train("), trace);
    }

    @Test
    void theNextSittingRemovesTheStaleFailure(@TempDir Path tmp) throws Exception {
        RunSpec spec = tinyRun(tmp);
        ResultsStore store = new ResultsStore(tmp.resolve("results"));
        RunDirectory dir = failedSitting(store, spec, tmp);
        assertTrue(Files.exists(dir.failureFile()));

        assertEquals(RunState.DONE, execute(store, spec, CATALOG.dataRoot()), log.toString());
        assertFalse(Files.exists(dir.failureFile()), "failure.txt outlived the failure");
        assertNull(dir.readStatus().orElseThrow().failure());
        assertFalse(Files.readString(dir.statusFile()).contains("failure"), "only a failed status names the field");
    }

    @Test
    void aStatusJsonWrittenBeforeTheFailureFieldStillReads(@TempDir Path tmp) throws Exception {
        RunDirectory dir = new RunDirectory(tmp);
        Files.writeString(dir.statusFile(), """
                {
                  "state" : "FAILED",
                  "epochsDone" : 3,
                  "epochs" : 300,
                  "message" : "java.lang.IllegalStateException: boom",
                  "updated" : "2026-12-04T11:27:20.251954797Z"
                }""");
        RunStatus status = dir.readStatus().orElseThrow();
        assertEquals(new RunStatus(RunState.FAILED, 3, 300, "java.lang.IllegalStateException: boom",
                "2026-12-04T11:27:20.251954797Z"), status);
        assertNull(status.failure());
    }
}
