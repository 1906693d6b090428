package ssgan.results;

import java.util.Locale;

/** Life cycle of a run directory. */
public enum RunState {
    PENDING, RUNNING, DONE, FAILED, DIVERGED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
