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
import java.util.OptionalInt;

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
            prior.cell(run.cell().labels()).ifPresent(c -> crossings.add(prior.method() + " ("
                    + Formats.published(c.mean()) + "): " + crossing(m, c.mean()) + reading(m, c)));
        }
        return new PageModel.PriorRun(variant + " · " + run.cell().labels() + " labels · seed " + run.seed(),
                Assets.runPage(run), String.join(" · ", curve),
                crossings.isEmpty() ? "no prior figure at " + run.cell().labels() + " labels" : String.join("; ", crossings));
    }

    /** The port's default number of epochs (its --epochs; spec section 5): where a run of it stops unless told. */
    static final int PORT_DEFAULT_EPOCHS = 10;

    /**
     * "first at or below at epoch 76, above again at epoch 77; stays at or below from epoch 259": a curve that touches
     * a figure once has not reached it, so both the first touch and the epoch from which it stays are given.
     */
    static String crossing(List<EpochMetrics> m, double figure) {
        OptionalInt first = firstAtOrBelow(m, figure);
        if (first.isEmpty()) {
            return "not reached in " + m.get(m.size() - 1).epoch() + " epochs";
        }
        OptionalInt stays = staysAtOrBelowFrom(m, figure);
        if (stays.isPresent() && stays.getAsInt() == first.getAsInt()) {
            return "at or below from epoch " + first.getAsInt() + " on";
        }
        String back = m.stream().filter(e -> e.epoch() > first.getAsInt() && e.testErrorsRaw() > figure).findFirst()
                .map(e -> ", above again at epoch " + e.epoch()).orElse("");
        return "first at or below at epoch " + first.getAsInt() + back + "; " + (stays.isPresent()
                ? "stays at or below from epoch " + stays.getAsInt() : "above it again at the last epoch");
    }

    static OptionalInt firstAtOrBelow(List<EpochMetrics> m, double figure) {
        return m.stream().filter(e -> e.testErrorsRaw() <= figure).mapToInt(EpochMetrics::epoch).findFirst();
    }

    /** The first epoch from which every later recorded epoch is at or below the figure; empty if the last is above. */
    static OptionalInt staysAtOrBelowFrom(List<EpochMetrics> m, double figure) {
        int from = -1;
        for (EpochMetrics e : m) {
            if (e.testErrorsRaw() > figure) {
                from = -1;
            } else if (from < 0) {
                from = e.epoch();
            }
        }
        return from < 0 ? OptionalInt.empty() : OptionalInt.of(from);
    }

    /**
     * Where a study's figure sits on our imitation's curve: nearer its error after the port's default epochs or
     * nearer its last one. One run of ours cannot test the study, so the words stop at "consistent with".
     */
    static String reading(List<EpochMetrics> m, PaperTable.Cell c) {
        Optional<EpochMetrics> early = at(m, PORT_DEFAULT_EPOCHS);
        EpochMetrics last = m.get(m.size() - 1);
        if (early.isEmpty() || last.epoch() <= PORT_DEFAULT_EPOCHS) {
            return "";
        }
        int atEarly = early.get().testErrorsRaw();
        boolean nearerEarly = Math.abs(atEarly - c.mean()) < Math.abs(last.testErrorsRaw() - c.mean());
        return ". At epoch " + PORT_DEFAULT_EPOCHS + " (the port's default --epochs) this run makes " + atEarly
                + ", at epoch " + last.epoch() + " " + last.testErrorsRaw() + ": their figure"
                + (c.runs() != null ? " (" + c.runs() + (c.runs() == 1 ? " run" : " runs") + ")" : "") + " is nearer"
                + (nearerEarly ? " the early one, consistent with a run stopped at the port's default rather than"
                + " trained to the paper's length" : " the late one, consistent with a run trained well past the port's"
                + " default") + "; one run of ours shows where the curve passes, it does not test their figure";
    }

    private static Optional<EpochMetrics> at(List<EpochMetrics> metrics, int epoch) {
        return metrics.stream().filter(e -> e.epoch() == epoch).findFirst();
    }
}
