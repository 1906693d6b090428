package ssgan.stats;

/** What a cell says about the paper's claim, in words for the report. */
public enum Verdict {
    CONSISTENT("consistent with the paper"),
    BETTER("better than the paper"),
    WORSE("worse than the paper"),
    TOO_FEW("too few runs to tell"),
    BUDGET("budget run: not comparable"),
    NO_PAPER_VALUE("no paper value to compare with");

    /** Two-sided significance level of the Welch test behind BETTER / WORSE. */
    public static final double ALPHA = 0.05;

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() { return text; }

    /**
     * Budget first: a run that stopped short of the paper's epochs is never called a reproduction, however its
     * numbers look. Then sample size, then the test (lower error is better).
     */
    public static Verdict of(boolean fullBudget, int finished, boolean paperValue, WelchTest test) {
        if (!fullBudget) {
            return BUDGET;
        }
        if (finished < 2) {
            return TOO_FEW;
        }
        if (!paperValue || test == null || Double.isNaN(test.p())) {
            return NO_PAPER_VALUE;
        }
        if (test.p() >= ALPHA) {
            return CONSISTENT;
        }
        return test.difference() < 0 ? BETTER : WORSE;
    }
}
