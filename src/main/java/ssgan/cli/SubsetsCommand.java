package ssgan.cli;

import ai.djl.ndarray.NDManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ssgan.experiment.Plan;
import ssgan.experiment.RunSpec;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.SubsetDifficulty;
import ssgan.runs.DatasetCache;
import ssgan.runs.SubsetCheck;

import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "subsets", description = "How hard each run's labeled subset is: the test errors of a "
        + "1-nearest-neighbour classifier given its labeled images alone, ranked among the subsets of seed_data "
        + "1001, 1002, ... of the same size. Prints a line per planned run and writes subset.json into each started "
        + "run's directory, where the report finds it (a sweep writes it when a run first starts; this command adds it "
        + "to older runs or recomputes it). Nothing trains; a run in progress is not disturbed.")
final class SubsetsCommand implements Callable<Integer> {
    @Mixin
    ExperimentArgs experiment;

    @Mixin
    CommonOptions common;

    @Option(names = "--draws", defaultValue = "" + SubsetCheck.DEFAULT_DRAWS, description = "Reference subsets per "
            + "label count (default: ${DEFAULT-VALUE}; 0: the run's own figure only).")
    int draws;

    @Option(names = "--force", description = "Recompute subset.json files that exist with the same number of draws.")
    boolean force;

    @Override
    public Integer call() throws PlanLoading.BadInput {
        if (draws < 0) {
            System.err.println("ssgan subsets: --draws must be at least 0, got " + draws);
            return PlanLoading.BAD_INPUT;
        }
        Plan plan = experiment.load(common);
        DatasetCache datasets = PlanLoading.datasetsFor(plan.runs(), common, System.err);
        common.configureEngine();
        ResultsStore store = common.store();
        try (NDManager manager = NDManager.newBaseManager()) {
            SubsetCheck check = new SubsetCheck(manager, datasets, draws);
            for (RunSpec run : plan.runs()) {
                RunDirectory dir = store.run(plan.experiment(), run.runId());
                boolean started = Files.isRegularFile(dir.configFile());
                Optional<SubsetDifficulty> kept = started && !force ? dir.readSubset()
                        .filter(s -> s.referenceDraws() == draws) : Optional.empty();
                SubsetDifficulty s = kept.orElseGet(() -> check.of(run.settings()));
                if (started && kept.isEmpty()) {
                    dir.writeSubset(s);
                }
                String where = !started ? " (no run directory yet: not written)"
                        : kept.isPresent() ? " (kept " + dir.subsetFile() + ")" : " -> " + dir.subsetFile();
                System.out.println(plan.experiment() + "/" + run.runId() + ": " + line(s) + where);
            }
        }
        return 0;
    }

    /** "1-NN 6121 of 10000 test images wrong; above 100 % of 100 reference subsets (median 4756, 90 % 4300–5300)". */
    static String line(SubsetDifficulty s) {
        String own = String.format(Locale.ROOT, "1-NN %d of %d test images wrong", s.testErrors(), s.testCount());
        if (s.referenceDraws() == 0) {
            return own;
        }
        return own + String.format(Locale.ROOT, "; harder than %.0f %% of %d reference subsets (median %.0f, 90 %% "
                        + "within %.0f–%.0f)", s.percentile(), s.referenceDraws(), s.referenceQuantile(0.5),
                s.referenceQuantile(0.05), s.referenceQuantile(0.95));
    }
}
