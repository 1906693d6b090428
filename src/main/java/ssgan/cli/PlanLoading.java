package ssgan.cli;

import ssgan.experiment.ConfigError;
import ssgan.experiment.ConfigException;
import ssgan.experiment.ExperimentLoader;
import ssgan.experiment.Plan;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Loads a plan, or prints every configuration error and yields exit code 2 (nothing is written). */
final class PlanLoading {
    static final int BAD_INPUT = 2;

    private PlanLoading() {}

    static Plan load(Path file, List<String> overrides, CommonOptions common, PrintStream err) throws BadInput {
        try {
            return ExperimentLoader.load(file, overrides, common.catalog()::find);
        } catch (ConfigException e) {
            err.println("error: " + e.errors().size() + " problem(s) in the experiment configuration:");
            for (ConfigError error : e.errors()) {
                err.println("  " + error);
            }
            throw new BadInput();
        }
    }

    static final class BadInput extends Exception {
        BadInput() {
            super(null, null, false, false);
        }
    }
}
