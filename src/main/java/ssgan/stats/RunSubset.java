package ssgan.stats;

import ssgan.data.ErrorUnit;
import ssgan.format.Formats;
import ssgan.results.RunDirectory;
import ssgan.results.SubsetDifficulty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run beside how hard its labeled subset is ({@link SubsetDifficulty}, from its subset.json): a GAN far below its
 * subset's 1-NN figure learned from the unlabeled images; one near or above it did not, whatever its subset.
 */
public record RunSubset(RunResult run, SubsetDifficulty difficulty) {

    /**
     * The cell's runs that have a readable subset.json, in seed order. An unreadable file is left out: the figure
     * is a reading aid, and {@code ssgan subsets} rewrites it.
     */
    static List<RunSubset> of(List<RunResult> runs) {
        List<RunSubset> out = new ArrayList<>();
        for (RunResult r : runs.stream().sorted(RunResult.SEED_ORDER).toList()) {
            try {
                new RunDirectory(r.directory()).readSubset().ifPresent(d -> out.add(new RunSubset(r, d)));
            } catch (RuntimeException e) {
                // left out, see above
            }
        }
        return List.copyOf(out);
    }

    /**
     * "1-NN on the 20 labeled images alone: 6121, harder than 100 % of 100 random subsets of 20 (their median 4756)",
     * in the cell's unit.
     */
    public String text(ErrorUnit unit) {
        SubsetDifficulty d = difficulty;
        int decimals = unit.runDecimals();
        String own = "1-NN on the " + d.labels() + " labeled images alone: "
                + Formats.number(unit.of(d.testErrors(), d.testCount()), decimals);
        return d.referenceDraws() == 0 ? own : own + String.format(Locale.ROOT, ", harder than %.0f %% of %d random"
                + " subsets of %d (their median %s)", d.percentile(), d.referenceDraws(), d.labels(),
                Formats.number(unit.of(1, d.testCount()) * d.referenceQuantile(0.5), decimals));
    }
}
