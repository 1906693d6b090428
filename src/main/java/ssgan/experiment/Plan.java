package ssgan.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * An expanded experiment: every run in a stable order (sweep product in axis order, then includes).
 *
 * @param experiment the experiment name (results/&lt;experiment&gt;/)
 * @param source     the experiment file
 * @param runs       the runs; {@code runs.get(i).index() == i}
 */
public record Plan(String experiment, Path source, List<RunSpec> runs) {
    public Plan {
        runs = List.copyOf(runs);
    }
}
