package ssgan.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Readable log-axis ticks: 1, 2 and 5 x 10^k, written as people write them. */
class LogAxisTest {

    @Test
    void ticksAreOneTwoFiveAndLabelsArePlain() {
        assertEquals("100", LogAxis.text(100));
        assertEquals("2000", LogAxis.text(2000));
        assertEquals("0.05", LogAxis.text(0.05));
        assertEquals("2e-5", LogAxis.text(2e-5));
        LogAxis axis = LogAxis.over(93, 2843);
        assertEquals(Math.log10(50), axis.low(), 1e-12, "from the 1-2-5 tick at or below the smallest value");
    }
}
