package ssgan.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graded verdicts, on cases computed by hand (t quantiles from a t table or SciPy 1.17's stats.t.ppf). */
class JudgementTest {

    private static SampleStats sample(int n, double mean, double std) {
        return new SampleStats(n, mean, std, std / Math.sqrt(n), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void welchConfidenceIntervalOfTheDifference() {
        // Ours 100 ± 8 over 3 seeds, paper 93 ± 6.5 over 10 runs.
        // se = sqrt(64/3 + 42.25/10) = sqrt(25.558333) = 5.0555250
        // df = 25.558333² / ((64/3)²/2 + 4.225²/9) = 653.2284 / 229.5389 = 2.8458280
        // t(0.975, 2.8458) = 3.2822398, so the 95 % CI is 7 ± 16.593445 = [-9.593445, 23.593445];
        // t(0.95, 2.8458) = 2.4062604, so the 90 % CI is 7 ± 12.164910 = [-5.164910, 19.164910].
        // Welch p = 0.2647492 (SciPy ttest_ind_from_stats).
        Judgement j = Judgement.of(true, sample(3, 100, 8), 93.0, 6.5, 10);
        assertEquals(7.0, j.difference(), 1e-12);
        assertEquals(5.0555250, j.se(), 1e-6);
        assertEquals(2.8458280, j.df(), 1e-6);
        assertEquals(-9.593445, j.ciLow(), 1e-5);
        assertEquals(23.593445, j.ciHigh(), 1e-5);
        assertEquals(-5.164910, j.tostLow(), 1e-5);
        assertEquals(19.164910, j.tostHigh(), 1e-5);
        assertEquals(0.2647492, j.p(), 1e-6);
        assertEquals(7.0 / 6.5, j.effect(), 1e-12, "effect size: the difference in paper stds");
        assertEquals(Verdict.UNDERPOWERED, j.verdict(), "p > 0.05 and the 90 % CI reaches past ± 6.5");
        assertTrue(j.rule().startsWith("consistent but underpowered"), j.rule());
    }

    /**
     * Ten seeds with the paper's spread, 93 ± 6.5 against 93 ± 6.5 (n = 10): se = 6.5 · sqrt(0.2) = 2.9068884,
     * df = 18, t(0.95, 18) = 1.7340636, so the 90 % CI is d ± 5.0407293 and lies inside ± 6.5 iff |d| < 1.4592707.
     */
    @Test
    void tostJustInsideAndJustOutsideTheMargin() {
        Judgement inside = Judgement.of(true, sample(10, 94.4, 6.5), 93.0, 6.5, 10);
        assertEquals(18.0, inside.df(), 1e-9);
        assertEquals(1.4 + 5.0407293, inside.tostHigh(), 1e-6);
        assertEquals(Verdict.EQUIVALENT, inside.verdict(), "6.4407 < 6.5");
        assertTrue(inside.verdict().text().startsWith("reproduced"));
        assertTrue(inside.rule().contains("within ± one paper std, the spread of the paper's own runs"),
                inside.rule());

        Judgement outside = Judgement.of(true, sample(10, 94.5, 6.5), 93.0, 6.5, 10);
        assertEquals(1.5 + 5.0407293, outside.tostHigh(), 1e-6);
        assertEquals(Verdict.UNDERPOWERED, outside.verdict(), "6.5407 > 6.5, and p = 0.61: neither");

        Judgement below = Judgement.of(true, sample(10, 91.6, 6.5), 93.0, 6.5, 10);
        assertEquals(Verdict.EQUIVALENT, below.verdict(), "the margin is two-sided");
        Judgement belowOut = Judgement.of(true, sample(10, 91.5, 6.5), 93.0, 6.5, 10);
        assertEquals(Verdict.UNDERPOWERED, belowOut.verdict());
    }

    @Test
    void aWelchRejectionDiffersAndNamesItsDirection() {
        // d = ±7 with se = 2.9068884, df = 18: t = 2.408, p = 0.027 < 0.05.
        assertEquals(Verdict.WORSE, Judgement.of(true, sample(10, 100, 6.5), 93.0, 6.5, 10).verdict());
        Judgement better = Judgement.of(true, sample(10, 86, 6.5), 93.0, 6.5, 10);
        assertEquals(Verdict.BETTER, better.verdict());
        assertTrue(better.ciHigh() < 0, "the 95 % CI excludes 0");
        assertFalse(better.verdict().text().contains("reproduc"), "only equivalence is called a reproduction");
    }

    /** t(0.975, 9) = 2.2621572; 2.2621572 · 6.5 · sqrt(1.1) = 15.421708: the interval is 93 ± 15.421708. */
    @Test
    void oneRunIsAtMostConsistent() {
        Judgement in = Judgement.of(true, SampleStats.of(108), 93.0, 6.5, 10);
        assertEquals(Verdict.CONSISTENT_ONE_RUN, in.verdict(), "108 < 108.4217");
        assertEquals(93 - 15.421708, in.predictionLow(), 1e-5);
        assertEquals(93 + 15.421708, in.predictionHigh(), 1e-5);
        assertTrue(in.rule().contains("never called equivalent"), in.rule());
        Judgement exact = Judgement.of(true, SampleStats.of(93), 93.0, 6.5, 10);
        assertEquals(Verdict.CONSISTENT_ONE_RUN, exact.verdict(), "even a perfect match is not 'equivalent'");
        assertEquals(Verdict.WORSE, Judgement.of(true, SampleStats.of(109), 93.0, 6.5, 10).verdict());
        assertEquals(Verdict.BETTER, Judgement.of(true, SampleStats.of(77), 93.0, 6.5, 10).verdict());
        assertTrue(Double.isNaN(in.p()) && Double.isNaN(in.ciLow()), "no Welch test on one run");
    }

    @Test
    void budgetAndMissingCellsCompareNothing() {
        Judgement budget = Judgement.of(false, sample(10, 94.4, 6.5), 93.0, 6.5, 10);
        assertEquals(Verdict.BUDGET, budget.verdict());
        assertFalse(budget.compares());
        assertTrue(Double.isNaN(budget.p()) && Double.isNaN(budget.ciLow()), "no p-value or CI on a budget cell");
        assertEquals(Verdict.NO_FINISHED, Judgement.of(true, SampleStats.of(), 93.0, 6.5, 10).verdict());
        assertEquals(Verdict.NO_PAPER_VALUE, Judgement.of(true, SampleStats.of(90, 96), null, null, 10).verdict());
        assertEquals(Verdict.NO_PAPER_VALUE, Judgement.of(true, SampleStats.of(90, 96), 93.0, null, 10).verdict());
    }
}
