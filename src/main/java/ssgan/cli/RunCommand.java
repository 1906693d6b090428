package ssgan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ssgan.experiment.Plan;
import ssgan.results.RunState;
import ssgan.experiment.RunSpec;
import ssgan.runs.DatasetCache;
import ssgan.runs.RunExecutor;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run", description = "Runs exactly one run of an experiment: the N-th in the order 'plan' prints "
        + "(what each task of a cluster job array calls).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ExperimentArgs experiment;

    @Option(names = "--index", required = true, description = "0-based index of the run in the plan.")
    int index;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws PlanLoading.BadInput {
        Plan plan = experiment.load(common);
        if (index < 0 || index >= plan.runs().size()) {
            System.err.println("error: --index " + index + " is outside the plan of " + experiment.file + " (0.."
                    + (plan.runs().size() - 1) + ")");
            return PlanLoading.BAD_INPUT;
        }
        RunSpec run = plan.runs().get(index);
        DatasetCache datasets = PlanLoading.datasetsFor(List.of(run), common, System.err);
        common.configureEngine();
        RunState state = new RunExecutor(common.store(), datasets, System.out).execute(run);
        return state == RunState.FAILED ? 1 : 0;
    }
}
