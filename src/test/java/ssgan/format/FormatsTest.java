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

    @Test
    void errorCountIntervalsAreClippedAtZeroAndSaySo() {
        // the paper's 221 ± 136 (n = 10): 221 ± 2.2621572 · 136 · sqrt(1.1) = [-101.67, 543.67]
        assertEquals("[0 (clipped), 543.7]", Formats.countInterval(-101.67, 543.67, 1));
        assertEquals("[77.6, 108.4]", Formats.countInterval(77.578, 108.42, 1));
        assertEquals("[0 (clipped), 5737]", Formats.countInterval(-3.2, 5737.4, 0));
        assertEquals(Formats.NONE, Formats.countInterval(Double.NaN, Double.NaN, 1));
        assertEquals("[-14.9, +14.9]", Formats.interval(-14.9056, 14.9056, 1), "a difference is not clipped");
    }
}
