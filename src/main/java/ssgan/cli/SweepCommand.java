package ssgan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ssgan.experiment.Plan;
import ssgan.experiment.RunSpec;
import ssgan.results.RunState;
import ssgan.runs.DatasetCache;
import ssgan.runs.RunExecutor;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "sweep", description = "Runs every pending run of an experiment; finished runs are skipped and "
        + "interrupted ones resume from their last checkpoint.")
final class SweepCommand implements Callable<Integer> {
    @Mixin
    ExperimentArgs experiment;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws PlanLoading.BadInput {
        Plan plan = experiment.load(common);
        DatasetCache datasets = PlanLoading.datasetsFor(plan.runs(), common, System.err);
        common.configureEngine();
        RunExecutor executor = new RunExecutor(common.store(), datasets, System.out);
        Map<RunState, Integer> outcome = new EnumMap<>(RunState.class);
        for (RunSpec run : plan.runs()) {
            outcome.merge(executor.execute(run), 1, Integer::sum);
        }
        System.out.println(plan.experiment() + ": " + plan.runs().size() + " runs: "
                + outcome.toString().toLowerCase().replaceAll("[{}]", ""));
        return outcome.containsKey(RunState.FAILED) ? 1 : 0;
    }
}
