package ssgan.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperUnitTest {

    @Test
    void wholeErrorCountsStayWholeInTheExportedNumbers() {
        for (int errors = 0; errors <= 10_000; errors++) {
            assertEquals(errors, PaperUnit.ERRORS_OUT_OF_10000.of(errors, 10_000), 0.0, "errors " + errors);
        }
        assertEquals(158.0, PaperUnit.ERRORS_OUT_OF_10000.of(79, 5_000), 0.0, "scaled from a smaller test set");
        assertEquals(12.34, PaperUnit.ERROR_PERCENT.of(1234, 10_000), 0.0);
        assertTrue(Double.isNaN(PaperUnit.ERROR_PERCENT.of(1, 0)));
    }
}
