package ssgan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ssgan.experiment.Plan;
import ssgan.experiment.RunSpec;
import ssgan.results.RunState;
import ssgan.runs.DatasetCache;
import ssgan.runs.Rerun;
import ssgan.runs.RunExecutor;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "sweep", description = "Runs every pending run of an experiment; finished runs are skipped and "
        + "interrupted ones resume from their last checkpoint.")
final class SweepCommand implements Callable<Integer> {
    @Mixin
    ExperimentArgs experiment;

    @Mixin
    CommonOptions common;

    @Option(names = "--rerun", description = "Train the selected finished runs again from epoch 0 (e.g. with code "
            + "newer than a fix); each old record is kept in <run-dir>/superseded-<n>/ and shown in the report.")
    boolean rerun;

    @Override
    public Integer call() throws PlanLoading.BadInput {
        Plan plan = experiment.load(common);
        DatasetCache datasets = PlanLoading.datasetsFor(plan.runs(), common, System.err);
        Rerun reruns = new Rerun(common.store());
        if (rerun) {
            List<String> refusals = reruns.refusals(plan.runs());
            if (!refusals.isEmpty()) {
                refusals.forEach(r -> System.err.println("ssgan sweep --rerun: " + r));
                return PlanLoading.BAD_INPUT; // nothing was moved
            }
        }
        common.configureEngine();
        RunExecutor executor = new RunExecutor(common.store(), datasets, System.out);
        Map<RunState, Integer> outcome = new EnumMap<>(RunState.class);
        for (RunSpec run : plan.runs()) {
            if (rerun) {
                reruns.prepare(run, System.out);
            }
            outcome.merge(executor.execute(run), 1, Integer::sum);
        }
        System.out.println(plan.experiment() + ": " + plan.runs().size() + " runs: "
                + outcome.toString().toLowerCase().replaceAll("[{}]", ""));
        return outcome.containsKey(RunState.FAILED) ? 1 : 0;
    }
}
