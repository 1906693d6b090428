package ssgan.results;

import org.junit.jupiter.api.Test;
import ssgan.metrics.EpochMetrics;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of a record that must agree with itself, on records built here. */
class RecordCheckTest {

    static EpochMetrics epoch(int epoch, int average) {
        return new EpochMetrics(epoch, 0.1, 0.3, 2.0, 0.01, average + 10, average, 10_000, 30, 16, average);
    }

    static List<EpochMetrics> epochs(int n) {
        List<EpochMetrics> out = new ArrayList<>();
        for (int e = 1; e <= n; e++) {
            out.add(epoch(e, 100 + 1000 / e));
        }
        return out;
    }

    static Summary summaryOf(List<EpochMetrics> m, int target) {
        EpochMetrics last = m.get(m.size() - 1);
        return new Summary("exp", "id", RunState.DONE, last.epoch(), target, last.testErrorsRaw(),
                last.testErrorsAverage(), last.testCount(), 30.0 * m.size(), 30, last);
    }

    private static List<String> done(List<EpochMetrics> m, int statusEpochs, Summary summary) {
        return RecordCheck.of(m, RunStatus.of(RunState.DONE, statusEpochs, 300, null), summary, 300);
    }

    @Test
    void aWholeFinishedRecordPasses() {
        List<EpochMetrics> m = epochs(300);
        assertEquals(List.of(), done(m, 300, summaryOf(m, 300)));
    }

    @Test
    void aShortMetricsFileUnderAFinishedStatusIsNamed() {
        List<EpochMetrics> all = epochs(300);
        List<EpochMetrics> cut = all.subList(0, 100);
        assertEquals(List.of("metrics.jsonl has 100 epoch(s), but status.json says 300 done",
                "summary.json says 300 epochs, metrics.jsonl ends at epoch 100"), done(cut, 300, summaryOf(all, 300)));
    }

    @Test
    void gapsRepeatsAndAWrongStartAreNamed() {
        List<EpochMetrics> gap = new ArrayList<>(epochs(5));
        gap.remove(2);
        assertTrue(RecordCheck.of(gap, null, null, null).get(0).startsWith("metrics.jsonl jumps from epoch 2 to 4"));
        List<EpochMetrics> repeat = new ArrayList<>(epochs(5));
        repeat.add(3, epoch(3, 500));
        assertTrue(RecordCheck.of(repeat, null, null, null).get(0).startsWith("metrics.jsonl repeats epoch 3"));
        assertEquals("metrics.jsonl starts at epoch 2, not 1",
                RecordCheck.of(epochs(5).subList(1, 5), null, null, null).get(0));
    }

    @Test
    void anErrorCountOutsideTheTestSetIsNamed() {
        List<EpochMetrics> m = new ArrayList<>(epochs(300));
        Summary before = summaryOf(m, 300);
        m.set(299, new EpochMetrics(300, 0.1, 0.3, 2.0, 0.01, 97, -5, 10_000, 30, 16, 90)); // a hand edit
        List<String> found = done(m, 300, before);
        assertEquals("epoch 300: averaged-D test errors -5 outside [0, 10000]", found.get(0));
        assertTrue(found.get(1).startsWith("summary.json's final errors (averaged D "), found.toString());
        m.set(10, new EpochMetrics(11, 0, 0, 0, 0, 10_001, 5, 10_000, 1, 1, null));
        assertTrue(done(m, 300, before).get(0).endsWith("(and 1 more epoch(s))"), "one line, the first named");
    }

    @Test
    void aRunningRecordIsHeldToWhatItClaimsNotToItsBudget() {
        RunStatus running = RunStatus.of(RunState.RUNNING, 40, 300, null);
        assertEquals(List.of(), RecordCheck.of(epochs(40), running, null, 300));
        assertEquals(List.of(), RecordCheck.of(epochs(41), running, null, 300),
                "stopped between writing an epoch's metrics and its status");
        assertEquals(List.of("metrics.jsonl has 38 epoch(s), but status.json says 40 done"),
                RecordCheck.of(epochs(38), running, null, 300));
    }

    @Test
    void aFinishedRunHasItsWholeBudgetAndASummary() {
        List<EpochMetrics> m = epochs(250);
        assertEquals(List.of("status.json says done after 250 of 300 epochs"),
                RecordCheck.of(m, RunStatus.of(RunState.DONE, 250, 300, null), summaryOf(m, 300), 300));
        List<EpochMetrics> all = epochs(300);
        assertEquals(List.of("status.json says done, but there is no readable summary.json"), done(all, 300, null));
        assertEquals(List.of("config.yaml asks for 30 epochs, status.json for 300"),
                RecordCheck.of(all, RunStatus.of(RunState.DONE, 300, 300, null), summaryOf(all, 300), 30));
    }
}
