package ssgan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ssgan.experiment.Plan;
import ssgan.results.ResultsStore;
import ssgan.runs.RunOverview;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "status", description = "Shows running and recently stopped runs (of FILE, or of every experiment "
        + "in the results directory): state and whether their process is alive, epoch, seconds per epoch, ETA, the "
        + "last test errors, and the checkpoint with what the next sitting would do.")
final class StatusCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "Experiment file (.yaml or .json); default: every "
            + "experiment under the results directory (and the checkpoints root).")
    Path file;

    @Parameters(index = "1..*", description = "Overrides, as for sweep (they select the plan's runs).")
    List<String> overrides = List.of();

    @Option(names = "--all", description = "Also runs that finished more than 24 hours ago.")
    boolean all;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws PlanLoading.BadInput {
        ResultsStore store = common.store();
        List<RunOverview> runs = new ArrayList<>();
        if (file != null) {
            Plan plan = PlanLoading.load(file, overrides, common, System.err);
            Set<String> ids = plan.runs().stream().map(r -> r.runId()).collect(Collectors.toSet());
            store.startedRuns(plan.experiment()).stream().filter(r -> ids.contains(r.runId()))
                    .forEach(r -> runs.add(RunOverview.of(plan.experiment(), r)));
        } else {
            for (String experiment : store.experimentsWithCheckpoints()) {
                store.startedRuns(experiment).forEach(r -> runs.add(RunOverview.of(experiment, r)));
            }
        }
        Instant now = Instant.now();
        List<RunOverview> shown = runs.stream().filter(r -> all || r.recent(now)).toList();
        shown.forEach(r -> r.lines().forEach(System.out::println));
        long running = shown.stream().filter(RunOverview::running).count();
        int older = runs.size() - shown.size();
        System.out.println(shown.size() + " runs, " + running + " running"
                + (older > 0 ? "; " + older + " finished more than a day ago (--all shows them)" : "")
                + "; results in " + store.root() + store.checkpointsRoot().map(c -> ", checkpoints in " + c).orElse(""));
        return 0;
    }
}
