package ssgan.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleStatsTest {

    @Test
    void fiveValuesByHand() {
        // 1..5: mean 3, sample variance 10/4 = 2.5, std 1.5811388, SE 1.5811388/sqrt(5) = 0.70710678,
        // t(0.975, df 4) = 2.7764451 (t table), so the CI half-width is 2.7764451 * 0.70710678 = 1.9632432.
        SampleStats s = SampleStats.of(1, 2, 3, 4, 5);
        assertEquals(5, s.n());
        assertEquals(3.0, s.mean(), 1e-12);
        assertEquals(1.5811388, s.std(), 1e-7);
        assertEquals(0.7071068, s.standardError(), 1e-7);
        assertEquals(3 - 1.9632432, s.ciLow(), 1e-6);
        assertEquals(3 + 1.9632432, s.ciHigh(), 1e-6);
        assertEquals(1.0, s.min());
        assertEquals(5.0, s.max());
    }

    @Test
    void twoValuesUseTheWideT() {
        // 90 and 96: mean 93, std sqrt(18) = 4.2426407, SE 3, t(0.975, df 1) = 12.7062047.
        SampleStats s = SampleStats.of(90, 96);
        assertEquals(93.0, s.mean(), 1e-12);
        assertEquals(4.2426407, s.std(), 1e-7);
        assertEquals(3.0, s.standardError(), 1e-12);
        assertEquals(93 - 3 * 12.7062047, s.ciLow(), 1e-5);
    }

    @Test
    void oneValueHasNoSpread() {
        SampleStats s = SampleStats.of(42);
        assertEquals(1, s.n());
        assertEquals(42.0, s.mean());
        assertTrue(Double.isNaN(s.std()));
        assertTrue(Double.isNaN(s.ciLow()));
        assertEquals(42.0, s.min());
    }

    @Test
    void noValues() {
        SampleStats s = SampleStats.of();
        assertEquals(0, s.n());
        assertTrue(Double.isNaN(s.mean()));
    }
}
