package ssgan.cli;

import ssgan.config.ConfigError;
import ssgan.config.ConfigException;
import ssgan.data.DataException;
import ssgan.experiment.ExperimentLoader;
import ssgan.experiment.Plan;
import ssgan.experiment.RunSpec;
import ssgan.runs.DatasetCache;

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

    /**
     * Loads and verifies every dataset the given runs use before anything is written, so a missing or altered
     * data file is bad input (exit 2), not a failed run.
     */
    static DatasetCache datasetsFor(List<RunSpec> runs, CommonOptions common, PrintStream err) throws BadInput {
        DatasetCache cache = common.datasets();
        try {
            runs.stream().map(r -> r.settings().dataset()).distinct().forEach(cache::get);
            return cache;
        } catch (DataException e) {
            err.println("error: " + e.getMessage());
            throw new BadInput();
        }
    }

    static final class BadInput extends Exception {
        BadInput() {
            super(null, null, false, false);
        }
    }
}
