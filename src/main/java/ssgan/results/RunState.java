package ssgan.results;

import java.util.Locale;

/**
 * Life cycle of a run directory. {@link #SUPERSEDED} and {@link #STOPPED} are never written to status.json:
 * SUPERSEDED is what a record moved aside by a rerun ({@link SupersededRecords}) is, whatever its status said;
 * STOPPED is what a status.json saying RUNNING is when no live process holds the run's lock ({@link #observed}).
 */
public enum RunState {
    PENDING, RUNNING, DONE, FAILED, DIVERGED, SUPERSEDED, STOPPED;

    /**
     * The state to show for a run whose status.json says {@code recorded} and whose lock says {@code held}: a run
     * is running only while a live process (or, from another host, a fresh heartbeat) holds its lock. The one
     * decision {@code ssgan status} and the report share.
     */
    public static RunState observed(RunState recorded, RunLock.Held held) {
        return recorded == RUNNING && held != RunLock.Held.LIVE ? STOPPED : recorded;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
