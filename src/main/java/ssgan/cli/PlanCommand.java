package ssgan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ssgan.experiment.Plan;
import ssgan.experiment.RunSpec;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunStatus;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "plan", description = "Lists the runs of an experiment and their state (pending, running, done, "
        + "failed, diverged).")
final class PlanCommand implements Callable<Integer> {
    @Mixin
    ExperimentArgs experiment;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws PlanLoading.BadInput {
        Plan plan = experiment.load(common);
        ResultsStore store = common.store();
        Map<String, Integer> counts = new TreeMap<>();
        System.out.printf("%-5s %-10s %-9s %s%n", "index", "state", "epochs", "run");
        for (RunSpec run : plan.runs()) {
            RunDirectory dir = store.run(run.experiment(), run.runId());
            String state = dir.state().label();
            int done = dir.readStatus().map(RunStatus::epochsDone).orElse(0);
            counts.merge(state, 1, Integer::sum);
            System.out.printf("%-5d %-10s %-9s %s/%s%n", run.index(), state, done + "/" + run.settings().epochs(),
                    run.experiment(), run.runId());
        }
        System.out.println(plan.runs().size() + " runs: " + counts.toString().replaceAll("[{}]", ""));
        return 0;
    }
}
