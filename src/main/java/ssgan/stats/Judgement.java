package ssgan.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import ssgan.format.Formats;

import java.util.Arrays;

/**
 * A cell's graded verdict against the paper, with the figures behind it and the rule that gave it. The paper's side
 * is a sample of {@code paperN} runs (10 unless its table says otherwise) with the published mean and std.
 * <ul>
 * <li>budget runs only, no finished runs, no paper value: no comparison.</li>
 * <li>one run: inside the paper's 95 % prediction interval for one new run, mean ± t<sub>0.975, paperN−1</sub> ·
 * std · √(1 + 1/paperN), it is {@link Verdict#CONSISTENT_ONE_RUN}; outside, it differs. Never equivalent.</li>
 * <li>two or more runs, checked in this order: <em>differs</em> when Welch's t-test rejects equal means at 5 %
 * (two-sided), i.e. the 95 % CI of ours − paper excludes 0, or when every run lies outside that same one-run
 * prediction interval on the same side; <em>unstable</em> when more runs lie outside that interval (either side) than
 * chance allows (a binomial tail under 5 %, each run outside with a chance of 5 %: 2 outside among 2 to 7 runs, 3
 * among 8 to 16), or a run collapsed; <em>equivalent</em> when the two one-sided tests (TOST, 5 % each) reject a difference of one paper
 * std or more, i.e. the 90 % CI lies inside (−std, +std); <em>non-inferior</em> when the upper one of the two does,
 * i.e. the upper 90 % bound is below +std (not worse by a paper std or more; fewer errors allowed); otherwise
 * <em>consistent but underpowered</em>. Welch–Satterthwaite degrees of freedom throughout.</li>
 * </ul>
 * Why the second "differs": with two or three runs Welch's test has one or two degrees of freedom and can reject
 * almost nothing, so without it a second run as far off as the first would turn a one-run "differs" into
 * "consistent". Runs drawn from the paper's distribution all land beyond the interval on one side with a chance of
 * 5 % for one run and under 1 % for two or more, so the rule adds under 1 % of false "differs" to Welch's own
 * ({@code JudgementTest} simulates both). Welch's own is about 10 % with two runs and 6 % with three (two close
 * values make a small standard error), at most 5 % from five.
 *
 * @param difference    ours − paper (positive: we make more errors)
 * @param se            Welch standard error of the difference; NaN below two runs
 * @param df            Welch–Satterthwaite degrees of freedom; NaN where undefined
 * @param p             Welch two-sided p-value; NaN where undefined
 * @param ciLow         95 % CI of the difference (Welch); NaN below two runs
 * @param tostLow       90 % CI of the difference, the TOST's; NaN below two runs
 * @param margin        the equivalence margin: one paper std
 * @param effect        the effect size, as the difference in paper stds: (ours − paper) / paper std
 * @param minDetectable the difference Welch's test detects at 80 % power with the current n ({@link Power})
 * @param seedsNeeded   our seeds needed to detect a difference of one paper std at 80 % power (our std, or the
 *                      paper's for one run); -1 where none suffices or it is undefined
 * @param predictionLow the paper's 95 % prediction interval for one new run (not clipped)
 * @param allOutside    two or more runs, all outside that interval on one side: "differs" whatever Welch says
 * @param outside       how many runs lie outside that interval, either side (0 where the runs were not given)
 * @param collapsed     how many runs collapsed ({@link RunHealth}'s collapse checks)
 * @param median        the runs' median (NaN where the runs were not given)
 * @param seedsEquivalent our seeds needed to show equivalence (TOST within ± one paper std) at 80 % power if ours
 *                      were a perfect reproduction ({@link Power#seedsForEquivalence}); -1 where none suffices
 */
