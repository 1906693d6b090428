package ssgan.report;

import org.junit.jupiter.api.Test;
import ssgan.metrics.EpochMetrics;
import ssgan.paper.PaperTable;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where an imitation's raw-D curve meets a prior figure: a touch is not an arrival. */
class PriorCrossingTest {

    private static List<EpochMetrics> curve(int... raw) {
        List<EpochMetrics> m = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            m.add(new EpochMetrics(i + 1, 0.1, 0.3, 1, 0, raw[i], raw[i], 10_000, 30, 20, raw[i]));
        }
        return m;
    }

    /** 200, 160, 150 (touch), 159, 160, 149, 145, 150, 140: touches at 3, above at 4, stays from 6. */
    @Test
    void aCurveThatDipsAndComesBackStaysOnlyFromItsLastArrival() {
        List<EpochMetrics> m = curve(200, 160, 150, 159, 160, 149, 145, 150, 140);
        assertEquals(OptionalInt.of(3), PriorViews.firstAtOrBelow(m, 150));
        assertEquals(OptionalInt.of(6), PriorViews.staysAtOrBelowFrom(m, 150));
        assertEquals("first at or below at epoch 3, above again at epoch 4; stays at or below from epoch 6",
                PriorViews.crossing(m, 150));
    }

    @Test
    void aCurveThatEndsAboveNeverStays() {
        List<EpochMetrics> m = curve(200, 140, 160);
        assertEquals(OptionalInt.empty(), PriorViews.staysAtOrBelowFrom(m, 150));
        assertEquals("first at or below at epoch 2, above again at epoch 3; above it again at the last epoch",
                PriorViews.crossing(m, 150));
        assertEquals("not reached in 3 epochs", PriorViews.crossing(curve(200, 190, 180), 150));
        assertEquals("at or below from epoch 2 on", PriorViews.crossing(curve(200, 150, 100), 150));
    }

    /** A study's 433 against a curve at 387 after the port's default 10 epochs and 138 at the end. */
    @Test
    void theStudysFigureIsPlacedOnTheCurveWithoutClaimingATest() {
        int[] raw = new int[300];
        for (int e = 1; e <= 300; e++) {
            raw[e - 1] = e == 10 ? 387 : e < 10 ? 2000 : 138 + 249 * 10 / e;
        }
        List<EpochMetrics> m = curve(raw);
        PaperTable.Cell study = new PaperTable.Cell(100, 433, 7.9, 3, "errors_out_of_10000", false, List.of(), null);
        String reading = PriorViews.reading(m, study);
        assertTrue(reading.contains("At epoch 10 (the port's default --epochs) this run makes 387, at epoch 300 146"),
                reading);
        assertTrue(reading.contains("(3 runs) is nearer the early one"), reading);
        assertTrue(reading.endsWith("it does not test their figure"), reading);
        PaperTable.Cell readme = new PaperTable.Cell(100, 150, null, 1, "errors_out_of_10000", true, List.of(), null);
        assertTrue(PriorViews.reading(m, readme).contains("(1 run) is nearer the late one"));
    }
}
