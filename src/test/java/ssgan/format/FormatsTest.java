package ssgan.format;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {
    @Test
    void publishedValuesReadAsPrinted() {
        assertEquals("93 ± 6.5", Formats.published(93.0, 6.5));
        assertEquals("18.63 ± 2.32", Formats.published(18.63, 2.32));
        assertEquals("86", Formats.published(86.0, null));
    }

    @Test
    void ourValuesUseTheUnitsDecimalsAndDashForUndefined() {
        assertEquals("83.0 ± 5.7", Formats.meanStd(83.0, 5.656854, 1));
        assertEquals("82.0", Formats.meanStd(82.0, Double.NaN, 1));
        assertEquals(Formats.NONE, Formats.meanStd(Double.NaN, Double.NaN, 1));
        assertEquals("+4.50", Formats.signed(4.5, 2));
        assertEquals("< 0.001", Formats.pValue(0.0004));
    }
}
