package ssgan.stats;

/** What a cell says about the paper's claim, in words for the report. */
public enum Verdict {
    CONSISTENT("reproduces (within the paper's 95 % range)"),
    BETTER("better than the paper"),
    WORSE("worse than the paper"),
    BUDGET("budget runs only"),
    NO_FINISHED("no finished runs yet"),
    NO_PAPER_VALUE("no paper value to compare with");

    /** Two-sided significance level of the Welch test behind BETTER / WORSE. */
    public static final double ALPHA = 0.05;
    /** Half-width, in the paper's standard deviations, of the range where 95 % of the paper's runs fall. */
    public static final double RANGE_STDS = 1.96;

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() { return text; }

    /** A verdict that compares with the paper (not a budget or a missing run). */
    public boolean compares() {
        return this == CONSISTENT || this == BETTER || this == WORSE;
    }

    /**
     * Budget first: a run that stopped short of the paper's epochs is never called a reproduction, however its
     * numbers look. With two or more runs, Welch's test of the means (lower error is better); with one run, whether
     * it falls within the paper's mean ± 1.96 std, where 95 % of the paper's own runs would fall.
     */
    public static Verdict of(boolean fullBudget, SampleStats ours, Double paperMean, Double paperStd,
                             WelchTest test) {
        if (!fullBudget) {
            return BUDGET;
        }
        if (ours.n() == 0) {
            return NO_FINISHED;
        }
        if (paperMean == null) {
            return NO_PAPER_VALUE;
        }
        if (ours.n() == 1 || test == null || Double.isNaN(test.p())) {
            if (paperStd == null) {
                return NO_PAPER_VALUE;
            }
            double difference = ours.mean() - paperMean;
            return Math.abs(difference) <= RANGE_STDS * paperStd ? CONSISTENT : difference < 0 ? BETTER : WORSE;
        }
        if (test.p() >= ALPHA) {
            return CONSISTENT;
        }
        return test.difference() < 0 ? BETTER : WORSE;
    }
}
