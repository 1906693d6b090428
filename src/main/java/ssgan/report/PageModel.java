package ssgan.report;

import java.util.List;

/**
 * What the template shows, as preformatted strings: the template only lays them out, and Mustache's
 * {{value}} HTML-escapes every one of them (config strings and run messages included).
 */
public record PageModel(String title, String generated, String resultsRoot, String paperSource, List<Count> counts,
                        List<String> problems, List<DatasetView> datasets, List<AblationView> ablations,
                        List<CellView> cells, List<RunView> runs, String stylesheet) {

    public boolean hasRuns() { return !runs.isEmpty(); }

    public boolean hasAblations() { return !ablations.isEmpty(); }

    public record Count(String state, long count) {}

    /** One paper table with our rows added, and the error-against-labels chart. */
    public record DatasetView(String name, String title, String unit, List<String> labels, List<RowView> rows,
                              String labelsChart, List<Source> sources, List<String> notes) {
        public boolean hasSources() { return !sources.isEmpty(); }
    }

    public record Source(String letter, String text) {}

    /** A table row: {@code kind} is paper, ensemble, baseline, reproduction or ours (a CSS class too). */
    public record RowView(String method, String kind, String note, List<TableCell> cells) {}

    /** {@code flag} marks a value no secondary source confirmed; {@code href} links our value to its cell. */
    public record TableCell(String text, String detail, String flag, String title, String href, String css) {}

    public record CellView(String anchor, String title, String variant, String budget, boolean fullBudget,
                           String average, String runsLine, List<StatRow> stats, Comparison comparison,
                           String lossChart, String errorChart, List<Sample> samples, List<EnsembleRow> ensembles,
                           String ensembleNote) {
        public boolean hasSamples() { return !samples.isEmpty(); }
        public boolean hasEnsembles() { return !ensembles.isEmpty(); }
    }

    /** One discriminator's ensemble errors in a cell: of all runs, over disjoint ensembles of 10, the paper's. */
    public record EnsembleRow(String label, String members, String all, String groups, String paper) {}

    /** The variants of one dataset x labels x budget against the faithful one, with a sample grid each. */
    public record AblationView(String anchor, String title, String note, List<AblationRow> rows,
                               List<Sample> samples) {}

    /** {@code css} marks a difference whose 95 % interval excludes 0. */
    public record AblationRow(String variant, String href, String n, String meanStd, String difference, String ci,
                              String p, String ensemble, String css) {}

    public record StatRow(String label, String n, String mean, String std, String se, String ci, String min,
                          String max) {}

    public record Comparison(String paper, String paperFlag, String difference, String t, String df, String p,
                             String verdict, String css) {}

    public record Sample(String src, String caption) {}

    public record RunView(String experiment, String runId, String href, String cellAnchor, String cell,
                          String state, String epochs, String raw, String average, String duration, String hash,
                          String commit, String device, String threads, String message) {}
}
