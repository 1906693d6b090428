package ssgan.report;

import org.junit.jupiter.api.Test;
import ssgan.config.SettingsCodec;
import ssgan.data.ErrorUnit;
import ssgan.results.Provenance;
import ssgan.results.Replay;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.stats.CellKey;
import ssgan.stats.RunHealth;
import ssgan.stats.RunResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The run page's restarts and the index's cell notes on them, from a committed restarted run. */
class RunPageRestartsTest {
    private static final Path RUN = Path.of("results/mnist-paper/labels20-seed1-ed5264c678");

    @Test
    void runPageListsTheRestartWithItsReplay() {
        RunDirectory dir = new RunDirectory(RUN);
        RunPage.Restarts r = RunPage.restarts(Replay.of(dir, dir.readProvenance().orElseThrow()));
        assertEquals(1, r.rows().size());
        RunPage.RestartRow row = r.rows().get(0);
        assertEquals("2026-12-04T03:15:42Z", row.at());
        assertEquals("12", row.epochsLost());
        assertEquals("metrics-lost-1.jsonl", row.kept());
        assertEquals("replayed epochs 1-12 bit-identical to the kept record", row.replay());
        assertFalse(row.differs());
        assertEquals(true, row.reason().startsWith("checkpoint lost at epoch 12 (not found at "), row.reason());
    }

    @Test
    void cellNotesSayOneLinePerRestartedRun() {
        Provenance p = new RunDirectory(RUN).readProvenance().orElseThrow();
        RunResult run = new RunResult("mnist-paper", "labels20-seed1", "ed5264c678", RUN,
                SettingsCodec.fromMap(Map.of("seed", 1)),
                new CellKey("mnist", 20, "faithful", 300, ErrorUnit.ERRORS_OUT_OF_10000), RunState.DONE, 300, 300,
                null, List.of(), p, null, 0, RunHealth.UNKNOWN);
        RunResult never = new RunResult("mnist-paper", "labels20-seed2", "x", RUN,
                SettingsCodec.fromMap(Map.of("seed", 2)), run.cell(), RunState.DONE, 300, 300, null, List.of(),
                p.withRestarts(List.of()), null, 0, RunHealth.UNKNOWN);
        assertEquals(List.of("seed 1 restarted from epoch 0 at 2026-12-04T03:15:42Z (checkpoint lost at epoch 12); "
                + "replay bit-identical over 12 epochs"), PageBuilder.restartNotes(List.of(run, never)));
    }
}
