package ssgan.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is wrong with a run's record, and whether the run may enter statistics. A run is never dropped for it: it is
 * shown with what could be read, and named on the terminal and the page.
 *
 * @param leftOutBecause why it is kept out of every statistic: its record contradicts itself
 *                       ({@link ssgan.results.RecordCheck}), its files changed since they were sealed, or it is a
 *                       second copy of another run; empty when it may enter them
 * @param damage         what could not be read (a cut metrics line, an unreadable provenance.json): named, and
 *                       costing the run only what it says
 * @param checksums      for a finished run, its seal in words (verified, changed, none recorded); else null
 * @param unsealed       a finished run without checksums.json (finished before they were kept)
 * @param copy           a second copy of a run id that another directory holds: counted nowhere, compute included
 */
public record Integrity(List<String> leftOutBecause, List<String> damage, String checksums, boolean unsealed,
                        boolean copy) {
    public static final Integrity SOUND = new Integrity(List.of(), List.of(), null, false, false);

    public boolean admitted() { return leftOutBecause.isEmpty(); }

    /** The same record, as a copy of another run that enters the statistics in its place. */
    Integrity asCopy(String why) {
        List<String> reasons = new ArrayList<>(List.of(why));
        reasons.addAll(leftOutBecause);
        return new Integrity(List.copyOf(reasons), damage, checksums, unsealed, true);
    }

    /**
     * One line for the terminal and the page, led by where the run is ({@code experiment/run-id}); empty when
     * nothing is wrong. A missing seal alone is left to one line for all such runs.
     */
    public Optional<String> problem(String where) {
        if (admitted() && damage.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>(damage);
        if (!admitted()) {
            parts.add("left out of the statistics: " + String.join("; ", leftOutBecause));
        }
        return Optional.of(where + ": " + String.join("; ", parts));
    }
}
