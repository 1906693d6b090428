package ssgan.report;

import ssgan.format.Formats;
import ssgan.metrics.EpochMetrics;
import ssgan.paper.PaperTable;
import ssgan.stats.Analysis;
import ssgan.stats.RunResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "Prior reproductions": what others got when they tried (the paper-table rows of kind reproduction, with what they
 * ran), and, where our ablation variant imitates what they ran, how that variant's raw D (the port tests its live
 * D, not an average) fares against their figures: its test errors at a few epochs and the first epoch at or below
 * each of their figures.
 */
final class PriorViews {
    /** The epochs at which the variant's curve is quoted (and its last one). */
    static final int[] EPOCHS = {10, 25, 50, 100, 200};

    private PriorViews() {}

    static List<PageModel.PriorView> of(Analysis analysis) {
        List<PageModel.PriorView> views = new ArrayList<>();
        for (PaperTable table : analysis.paper().tables()) {
            List<PaperTable.Row> priors = table.rows().stream().filter(r -> r.kind().equals("reproduction")).toList();
            if (priors.isEmpty()) {
                continue;
            }
            List<PageModel.PriorRow> rows = priors.stream().map(r -> new PageModel.PriorRow(r.method(),
                    String.join("; ", r.cells().stream().map(c -> c.labels() + " labels: "
                            + Formats.published(c.mean(), c.std()) + (c.runs() != null ? " (n=" + c.runs() + ")" : "")
                            + (c.checked() ? "" : " †")).toList()),
                    r.ran() == null ? Formats.NONE : r.ran(), r.note(),
                    r.variant())).toList();
            List<PageModel.PriorRun> runs = new ArrayList<>();
            priors.stream().map(PaperTable.Row::variant).filter(Objects::nonNull).distinct().forEach(variant ->
                    analysis.runs().stream()
                            .filter(run -> run.cell().dataset().equals(table.dataset())
                                    && run.cell().variant().equals(variant) && !run.metrics().isEmpty()
                                    && run.admitted())
                            .sorted(Comparator.comparing((RunResult run) -> run.cell().labels())
                                    .thenComparing(RunResult::seed))
                            .forEach(run -> runs.add(priorRun(run, variant, priors))));
            views.add(new PageModel.PriorView(table.dataset(), rows, runs));
        }
        return views;
    }

    private static PageModel.PriorRun priorRun(RunResult run, String variant, List<PaperTable.Row> priors) {
        List<EpochMetrics> m = run.metrics();
        List<String> curve = new ArrayList<>();
        for (int epoch : EPOCHS) {
            at(m, epoch).ifPresent(e -> curve.add("epoch " + epoch + ": " + e.testErrorsRaw()));
        }
        EpochMetrics last = m.get(m.size() - 1);
        curve.add("epoch " + last.epoch() + (run.finished() ? " (last)" : " (so far)") + ": " + last.testErrorsRaw()
                + " raw, " + last.testErrorsAverage() + " averaged");
        List<String> crossings = new ArrayList<>();
        for (PaperTable.Row prior : priors) {
            if (!variant.equals(prior.variant())) {
                continue;
            }
            prior.cell(run.cell().labels()).ifPresent(c -> crossings.add(prior.method() + " (" + Formats.published(c.mean())
                    + "): " + m.stream().filter(e -> e.testErrorsRaw() <= c.mean()).findFirst()
                    .map(e -> "at or below from epoch " + e.epoch())
                    .orElse("not reached in " + last.epoch() + " epochs")));
        }
        return new PageModel.PriorRun(variant + " · " + run.cell().labels() + " labels · seed " + run.seed(),
                Assets.runPage(run), String.join(" · ", curve),
                crossings.isEmpty() ? "no prior figure at " + run.cell().labels() + " labels" : String.join("; ", crossings));
    }

    private static Optional<EpochMetrics> at(List<EpochMetrics> metrics, int epoch) {
        return metrics.stream().filter(e -> e.epoch() == epoch).findFirst();
    }
}
