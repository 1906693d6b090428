package ssgan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunLock;
import ssgan.results.RunState;
import ssgan.stats.RunLoader;
import ssgan.stats.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report says "running" only when the run's lock is held by a live process, the decision {@code ssgan status}
 * makes ({@link RunState#observed}); a status.json left saying running by a process that is gone reads "stopped at
 * epoch N" in the header counts, the runs table and the run page.
 */
class RunStateShownTest {
    @TempDir
    Path tmp;

    private RunDirectory run(Path results) {
        return FixtureResults.run(results, "exp", Map.of("labels", 100, "seed", 1, "epochs", 300), RunState.RUNNING,
                7, 1200, false);
    }

    private static RunResult only(Path results) {
        List<RunResult> runs = RunLoader.load(new ResultsStore(results), FixtureResults.facts()).runs();
        assertEquals(1, runs.size());
        return runs.get(0);
    }

    @Test
    void aRunningStatusWithoutALiveLockIsStoppedAtItsLastEpoch() throws IOException {
        Path results = tmp.resolve("results");
        RunDirectory dir = run(results);
        RunResult run = only(results);
        assertEquals(RunState.STOPPED, run.state());
        assertEquals("stopped at epoch 7", run.stateText());

        Path out = tmp.resolve("report");
        new ReportGenerator().generate(new ResultsStore(results), FixtureResults.paperTables(),
                FixtureResults.facts(), "experiments/paper", out);
        String index = Files.readString(out.resolve("index.html"));
        String page = Files.readString(out.resolve(Assets.runPage(run)));
        assertTrue(index.contains("stopped at epoch 7"), "runs table");
        assertFalse(index.contains(">running<") || index.contains("1 running"), "no running count or cell");
        assertTrue(page.contains("stopped at epoch 7"), "run page");
        assertFalse(page.contains("running"), "run page");
        // the fixture's provenance says it started on 1 January 2026, before fix 1d69336
        assertTrue(page.contains("trained before fix 1d69336: numbers may be affected; not a result of the method"),
                "known-defect mark on the run page");
        assertTrue(index.contains("Seed 1 trained before fix 1d69336: numbers may be affected"), "and in its cell");

        // a lock whose process is gone (a pid no live process has on this host) changes nothing
        Files.writeString(dir.lockFile(), "host-that-is-not-this-one 1");
        Files.setLastModifiedTime(dir.lockFile(), java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(RunState.STOPPED, only(results).state(), "a stale lock from another host");
    }

    @Test
    void aLiveLockKeepsItRunning() {
        Path results = tmp.resolve("results");
        RunDirectory dir = run(results);
        try (RunLock lock = RunLock.tryAcquire(dir.lockFile(), RunLock.DEFAULT_STALE_AFTER, tmp).orElseThrow()) {
            RunResult run = only(results);
            assertEquals(RunState.RUNNING, run.state());
            assertEquals("running", run.stateText());
        }
        assertEquals(RunState.STOPPED, only(results).state(), "released: stopped again");
    }

    @Test
    void onlyARecordedRunningStateDependsOnTheLock() {
        for (RunState s : RunState.values()) {
            for (RunLock.Held h : RunLock.Held.values()) {
                RunState shown = RunState.observed(s, h);
                assertEquals(s == RunState.RUNNING && h != RunLock.Held.LIVE ? RunState.STOPPED : s, shown, s + " " + h);
            }
        }
    }

    /**
     * A run before the fix whose every epoch a run trained after it repeats bit for bit is cleared: its page and its
     * cell name the witness, and it carries no mark.
     */
    @Test
    void aRunClearedOfTheDefectNamesItsWitness() throws IOException {
        Path results = tmp.resolve("cleared");
        RunDirectory old = FixtureResults.run(results, "mnist-cpu", Map.of("labels", 100, "seed", 1, "epochs", 7),
                RunState.DONE, 7, 300, false);
        RunDirectory twin = FixtureResults.run(results, "mnist-paper", Map.of("labels", 100, "seed", 1,
                "epochs", 300), RunState.RUNNING, 8, 300, false);   // a witness in progress: its record stands
        String kept = Files.readString(old.metricsFile());
        Files.writeString(twin.metricsFile(), kept + kept.lines().reduce((a, b) -> b).orElseThrow()
                .replace("\"epoch\":7", "\"epoch\":8") + "\n");   // the old run's 7 epochs, then one more
        Files.writeString(twin.provenanceFile(), Files.readString(twin.provenanceFile()).replace("2026-01-01",
                "2026-12-01"));   // trained after fix 1d69336
        List<RunResult> runs = RunLoader.load(new ResultsStore(results), FixtureResults.facts()).runs();
        RunResult cleared = runs.stream().filter(r -> r.experiment().equals("mnist-cpu")).findFirst().orElseThrow();
        assertEquals(List.of(), cleared.predatedFixes());

        Path out = tmp.resolve("report-cleared");
        new ReportGenerator().generate(new ResultsStore(results), FixtureResults.paperTables(),
                FixtureResults.facts(), "experiments/paper", out);
        String page = Files.readString(out.resolve(Assets.runPage(cleared)));
        String twinId = runs.stream().filter(r -> r.experiment().equals("mnist-paper")).findFirst().orElseThrow()
                .runId();
        assertTrue(page.contains("trained before fix 1d69336, but its 7 epoch(s) are bit-identical to those of "
                + "mnist-paper/" + twinId + ", trained after it: the fix did not change its numbers."), page);
        assertFalse(page.contains("numbers may be affected"), "no mark");
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("Seed 1 trained before fix 1d69336, but its 7 epoch(s)"), "and in its cell");
    }
}
