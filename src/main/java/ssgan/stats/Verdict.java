package ssgan.stats;

/**
 * What a cell says about the paper's claim: a graded verdict, each with the rule that gives it (see
 * {@link Judgement}, which applies the rules). {@link #EQUIVALENT} and {@link #NON_INFERIOR} are worded as a
 * reproduction (the second: not worse than the paper by a paper std or more).
 */
public enum Verdict {
    EQUIVALENT("reproduced: equivalent to the paper", "equivalent"),
    NON_INFERIOR("matched or better (non-inferior)", "non-inferior"),
    BETTER("differs: better than the paper", "differs (better)"),
    WORSE("differs: worse than the paper", "differs (worse)"),
    UNSTABLE("not reproduced: unstable", "unstable"),
    UNDERPOWERED("consistent but underpowered", "underpowered"),
    CONSISTENT_ONE_RUN("consistent (one run)", "consistent (1 run)"),
    BUDGET("budget runs only", "budget runs only"),
    NO_FINISHED("no finished runs yet", "no finished runs"),
    NO_PAPER_VALUE("no paper value to compare with", "no paper value");

    /** Two-sided level of the Welch test behind BETTER / WORSE, and level of each one-sided test of the TOST. */
    public static final double ALPHA = 0.05;

    private final String text;
    private final String label;

    Verdict(String text, String label) {
        this.text = text;
        this.label = label;
    }

    /** The verdict in words, for the report. */
    public String text() { return text; }

    /** A short form for the terminal's aligned summary. */
    public String label() { return label; }

    /** A verdict that compares with the paper (not a budget or a missing run). */
    public boolean compares() {
        return this != BUDGET && this != NO_FINISHED && this != NO_PAPER_VALUE;
    }

    /** BETTER or WORSE: a difference the test supports. */
    public boolean differs() {
        return this == BETTER || this == WORSE;
    }

    /** The paper's claim holds here: equivalent, or not worse by a paper std or more. */
    public boolean matches() {
        return this == EQUIVALENT || this == NON_INFERIOR;
    }

    /** Runs that contradict the paper's claim: worse, or unstable. */
    public boolean fails() {
        return this == WORSE || this == UNSTABLE;
    }
}
