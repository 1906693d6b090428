package ssgan.results;

/** Life cycle of a run directory. */
public enum RunState {
    PENDING, RUNNING, DONE, FAILED, DIVERGED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
