package ssgan.results;

import java.util.Locale;

/**
 * Life cycle of a run directory. {@link #SUPERSEDED} is never written to status.json: it is what a record moved
 * aside by a rerun ({@link SupersededRecords}) is, whatever its status said.
 */
public enum RunState {
    PENDING, RUNNING, DONE, FAILED, DIVERGED, SUPERSEDED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
