package ssgan.report;

import java.util.List;

/**
 * What the template shows, as preformatted strings: the template only lays them out, and Mustache's
 * {{value}} HTML-escapes every one of them (config strings and run messages included).
 */
public record PageModel(Header header, List<ClaimView> claims, ClaimsSection claimsSection,
                        List<DatasetView> datasets, List<AblationView> ablations, List<CellView> cells,
                        List<RunView> runs, List<Download> downloads, List<PriorView> priors,
                        List<GapSection> gaps, List<AnswerLine> answers, String healthRules,
                        List<Chart> verdictCharts) {

    public boolean hasRuns() { return !runs.isEmpty(); }

    public boolean hasAblations() { return !ablations.isEmpty(); }

    /** Title, provenance of the page itself and run counts. */
    public record Header(String title, String generated, String resultsRoot, String paperSource, List<Count> counts,
                         List<String> problems) {
        public boolean hasProblems() { return !problems.isEmpty(); }

        public int problemCount() { return problems.size(); }
    }

    public record Count(String state, long count) {}

    /** A line of the verdict summary. */
    public record ClaimView(String dataset, String labels, String status, String n, String reason, String href,
                            String css) {}

    /** The reproducibility-challenge style summary under the verdicts. */
    public record ClaimsSection(List<String> reproduced, List<String> notReproduced, List<String> open,
                                List<String> limits, List<ComputeRow> compute, String computeTotal,
                                List<RemainingRow> remaining) {}

    public record ComputeRow(String cell, String href, String runs, String cpuHours, String wallHours) {}

    public record RemainingRow(String dataset, String runs, String epochsLeft, String rate, String wallHours,
                               String cpuHours) {}

    public record Download(String name, String csv, String json, String description) {}

    /** One paper table with our rows added, and the error-against-labels chart. */
    public record DatasetView(String name, String title, String unit, List<String> labels, List<RowView> rows,
                              String labelsChart, List<Source> sources, List<String> notes) {
        public boolean hasSources() { return !sources.isEmpty(); }
    }

    public record Source(String letter, String text) {}

    /** Prior reproductions of one dataset's table, and our variant that imitates them. */
    public record PriorView(String dataset, List<PriorRow> rows, List<PriorRun> runs) {
        public boolean hasRuns() { return !runs.isEmpty(); }

        public boolean imitated() { return rows.stream().anyMatch(r -> r.variant() != null); }
    }

    public record PriorRow(String method, String figures, String ran, String note, String variant) {}

    public record PriorRun(String label, String href, String curve, String crossings) {}

    /** A table row: {@code kind} is paper, ensemble, baseline, reproduction or ours (a CSS class too). */
    public record RowView(String method, String kind, String note, List<TableCell> cells) {}

    /** A chart of one dataset. */
    public record Chart(String dataset, String src) {}

    /** One line of the plain-language answer at the top; {@code href} to its cell, {@code css} its verdict colour. */
    public record AnswerLine(String text, String href, String css) {}

    /**
     * "Why the low-label cells differ" for one dataset: the protocols side by side at the paper's budget, then one
     * block per label count where the released script misses the paper.
     *
     * @param screenCaveat what a short screen can and cannot predict, with this results tree's own example if any
     */
    public record GapSection(String dataset, List<String> labels, List<RowView> protocols, List<GapView> gaps,
                             String screenCaveat) {}

    /** {@code chart}: each protocol's figure over epochs, null when there is none to show. */
    public record GapView(String labels, String headline, String chart, List<EffectView> effects, String conclusion,
                          List<ScreenView> screens) {
        public boolean hasEffects() { return !effects.isEmpty(); }
    }

    /** One protocol against the released script at one label count; differences are protocol − released. */
    public record EffectView(String variant, String href, String figure, String meanStd, String inside,
                             String difference, String ci, String closed, String paired, String pairedRaw,
                             String finding) {}

    public record ScreenView(String title, List<String> milestones, List<ScreenRowView> rows, String note) {}

    /** {@code at}: "raw / averaged" mean errors per milestone; {@code css} marks a variant lower on every seed. */
    public record ScreenRowView(String variant, String href, String n, List<String> at, String pairedRaw,
                                String pairedAveraged, String effect, String css) {}

    /** {@code flag} marks a value no secondary source confirmed; {@code href} links our value to its cell. */
    public record TableCell(String text, String detail, String flag, String title, String href, String css) {}

    /** A cell's heading and what it pools. */
    public record CellHead(String anchor, String title, String variant, String budget, boolean fullBudget,
                           String average, String runsLine, String mixes, List<String> restarts) {}

    public record CellView(CellHead head, List<Flagged> flagged, List<StatRow> stats, Comparison comparison,
                           String lossChart, String errorChart, List<Sample> samples, List<EnsembleRow> ensembles,
                           String ensembleNote, List<ConfusionLine> confusions, List<SubsetLine> subsets) {
        public boolean hasSamples() { return !samples.isEmpty(); }
        public boolean hasSubsets() { return !subsets.isEmpty(); }
        public boolean hasConfusions() { return !confusions.isEmpty(); }
        public boolean hasEnsembles() { return !ensembles.isEmpty(); }
        public boolean hasFlagged() { return !flagged.isEmpty(); }
    }

    /** Where a finished run's averaged-D errors are, in words, linked to its page (which has the matrices). */
    public record ConfusionLine(String seed, String href, String text) {}

    /** How hard a run's labeled subset is, beside the run's own averaged-D error (or its state), linked to its page. */
    public record SubsetLine(String seed, String href, String ours, String text) {}

    /** A flagged run of a cell, linked to its page. */
    public record Flagged(String seed, String href, String findings) {}

    /** One discriminator's ensemble errors in a cell: of all runs, over disjoint ensembles of 10, the paper's. */
    public record EnsembleRow(String label, String members, String all, String groups, String paper) {}

    /** The variants of one dataset x labels x budget against the faithful one, with a sample grid each. */
    public record AblationView(String anchor, String title, String note, List<AblationRow> rows,
                               List<Sample> samples) {}

    /** {@code css} marks a difference whose 95 % interval excludes 0. */
    public record AblationRow(String variant, String href, String n, String meanStd, String rawMeanStd,
                              String difference, String ci,
                              String p, String ensemble, String css) {}

    public record StatRow(String label, String n, String mean, String std, String se, String ci, String min,
                          String max) {}

    /**
     * A cell against the paper: n and the per-seed values, ours − paper with its 95 % CI, the effect size in paper
     * stds, the Welch p, the power figures, the verdict and its rule. Budget cells show no p-value or interval.
     */
    public record Comparison(String paper, String paperFlag, String n, String values, String ours,
                             String difference, String ci, String tost, String effect, String p, String power,
                             String verdict, String rule, String css) {}

    public record Sample(String src, String caption) {}

    /**
     * A row of the runs table; {@code seconds} sorts the duration column; {@code integrity} is null for a run whose
     * record is whole and stands.
     */
    public record RunView(RunLink link, String cellAnchor, String cell, String state, String health,
                          String healthCss, String epochs, RunErrors errors, String duration, String seconds,
                          String cpuHours, Origin origin, RunIntegrity integrity) {}

    /** Why a run is left out of every statistic (null when it is not), and what of its record is damaged (or null). */
    public record RunIntegrity(String leftOut, String damage) {}

    public record RunLink(String experiment, String runId, String href, String message) {}

    /** Final errors in the paper's unit: raw, averaged (the paper's number) and bias-corrected. */
    public record RunErrors(String raw, String average, String corrected) {}

    /** Where a number came from: settings hash, commit, device, threads, sittings. */
    public record Origin(String hash, String commit, String device, String threads, String sittings) {}
}
