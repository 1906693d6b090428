package ssgan.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WelchTestTest {

    /**
     * Textbook case: Wikipedia, "Welch's t-test", Examples, example 1 (data sets A1 and A2, 15 values each), which
     * gives t = -2.46, df = 24.99 (~25.0) and p = 0.021 for Welch's test. SciPy 1.17
     * ({@code ttest_ind(a1, a2, equal_var=False)}) gives t = -2.455356398, df = 24.988529290, p = 0.021378001.
     * Here only the summary statistics enter, as they do for the paper's mean ± std.
     */
    @Test
    void wikipediaExampleOne() {
        SampleStats a1 = SampleStats.of(27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6,
                19.0, 21.7, 21.4);
        SampleStats a2 = SampleStats.of(27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1,
                22.9, 20.5, 24.4);
        WelchTest w = WelchTest.compare(a1, a2.mean(), a2.std(), a2.n());
        assertEquals(-2.455356398, w.t(), 1e-8);
        assertEquals(24.988529290, w.df(), 1e-7);
        assertEquals(0.021378001, w.p(), 1e-8);
        assertEquals(20.82 - 22.986666667, w.difference(), 1e-8);
    }

    @Test
    void againstPublishedSummary() {
        // Ours 100 ± 8 over 3 seeds against the paper's 93 ± 6.5 over 10 runs (SciPy ttest_ind_from_stats,
        // equal_var=False): t = 1.384624, p = 0.264749.
        SampleStats ours = new SampleStats(3, 100, 8, 8 / Math.sqrt(3), Double.NaN, Double.NaN, 92, 108);
        WelchTest w = WelchTest.compare(ours, 93, 6.5, 10);
        assertEquals(1.3846237, w.t(), 1e-6);
        assertEquals(0.2647492, w.p(), 1e-6);
        assertEquals(7.0, w.difference(), 1e-12);
    }

    @Test
    void oneRunCannotBeTested() {
        WelchTest w = WelchTest.compare(SampleStats.of(95), 93, 6.5, 10);
        assertEquals(2.0, w.difference(), 1e-12);
        assertTrue(Double.isNaN(w.p()));
    }
}