public record Judgement(Verdict verdict, int n, double difference, double se, double df, double p, double ciLow,
                        double ciHigh, double tostLow, double tostHigh, double margin, double effect,
                        double minDetectable, int seedsNeeded, double predictionLow, double predictionHigh,
                        boolean allOutside, int outside, int collapsed, double median, int seedsEquivalent,
                        String rule) {

    /** The confidence of the interval shown for the difference. */
    public static final double CONFIDENCE = 0.95;

    /** The verdict from the runs' summary alone: no count outside the paper's range, no collapse. */
    public static Judgement of(boolean fullBudget, SampleStats ours, Double paperMean, Double paperStd, int paperN) {
        return of(fullBudget, ours, new double[0], 0, paperMean, paperStd, paperN);
    }

    /**
     * @param values    each finished run's figure (those behind {@code ours}), for the count outside the paper's
     *                  range and the median; empty to skip the instability rule's count
     * @param collapsed how many of those runs collapsed
     */
    public static Judgement of(boolean fullBudget, SampleStats ours, double[] values, int collapsed,
                               Double paperMean, Double paperStd, int paperN) {
        if (!fullBudget) {
            return bare(Verdict.BUDGET, ours.n(), "runs shorter than the paper's epochs are never compared with it:"
                    + " no p-value or interval");
        }
        if (ours.n() == 0) {
            return bare(Verdict.NO_FINISHED, 0, "no finished run to compare");
        }
        if (paperMean == null || paperStd == null || !Double.isFinite(paperStd) || paperN < 2) {
            return bare(Verdict.NO_PAPER_VALUE, ours.n(), "the paper gives no mean ± std over its runs here");
        }
        double difference = ours.mean() - paperMean;
        double effect = paperStd > 0 ? difference / paperStd : Double.NaN;
        String paperSample = "the paper taken as " + paperN + " runs of its mean ± std";
        double half = new TDistribution(paperN - 1).inverseCumulativeProbability(1 - Verdict.ALPHA / 2)
                * paperStd * Math.sqrt(1 + 1.0 / paperN);
        String interval = "the paper's 95 % prediction interval for one new run, mean ± t(0.975, " + (paperN - 1)
                + ") · std · √(1 + 1/" + paperN + ")";
        if (ours.n() == 1) {
            int seeds = Power.seedsNeeded(paperStd, paperStd, paperStd, paperN);
            boolean inside = Math.abs(difference) <= half;
            Verdict v = inside ? Verdict.CONSISTENT_ONE_RUN : difference < 0 ? Verdict.BETTER : Verdict.WORSE;
            String rule = inside ? "one run inside " + interval + "; one run is never called equivalent"
                    : "one run outside " + interval;
            return new Judgement(v, 1, difference, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, paperStd, effect, Double.NaN, seeds, paperMean - half, paperMean + half,
                    false, inside ? 0 : 1, collapsed, ours.mean(),
                    Power.seedsForEquivalence(paperStd, paperStd, paperStd, paperN), rule);
        }
        WelchTest test = WelchTest.compare(ours, paperMean, paperStd, paperN);
        double se = Power.standardError(ours.std(), ours.n(), paperStd, paperN);
        double ciLow;
        double ciHigh;
        double tostLow;
        double tostHigh;
        if (se == 0) { // two constant samples: every interval is the point itself
            ciLow = ciHigh = tostLow = tostHigh = difference;
        } else {
            TDistribution t = new TDistribution(test.df());
            double t95 = t.inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
            double t90 = t.inverseCumulativeProbability(1 - Verdict.ALPHA);
            ciLow = difference - t95 * se;
            ciHigh = difference + t95 * se;
            tostLow = difference - t90 * se;
            tostHigh = difference + t90 * se;
        }
        boolean welchDiffers = test.p() < Verdict.ALPHA;
        boolean allOutside = ours.min() > paperMean + half || ours.max() < paperMean - half;
        boolean equivalent = tostLow > -paperStd && tostHigh < paperStd;
        int outside = (int) Arrays.stream(values).filter(x -> Math.abs(x - paperMean) > half).count();
        boolean unstable = collapsed > 0 || (values.length > 0 && tooManyOutside(outside, values.length));
        Verdict v = welchDiffers || allOutside ? (difference < 0 ? Verdict.BETTER : Verdict.WORSE)
                : unstable ? Verdict.UNSTABLE
                : equivalent ? Verdict.EQUIVALENT
                : tostHigh < paperStd ? Verdict.NON_INFERIOR : Verdict.UNDERPOWERED;
        String rule = switch (v) {
            case BETTER, WORSE -> welchDiffers
                    ? "differs: Welch's t-test at 5 % (two-sided, " + paperSample + ") rejects equal"
                    + " means, so the 95 % CI of ours − paper excludes 0; fewer errors is better"
                    : "differs: all " + ours.n() + " runs lie outside " + interval + ", on the same side (for runs"
                    + " from the paper's distribution a chance of 5 % for one run, under 1 % for " + ours.n()
                    + "); Welch's test alone cannot tell with so few runs; fewer errors is better";
            case UNSTABLE -> "not reproduced, unstable: " + (collapsed > 0 ? collapsed + " of " + ours.n()
                    + " runs collapsed" + (tooManyOutside(outside, values.length) ? ", and " : "") : "")
                    + (tooManyOutside(outside, values.length) ? outside + " of " + values.length + " runs lie outside "
                    + interval + ", which runs from the paper's distribution do with a chance of "
                    + Formats.number(100 * binomialTail(outside, values.length), 2) + " %" : "")
                    + "; Welch's test alone cannot tell with so few runs and so wide a spread";
            case EQUIVALENT -> "equivalent: no difference at 5 % (Welch), and two one-sided Welch tests (TOST, 5 %"
                    + " each) put the difference within ± one paper std, the spread of the paper's own runs: the"
                    + " 90 % CI of ours − paper lies inside (−std, +std)";
            case NON_INFERIOR -> "matched or better (non-inferior): the one-sided Welch test at 5 % rejects being"
                    + " worse than the paper by one paper std or more, i.e. the upper 90 % bound of ours − paper ("
                    + Formats.signed(tostHigh, 1) + ") is below +" + Formats.number(paperStd, 1)
                    + "; equivalence, which also bounds how much better, is not shown";
            default -> "consistent but underpowered: no difference at 5 % (Welch), yet the 90 % CI of ours − paper"
                    + " reaches beyond ± one paper std (the TOST margin), so equivalence is not shown either";
        };
        return new Judgement(v, ours.n(), difference, se, test.df(), test.p(), ciLow, ciHigh, tostLow, tostHigh,
                paperStd, effect, Power.minDetectable(se, test.df()),
                Power.seedsNeeded(paperStd, ours.std(), paperStd, paperN), paperMean - half, paperMean + half,
                allOutside, outside, collapsed, values.length == 0 ? Double.NaN : median(values),
                Power.seedsForEquivalence(paperStd, ours.std(), paperStd, paperN), rule);
    }

    /** Chance level of the instability rule: a binomial tail below this is "more often than chance allows". */
    static final double OUTSIDE_LEVEL = 0.05;

    /** P(at least k of n runs outside the paper's 95 % prediction interval) for runs from the paper's distribution. */
    static double binomialTail(int k, int n) {
        return k <= 0 ? 1 : 1 - new BinomialDistribution(n, 1 - Judgement.CONFIDENCE).cumulativeProbability(k - 1);
    }

    static boolean tooManyOutside(int k, int n) {
        return n > 0 && k > 0 && binomialTail(k, n) < OUTSIDE_LEVEL;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static Judgement bare(Verdict verdict, int n, String rule) {
        return new Judgement(verdict, n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1, Double.NaN, Double.NaN, false, 0, 0,
                Double.NaN, -1, rule);
    }

    /** Whether the figures compare with the paper: budget cells show no p-value and no interval. */
    public boolean compares() {
        return verdict.compares();
    }
}
