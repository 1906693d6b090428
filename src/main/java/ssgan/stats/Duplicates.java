package ssgan.stats;

import ssgan.results.RunState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The same run id in two directories is one computation copied: a backup of an experiment folder, a copy beside
 * the original. One copy enters the statistics and the others are shown, named and counted nowhere, so that no
 * computation counts twice and no chart draws two series of one name. Which one is decided by what each record
 * says of itself, then by folder order, so the choice is the same on every machine.
 */
final class Duplicates {
    /** A reason to prefer a copy, and how it is said for the copy that has it. */
    private record Criterion(Predicate<RunResult> holds, Function<RunResult, String> why) {}

    private Duplicates() {}

    /**
     * @param runs               in folder order (experiments, then run directories, by name)
     * @param recordedExperiment the experiment a run's config.yaml records
     */
    static List<RunResult> resolve(List<RunResult> runs, Function<RunResult, String> recordedExperiment) {
        List<Criterion> criteria = List.of(
                new Criterion(RunResult::admitted, r -> "its record is consistent"),
                new Criterion(r -> r.experiment().equals(recordedExperiment.apply(r)),
                        r -> "its folder is the experiment its config.yaml records (" + r.experiment() + ")"),
                new Criterion(r -> r.directory().getFileName().toString().equals(r.runId()),
                        r -> "its directory is named after the run id"));
        Comparator<RunResult> better = Comparator.comparing(r -> 0);
        for (Criterion c : criteria) {
            better = better.thenComparing(r -> !c.holds().test(r)); // false sorts first: the criterion holds
        }
        Map<String, List<RunResult>> byId = new LinkedHashMap<>();
        runs.stream().filter(r -> r.state() != RunState.SUPERSEDED) // a rerun's old records share its id by design
                .forEach(r -> byId.computeIfAbsent(r.runId(), k -> new ArrayList<>()).add(r));
        Map<RunResult, RunResult> replaced = new HashMap<>();
        for (List<RunResult> copies : byId.values()) {
            if (copies.size() < 2) {
                continue;
            }
            RunResult kept = copies.stream().min(better).orElseThrow(); // min keeps the first of equals
            for (RunResult r : copies) {
                String id = pageId(r, copies);
                if (r == kept) {
                    replaced.put(r, r.asCopy(id, r.integrity()));
                    continue;
                }
                String why = criteria.stream().filter(c -> c.holds().test(kept) && !c.holds().test(r))
                        .map(c -> c.why().apply(kept)).findFirst().orElse("it comes first in folder order");
                replaced.put(r, r.asCopy(id, r.integrity().asCopy("a second copy of run " + kept.runId() + ": "
                        + kept.recordPath() + " enters the statistics in its place, as " + why)));
            }
        }
        return runs.stream().map(r -> replaced.getOrDefault(r, r)).toList();
    }

    /**
     * The run id, or the directory's name where another copy lies in the same experiment folder: the report names
     * pages and files by experiment and id, and two of one name would overwrite each other.
     */
    private static String pageId(RunResult run, List<RunResult> copies) {
        long sameFolder = copies.stream().filter(r -> r.experiment().equals(run.experiment())).count();
        return sameFolder > 1 ? run.directory().getFileName().toString() : run.runId();
    }
}
