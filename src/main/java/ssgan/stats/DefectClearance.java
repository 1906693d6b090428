package ssgan.stats;

import ssgan.config.Settings;
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

    private DefectClearance() {}

    static List<RunResult> apply(List<RunResult> runs) {
        return runs.stream().map(run -> clear(run, runs)).toList();
    }

    private static RunResult clear(RunResult run, List<RunResult> all) {
        List<KnownDefects.Fix> predated = KnownDefects.predating(run.provenance(), run.seconds());
        if (predated.isEmpty() || run.metrics().isEmpty()) {
            return run;
        }
        List<KnownDefects.Clearance> found = new ArrayList<>();
        for (KnownDefects.Fix fix : predated) {
            witness(run, fix, all).ifPresent(w -> found.add(
                    new KnownDefects.Clearance(fix, w.experiment() + "/" + w.runId(), run.metrics().size())));
        }
        return found.isEmpty() ? run : run.withClearances(found);
    }

    /** The first (by name) run trained after {@code fix} whose record starts with all of {@code run}'s epochs. */
    private static Optional<RunResult> witness(RunResult run, KnownDefects.Fix fix, List<RunResult> all) {
        Map<String, Object> setup = withoutBudget(run.settings());
        return all.stream()
                .filter(w -> w != run && w.provenance() != null)
                .filter(w -> !KnownDefects.predating(w.provenance(), w.seconds()).contains(fix))
                .filter(w -> withoutBudget(w.settings()).equals(setup))
                .filter(w -> startsWith(w, run))
                .min(Comparator.comparing(w -> w.experiment() + "/" + w.runId()));
    }

    private static boolean startsWith(RunResult witness, RunResult run) {
        Replay r = Replay.compare(null, true, run.metrics(), witness.metrics());
        return r.identical() && r.compared().size() == run.metrics().size();
    }

    private static Map<String, Object> withoutBudget(Settings settings) {
        Map<String, Object> map = new TreeMap<>(SettingsCodec.toMap(settings));
        map.remove("epochs");
        return map;
    }
}
