package ssgan.data;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorUnitTest {

    @Test
    void wholeErrorCountsStayWholeInTheExportedNumbers() {
        for (int errors = 0; errors <= 10_000; errors++) {
            assertEquals(errors, ErrorUnit.ERRORS_OUT_OF_10000.of(errors, 10_000), 0.0, "errors " + errors);
        }
        assertEquals(158.0, ErrorUnit.ERRORS_OUT_OF_10000.of(79, 5_000), 0.0, "scaled from a smaller test set");
        assertEquals(12.34, ErrorUnit.ERROR_PERCENT.of(1234, 10_000), 0.0);
        assertTrue(Double.isNaN(ErrorUnit.ERROR_PERCENT.of(1, 0)));
    }

    @Test
    void unitsAreFoundByTheirYamlNames() {
        assertEquals(List.of("errors_out_of_10000", "error_percent"), ErrorUnit.names());
        assertEquals(Optional.of(ErrorUnit.ERROR_PERCENT), ErrorUnit.named("error_percent"));
        assertEquals(Optional.empty(), ErrorUnit.named("percent"));
        assertEquals(0, ErrorUnit.ERRORS_OUT_OF_10000.runDecimals());
        assertEquals(2, ErrorUnit.ERROR_PERCENT.runDecimals());
    }
}
