package ssgan.cli;

import picocli.CommandLine.Parameters;
import ssgan.experiment.Plan;

import java.nio.file.Path;
import java.util.List;

/** The positional arguments of every command that reads an experiment: the file and its overrides. */
final class ExperimentArgs {
    @Parameters(index = "0", description = "Experiment file (.yaml or .json).")
    Path file;

    @Parameters(index = "1..*", description = "Overrides: key=value, key=a,b,c or key=1..10.")
    List<String> overrides = List.of();

    /** The validated plan; on bad input every error is printed and {@link PlanLoading.BadInput} thrown. */
    Plan load(CommonOptions common) throws PlanLoading.BadInput {
        return PlanLoading.load(file, overrides, common, System.err);
    }
}
