package ssgan.stats;

import ssgan.config.SettingsCodec;
import ssgan.results.KnownDefects;
import ssgan.results.Replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Clears a run of a known defect it predates when the fix provably changed nothing in it: a run with the same
 * settings (the epoch budget aside), trained after the fix, matches every one of its recorded epochs bit for bit
 * ({@link Replay#compare}). Training is deterministic for given settings and thread count, so a defect that had
 * touched the old run would show as a difference. The witness is named, so the claim can be checked.
 */
final class DefectClearance {

    /** A run with what the search compares, worked out once: its settings less the budget, the fixes it predates. */
    private record Candidate(RunResult run, Map<String, Object> setup, List<KnownDefects.Fix> predated) {
        static Candidate of(RunResult run) {
            Map<String, Object> setup = new TreeMap<>(SettingsCodec.toMap(run.settings()));
            setup.remove("epochs");
            return new Candidate(run, setup, KnownDefects.predating(run.settings(), run.provenance(), run.seconds()));
        }
    }

    private DefectClearance() {}

    static List<RunResult> apply(List<RunResult> runs) {
        List<Candidate> all = runs.stream().map(Candidate::of).toList();
        return all.stream().map(c -> clear(c, all)).toList();
    }

    private static RunResult clear(Candidate marked, List<Candidate> all) {
        RunResult run = marked.run();
        if (marked.predated().isEmpty() || run.metrics().isEmpty()) {
            return run;
        }
        List<KnownDefects.Clearance> found = new ArrayList<>();
        for (KnownDefects.Fix fix : marked.predated()) {
            witness(marked, fix, all).ifPresent(w -> found.add(
                    new KnownDefects.Clearance(fix, w.experiment() + "/" + w.runId(), run.metrics().size())));
        }
        return found.isEmpty() ? run : run.withClearances(found);
    }

    /**
     * The first (by name) run trained after {@code fix}, whose own record stands, that starts with all of the marked
     * run's epochs.
     */
    private static Optional<RunResult> witness(Candidate marked, KnownDefects.Fix fix, List<Candidate> all) {
        return all.stream()
                .filter(w -> w != marked && w.run().admitted() && w.run().provenance() != null
                        && !w.predated().contains(fix))
                .filter(w -> w.setup().equals(marked.setup()))
                .map(Candidate::run)
                .filter(w -> startsWith(w, marked.run()))
                .min(Comparator.comparing(w -> w.experiment() + "/" + w.runId()));
    }

    private static boolean startsWith(RunResult witness, RunResult run) {
        Replay r = Replay.compare(null, true, run.metrics(), witness.metrics());
        return r.identical() && r.compared().size() == run.metrics().size();
    }
}
