package ssgan.report;

import ssgan.format.Formats;
import ssgan.stats.Ablation;
import ssgan.stats.CellKey;
import ssgan.stats.CellSummary;
import ssgan.stats.MeanDifference;
import ssgan.stats.RunResult;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The ablation tables: each variant of a budget against the faithful one, and their samples side by side. */
final class AblationViews {
    private AblationViews() {}

    static PageModel.AblationView of(Ablation a) {
        CellKey key = a.key();
        List<PageModel.AblationRow> rows = a.rows().stream().map(AblationViews::row).toList();
        List<PageModel.Sample> samples = a.rows().stream()
                .map(r -> sample(r.cell()))
                .flatMap(Optional::stream).toList();
        String note = "Averaged-D test error at the last epoch, mean ± std over finished seeds ("
                + key.budget() + "). Difference: variant − faithful (positive: more errors), with a Welch 95 %"
                + " confidence interval; bold where it excludes 0. Ensemble: one ensemble of all seeds that have"
                + " predictions. Raw D: the same runs' last-epoch error without the moving average, the figure to"
                + " compare for a variant that copies an implementation without one (pytorch_port).";
        if (a.faithful().isEmpty()) {
            note += " No faithful runs at this budget: nothing to compare with.";
        }
        return new PageModel.AblationView("ablation-" + key.slug(), key.dataset() + " · " + key.labels()
                + " labels · " + key.budget(), note, rows, samples);
    }

    private static PageModel.AblationRow row(Ablation.Row r) {
        CellSummary c = r.cell();
        int d = c.unit().decimals();
        MeanDifference diff = r.vsFaithful();
        String meanStd = c.average().n() == 0 ? "no finished runs"
                : Formats.meanStd(c.average().mean(), c.average().std(), d);
        String rawMeanStd = c.raw().n() == 0 ? Formats.NONE : Formats.meanStd(c.raw().mean(), c.raw().std(), d);
        String ensemble = c.ensemble().isEmpty() ? Formats.NONE
                : Formats.number(c.ensemble().average(), c.unit().runDecimals()) + " (" + c.ensemble().members() + ")";
        if (diff == null) {
            return new PageModel.AblationRow(c.key().variant(), "#" + Assets.anchor(c.key()),
                    String.valueOf(c.average().n()), meanStd, rawMeanStd, c.key().faithful() ? "reference" : Formats.NONE,
                    Formats.NONE, Formats.NONE, ensemble, null);
        }
        String ci = Double.isFinite(diff.ciLow())
                ? "[" + Formats.signed(diff.ciLow(), d) + ", " + Formats.signed(diff.ciHigh(), d) + "]" : Formats.NONE;
        return new PageModel.AblationRow(c.key().variant(), "#" + Assets.anchor(c.key()),
                String.valueOf(c.average().n()), meanStd, rawMeanStd, Formats.signed(diff.difference(), d), ci,
                Formats.pValue(diff.p()), ensemble, diff.significant() ? "significant" : null);
    }

    /** The lowest-seed finished run with samples (any run when none finished), so grids compare like with like. */
    private static Optional<PageModel.Sample> sample(CellSummary c) {
        Comparator<RunResult> bySeed = Comparator.comparingInt(RunResult::seed);
        Optional<RunResult> run = c.finished().stream().filter(r -> r.samples() != null).min(bySeed)
                .or(() -> c.runs().stream().filter(r -> r.samples() != null).min(bySeed));
        return run.map(r -> new PageModel.Sample(Assets.samples(r), c.key().variant() + " · seed "
                + r.seed() + " · averaged D " + Formats.number(r.finalAverage(), c.unit().decimals())));
    }
}
