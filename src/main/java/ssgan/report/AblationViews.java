package ssgan.report;

import ssgan.config.Settings;
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
        String note = "Test error at the last epoch, mean ± std over finished seeds (" + key.budget() + "), of the"
                + " averaged D and of the raw D (the same runs without the moving average); * marks each variant's"
                + " figure, the D its protocol reports (reported_d: raw for a script without an average, such as"
                + " pytorch_port and orig_30d4beb). Difference: variant − faithful, figure against figure (positive:"
                + " more errors), with a Welch 95 % confidence interval; bold where it excludes 0. Ensemble: one"
                + " ensemble of all seeds that have predictions, on the figure's D.";
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
        boolean raw = c.reportedD() == Settings.ReportedD.RAW;
        String meanStd = c.average().n() == 0 ? "no finished runs"
                : Formats.meanStd(c.average().mean(), c.average().std(), d) + (raw ? "" : " *");
        String rawMeanStd = c.raw().n() == 0 ? Formats.NONE
                : Formats.meanStd(c.raw().mean(), c.raw().std(), d) + (raw ? " *" : "");
        String ensemble = c.ensemble().isEmpty() ? Formats.NONE
                : Formats.number(raw ? c.ensemble().raw() : c.ensemble().average(), c.unit().runDecimals())
                + " (" + c.ensemble().members() + ")";
        if (diff == null) {
            return new PageModel.AblationRow(c.key().variant(), "#" + Assets.anchor(c.key()),
                    String.valueOf(c.figure().n()), meanStd, rawMeanStd,
                    c.key().faithful() ? "reference" : Formats.NONE,
                    Formats.NONE, Formats.NONE, ensemble, null);
        }
        String ci = Double.isFinite(diff.ciLow())
                ? "[" + Formats.signed(diff.ciLow(), d) + ", " + Formats.signed(diff.ciHigh(), d) + "]" : Formats.NONE;
        return new PageModel.AblationRow(c.key().variant(), "#" + Assets.anchor(c.key()),
                String.valueOf(c.figure().n()), meanStd, rawMeanStd, Formats.signed(diff.difference(), d), ci,
                Formats.pValue(diff.p()), ensemble, diff.significant() ? "significant" : null);
    }

    /** The lowest-seed finished run with samples (any run when none finished), so grids compare like with like. */
    private static Optional<PageModel.Sample> sample(CellSummary c) {
        Comparator<RunResult> bySeed = Comparator.comparingInt(RunResult::seed);
        Optional<RunResult> run = c.finished().stream().filter(r -> r.samples() != null).min(bySeed)
                .or(() -> c.runs().stream().filter(r -> r.samples() != null).min(bySeed));
        return run.map(r -> new PageModel.Sample(Assets.samples(r), c.key().variant() + " · seed "
                + r.seed() + " · " + r.figureName() + " " + Formats.number(r.finalFigure(), c.unit().decimals())));
    }
}
