package ssgan.stats;

import org.junit.jupiter.api.Test;
import ssgan.results.RunState;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cell whose statistics fail is named and left out; the other cells and the verdicts stand. */
class FailingCellTest {

    @Test
    void oneFailingCellCostsOnlyItself() {
        List<RunResult> runs = List.of(
                AnalysisTest.run("a", 1, 300, RunState.DONE, 90, 10_000, Map.of("labels", 100)),
                AnalysisTest.run("b", 2, 300, RunState.DONE, 95, 10_000, Map.of("labels", 100)),
                AnalysisTest.run("c", 1, 300, RunState.DONE, 85, 10_000, Map.of("labels", 200)));
        Analysis analysis = Analysis.of(runs, List.of(), r -> {
            if (r.cell().labels() == 200) {
                throw new AssertionError("a bug met in this cell's predictions"); // past every RuntimeException catch
            }
            return Optional.empty();
        });
        assertEquals(List.of(100), analysis.cells().stream().map(c -> c.key().labels()).toList());
        assertEquals(List.of("cell mnist 200 labels, faithful, 300 epochs (the paper's): AssertionError: a bug met in"
                + " this cell's predictions; left out"), analysis.problems());
        assertEquals(2, analysis.cells().get(0).figure().n());
        assertTrue(analysis.claims().stream().anyMatch(c -> c.labels() == 100 && c.n() == 2), "its verdict stands");
    }
}
