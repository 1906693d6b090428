package ssgan.results;

import ssgan.metrics.EpochMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a run's record agrees with itself, before any statistic uses it. The files are written by one process in a
 * fixed order, so a record that contradicts itself was cut, merged or edited by hand: its numbers are not the
 * run's. The rules: metrics.jsonl holds epochs 1..N without gaps or repeats; N is what status.json claims (a
 * finished run has all the epochs of its budget; a running one may be a line ahead, as the status follows each epoch's
 * metrics); every error count lies in [0, test count]; a finished run's summary.json gives the figures of the last
 * metrics line.
 */
public final class RecordCheck {
    private RecordCheck() {}

    /**
     * What contradicts what, in words; empty when the record is consistent.
     *
     * @param status  null when the run has none (never started)
     * @param summary null when the run has none (only a finished run must)
     * @param budget  the epochs its config.yaml asks for, or null when not known
     */
    public static List<String> of(List<EpochMetrics> metrics, RunStatus status, Summary summary, Integer budget) {
        List<String> found = new ArrayList<>();
        sequence(metrics).ifPresent(found::add);
        counts(metrics).ifPresent(found::add);
        int n = metrics.size();
        if (status == null) {
            if (n > 0) {
                found.add("metrics.jsonl has " + n + " epoch(s), but there is no status.json");
            }
            return found;
        }
        int claimed = status.epochsDone();
        boolean aheadByOne = status.state() == RunState.RUNNING && n == claimed + 1; // stopped between the two writes
        if (n != claimed && !aheadByOne) {
            found.add("metrics.jsonl has " + n + " epoch(s), but status.json says " + claimed + " done");
        }
        if (claimed > status.epochs() || status.state() == RunState.DONE && claimed != status.epochs()) {
            found.add("status.json says " + status.state().label() + " after " + claimed + " of " + status.epochs()
                    + " epochs");
        }
        if (budget != null && budget != status.epochs()) {
            found.add("config.yaml asks for " + budget + " epochs, status.json for " + status.epochs());
        }
        if (status.state() == RunState.DONE) {
            summary(metrics, summary).ifPresent(found::add);
        }
        return found;
    }

    /** The first place where the epochs are not 1, 2, 3, ... */
    private static Optional<String> sequence(List<EpochMetrics> metrics) {
        for (int i = 0; i < metrics.size(); i++) {
            int epoch = metrics.get(i).epoch();
            if (epoch == i + 1) {
                continue;
            }
            if (i == 0) {
                return Optional.of("metrics.jsonl starts at epoch " + epoch + ", not 1");
            }
            int before = metrics.get(i - 1).epoch();
            String what = epoch == before ? "repeats epoch " + epoch
                    : epoch < before ? "goes back from epoch " + before + " to " + epoch
                    : "jumps from epoch " + before + " to " + epoch;
            return Optional.of("metrics.jsonl " + what + " (line " + (i + 1) + " of its whole lines)");
        }
        return Optional.empty();
    }

    /** Error counts outside [0, test count]: the first such epoch, and how many more there are. */
    private static Optional<String> counts(List<EpochMetrics> metrics) {
        List<String> bad = new ArrayList<>();
        for (EpochMetrics m : metrics) {
            String what = m.testCount() <= 0 ? "test count " + m.testCount()
                    : outside("raw-D test errors", m.testErrorsRaw(), m.testCount())
                    + outside("averaged-D test errors", m.testErrorsAverage(), m.testCount())
                    + (m.hasCorrected() ? outside("bias-corrected test errors", m.testErrorsAverageCorrected(),
                    m.testCount()) : "");
            if (!what.isEmpty()) {
                bad.add("epoch " + m.epoch() + ": " + what.replaceFirst("^; ", ""));
            }
        }
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(bad.get(0) + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more epoch(s))"
                : ""));
    }

    private static String outside(String what, int errors, int testCount) {
        return errors < 0 || errors > testCount ? "; " + what + " " + errors + " outside [0, " + testCount + "]" : "";
    }

    /** A finished run's summary against its last metrics line. */
    private static Optional<String> summary(List<EpochMetrics> metrics, Summary summary) {
        if (summary == null) {
            return Optional.of("status.json says done, but there is no readable summary.json");
        }
        if (metrics.isEmpty()) {
            return Optional.empty(); // said already: no epochs where status.json claims them
        }
        EpochMetrics last = metrics.get(metrics.size() - 1);
        if (summary.epochs() != last.epoch()) {
            return Optional.of("summary.json says " + summary.epochs() + " epochs, metrics.jsonl ends at"
                    + " epoch " + last.epoch());
        }
        if (summary.testErrorsAverage() != last.testErrorsAverage() || summary.testErrorsRaw() != last.testErrorsRaw()
                || summary.testCount() != last.testCount()) {
            return Optional.of("summary.json's final errors (averaged D " + summary.testErrorsAverage()
                    + ", raw D " + summary.testErrorsRaw() + " of " + summary.testCount() + ") differ from the last"
                    + " metrics line's (epoch " + last.epoch() + ": averaged D " + last.testErrorsAverage() + ", raw D "
                    + last.testErrorsRaw() + " of " + last.testCount() + ")");
        }
        if (summary.last() != null && !Objects.equals(summary.last(), last)) {
            return Optional.of("summary.json's record of epoch " + last.epoch() + " differs from"
                    + " metrics.jsonl's");
        }
        return Optional.empty();
    }
}
