package ssgan.report;

import ssgan.format.Formats;
import ssgan.paper.PaperTable;
import ssgan.stats.CellSummary;
import ssgan.stats.Ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Our ensembles on the page: a row next to the paper's ensemble row, and a small table in each cell. */
final class EnsembleViews {
    private EnsembleViews() {}

    /**
     * Rows "This reproduction: ensemble, ..." for the faithful series (the paper's ensemble is of its own method),
     * each right below its series' main row: our main row is the comparison, an ensemble of fewer members than the
     * paper's is not, and must not sit highlighted under the paper's ensemble row as if it were.
     */
    static void addTableRows(List<PageModel.RowView> rows, List<CellSummary> cells, TreeSet<Integer> labels) {
        List<String> series = cells.stream().filter(c -> c.key().faithful() && !c.ensemble().isEmpty())
                .map(c -> c.key().series()).distinct().toList();
        List<PageModel.RowView> ours = new ArrayList<>();
        for (String name : series) {
            List<PageModel.TableCell> out = labels.stream().map(l -> cells.stream()
                    .filter(c -> c.key().series().equals(name) && c.key().labels() == l).findFirst()
                    .filter(c -> !c.ensemble().isEmpty())
                    .map(EnsembleViews::tableCell)
                    .orElse(new PageModel.TableCell("no predictions", null, null, null, null, "empty"))).toList();
            ours.add(new PageModel.RowView("This reproduction: ensemble, " + name, "ours", "averaged D; mean"
                    + " class probabilities of the seeds, argmax", out));
        }
        for (int s = 0; s < series.size(); s++) {
            String main = "This reproduction: " + series.get(s);
            int at = rows.size();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).method().equals(main)) {
                    at = i + 1;
                }
            }
            rows.add(at, ours.get(s));
        }
    }

    /** Why a cell's ensemble cannot stand beside the paper's ensemble of 10; null when it can. */
    static String notComparable(CellSummary c) {
        List<String> why = new ArrayList<>();
        if (!c.key().fullBudget()) {
            why.add("budget runs (" + c.key().budget() + ")");
        }
        if (c.ensemble().members() < Ensemble.GROUP_SIZE) {
            why.add(c.ensemble().members() + (c.ensemble().members() == 1 ? " member" : " members")
                    + ", the paper's has " + Ensemble.GROUP_SIZE);
        }
        return why.isEmpty() ? null : "not comparable: " + String.join(", ", why);
    }

    private static PageModel.TableCell tableCell(CellSummary c) {
        Ensemble e = c.ensemble();
        int d = c.unit().decimals();
        String why = notComparable(c);
        String mark = why == null ? "" : " · " + why;
        String css = why == null ? "ours-ensemble" : "ours-ensemble not-comparable";
        String title = "raw D: " + Formats.number(e.raw(), c.unit().runDecimals()) + (e.hasGroups() ? "; raw D over ensembles of "
                + Ensemble.GROUP_SIZE + ": " + Formats.meanStd(e.groupsRaw().mean(), e.groupsRaw().std(), d) : "");
        if (e.hasGroups()) {
            return new PageModel.TableCell(Formats.meanStd(e.groupsAverage().mean(), e.groupsAverage().std(), d),
                    e.groupsAverage().n() + " ensembles of " + Ensemble.GROUP_SIZE + " · all " + e.members() + ": "
                            + Formats.number(e.average(), c.unit().runDecimals()) + mark, null, title, "#" + Assets.anchor(c.key()),
                    css);
        }
        return new PageModel.TableCell(Formats.number(e.average(), c.unit().runDecimals()), "one ensemble of " + e.members()
                + (e.members() == 1 ? " run" : " runs") + mark, null, title, "#" + Assets.anchor(c.key()),
                css);
    }

    /** The cell's ensemble table: averaged and raw D; empty when no finished run has predictions. */
    static List<PageModel.EnsembleRow> cellRows(CellSummary c) {
        Ensemble e = c.ensemble();
        if (e.isEmpty()) {
            return List.of();
        }
        int d = c.unit().decimals();
        String paper = c.paperEnsemble().map(EnsembleViews::published).orElse(Formats.NONE);
        String members = String.valueOf(e.members());
        return List.of(
                new PageModel.EnsembleRow("averaged D", members, Formats.number(e.average(), c.unit().runDecimals()),
                        groups(e, e.groupsAverage(), d), paper),
                new PageModel.EnsembleRow("raw D", members, Formats.number(e.raw(), c.unit().runDecimals()),
                        groups(e, e.groupsRaw(), d), Formats.NONE));
    }

    /** What the cell says about runs left out of its ensembles; null when none were. */
    static String cellNote(CellSummary c) {
        Ensemble e = c.ensemble();
        List<String> parts = new ArrayList<>();
        String why = notComparable(c);
        if (!e.isEmpty() && why != null) {
            parts.add("These ensembles are " + why + ", so they do not test the paper's ensemble row");
        }
        if (e.withoutPredictions() > 0) {
            parts.add(e.withoutPredictions() + " finished run(s) have no predictions.bin.gz and are not in the"
                    + " ensembles");
        }
        parts.addAll(e.problems());
        return parts.isEmpty() ? null : String.join("; ", parts) + ".";
    }

    private static String groups(Ensemble e, ssgan.stats.SampleStats s, int d) {
        if (!e.hasGroups()) {
            return "needs " + 2 * Ensemble.GROUP_SIZE + " runs";
        }
        return Formats.meanStd(s.mean(), s.std(), d) + " (" + s.n() + " ensembles)";
    }

    private static String published(PaperTable.Cell c) {
        return Formats.published(c.mean(), c.std())
                + (c.checked() ? "" : " †");
    }
}
