package ssgan.stats;

import ssgan.data.ErrorUnit;
import ssgan.format.Formats;
import ssgan.paper.PaperReference;
import ssgan.paper.PaperTable;
import ssgan.results.Provenance;
import ssgan.results.RunState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One line of the report's verdict summary: what this reproduction can say about the paper's claim for one
 * dataset and label count, from the faithful runs only (other variants are ablations, not the paper's claim).
 * A full-budget cell with a finished run decides; otherwise the longest budget cell is described as such.
 *
 * @param verdict  {@link Verdict#BUDGET} for budget runs only; null when there are no runs at all
 * @param status   the verdict in words, e.g. "budget runs only: 30 of 300 epochs"
 * @param n        finished runs behind the status
 * @param reason   the figures behind the status
 * @param cell     the cell the line summarises, for a link; null without runs
 * @param ours     our averaged-D mean ± std behind the status, paper unit ("–" without finished runs)
 * @param paperValue the paper's mean ± std ("–" without one)
 * @param ci       the 95 % CI of ours − paper ("–" where nothing is compared: budget runs, one run, no value)
 */
public record ClaimLine(String dataset, int labels, Verdict verdict, String status, int n, String reason,
                        CellKey cell, String ours, String paperValue, String ci) {

    static List<ClaimLine> of(List<CellSummary> cells, PaperReference paper) {
        List<String> datasets = new ArrayList<>();
        paper.tables().forEach(t -> datasets.add(t.dataset()));
        cells.stream().map(c -> c.key().dataset()).filter(d -> datasets.stream().noneMatch(d::equalsIgnoreCase))
                .distinct().forEach(datasets::add);
        List<ClaimLine> lines = new ArrayList<>();
        for (String dataset : datasets) {
            TreeSet<Integer> labels = new TreeSet<>();
            paper.table(dataset).flatMap(t -> t.row(PaperReference.PAPER_ROW))
                    .ifPresent(r -> r.cells().forEach(c -> labels.add(c.labels())));
            List<CellSummary> faithful = cells.stream().filter(c -> c.key().faithful()
                    && c.key().dataset().equalsIgnoreCase(dataset)).toList();
            faithful.forEach(c -> labels.add(c.key().labels()));
            for (int l : labels) {
                lines.add(line(dataset, l, faithful.stream().filter(c -> c.key().labels() == l).toList(),
                        paper.paperCell(dataset, l)));
            }
        }
        return List.copyOf(lines);
    }

    private static ClaimLine line(String dataset, int labels, List<CellSummary> cells,
                                  Optional<PaperTable.Cell> paper) {
        String paperValue = paper.map(p -> Formats.published(p.mean(), p.std())).orElse(Formats.NONE);
        String paperText = paper.isPresent() ? "paper " + paperValue : "no paper value";
        Optional<CellSummary> full = cells.stream().filter(c -> c.key().fullBudget())
                .max(Comparator.comparingInt(c -> c.finished().size()));
        String progress = full.map(ClaimLine::progress).orElse("");
        if (full.isPresent() && !full.get().finished().isEmpty()) {
            CellSummary c = full.get();
            String ours = meanStd(c.figure(), c.unit());
            String reason = c.figureName() + " " + ours + " over " + c.figure().n()
                    + (c.figure().n() == 1 ? " run" : " runs") + " against " + paperText + testText(c)
                    + flaggedText(c) + modifiedText(c) + leftOutText(c) + progress;
            return new ClaimLine(dataset, labels, c.verdict(), c.verdict().text(), c.figure().n(), reason, c.key(),
                    ours, paperValue,
                    Formats.interval(c.judgement().ciLow(), c.judgement().ciHigh(), c.unit().decimals()));
        }
        Optional<CellSummary> budget = cells.stream().filter(c -> !c.key().fullBudget())
                .max(Comparator.comparingInt((CellSummary c) -> c.key().epochs())
                        .thenComparingInt(c -> c.finished().size()));
        if (budget.isPresent()) {
            CellSummary c = budget.get();
            String reason = c.finished().isEmpty() ? "no budget run has finished yet"
                    : "averaged D " + meanStd(c.average(), c.unit()) + " (zero-started average, handicapped this"
                    + " early), bias-corrected average " + meanStd(c.corrected(), c.unit()) + ", raw D "
                    + meanStd(c.raw(), c.unit()) + " over " + c.finished().size() + " run(s), against " + paperText
                    + flaggedText(c) + leftOutText(c);
            return new ClaimLine(dataset, labels, Verdict.BUDGET, "budget runs only: " + c.key().budget(),
                    c.finished().size(), reason + progress, c.key(),
                    meanStd(c.average(), c.unit()), paperValue, Formats.NONE);
        }
        if (full.isPresent()) {
            return new ClaimLine(dataset, labels, Verdict.NO_FINISHED, Verdict.NO_FINISHED.text(), 0,
                    (progress.isEmpty() ? "no run has finished" : progress.substring(2)) + leftOutText(full.get()),
                    full.get().key(),
                    Formats.NONE, paperValue, Formats.NONE);
        }
        return new ClaimLine(dataset, labels, null, "no runs yet", 0, "nothing has been run for this cell",
                null, Formats.NONE, paperValue, Formats.NONE);
    }

    /**
     * "; 1 full-budget run(s) in progress (seed 1 at epoch 57 of 300: raw D 120, averaged D 131)": where an unfinished
     * paper-length run stands is the best evidence a cell has until one finishes.
     */
    private static String progress(CellSummary c) {
        List<RunResult> running = c.inProgress();
        if (running.isEmpty()) {
            return "";
        }
        String each = running.stream().map(r -> standing(r, c)).collect(Collectors.joining("; "));
        return "; " + running.size() + " full-budget run(s) in progress (" + each + ")";
    }

    /** "seed 1 at epoch 57 of 300: raw D 120, averaged D 131"; before its first epoch, no errors. */
    private static String standing(RunResult r, CellSummary c) {
        String where = "seed " + r.seed() + (r.state() == RunState.STOPPED ? " stopped" : "") + " at epoch "
                + r.epochsDone() + " of " + c.key().epochs();
        int d = c.unit().runDecimals();
        return r.last().isEmpty() ? where
                : where + ": raw D " + Formats.number(r.finalRaw(), d) + ", averaged D " + Formats.number(r.finalAverage(), d);
    }

    /** The figures behind a full-budget verdict, then its rule. */
    private static String testText(CellSummary c) {
        Judgement j = c.judgement();
        if (!j.compares()) {
            return "; " + j.rule();
        }
        int d = c.unit().decimals();
        String effect = Double.isFinite(j.effect()) ? " (" + Formats.signed(j.effect(), 2) + " paper stds)" : "";
        String range = "; " + (j.outside() == 0 ? "every run inside" : j.outside() + " of " + j.n() + " run(s) outside")
                + " the paper's 95 % prediction interval for one run "
                + Formats.countInterval(j.predictionLow(), j.predictionHigh(), d)
                + (j.collapsed() > 0 ? "; " + j.collapsed() + " collapsed" : "")
                + (j.n() > 2 ? "; median " + Formats.number(j.median(), d) : "");
        String seeds = "; seeds to detect one paper std at 80 % power: "
                + (j.seedsNeeded() > 0 ? String.valueOf(j.seedsNeeded()) : "none suffices")
                + ", to show equivalence if ours matched the paper exactly: "
                + (j.seedsEquivalent() > 0 ? String.valueOf(j.seedsEquivalent()) : "none suffices");
        if (j.n() == 1) {
            return "; ours − paper " + Formats.signed(j.difference(), d) + effect + range + seeds + "; rule: " + j.rule();
        }
        return "; ours − paper " + Formats.signed(j.difference(), d) + effect + ", 95 % CI "
                + Formats.interval(j.ciLow(), j.ciHigh(), d) + ", 90 % CI (TOST) "
                + Formats.interval(j.tostLow(), j.tostHigh(), d) + ", Welch p = " + Formats.pValue(j.p()) + range
                + "; detectable at 80 % power: ±" + Formats.number(j.minDetectable(), d) + seeds + "; rule: "
                + j.rule();
    }

    private static String flaggedText(CellSummary c) {
        List<RunResult> flagged = c.flagged();
        if (flagged.isEmpty()) {
            return "; no run flagged by the health checks";
        }
        List<RunResult> collapsed = flagged.stream().filter(r -> r.health().collapsed()).toList();
        String withoutCollapsed = collapsed.isEmpty() ? "" : "; without the collapsed run(s) " + meanStd(SampleStats.of(
                c.finished().stream().filter(r -> !r.health().collapsed()).mapToDouble(RunResult::finalFigure)
                        .toArray()), c.unit());
        return "; " + flagged.size() + " of " + c.finished().size() + " run(s) flagged ("
                + String.join(", ", flagged.stream().map(r -> "seed " + r.seed() + ": " + r.health().summary())
                .toList()) + "), counted in the mean" + withoutCollapsed + "; without every flagged run "
                + meanStd(c.healthy(), c.unit());
    }

    /**
     * "; seed 3 trained from a modified work tree (bc8fe58+) ...": such a run's code is not exactly any commit's, and
     * what was modified is not recorded, so the line says so rather than letting the number pass as a commit's.
     */
    private static String modifiedText(CellSummary c) {
        List<String> seeds = c.finished().stream().filter(r -> r.provenance() != null
                        && r.provenance().sittingList().stream().anyMatch(s -> s.gitDirty()))
                .map(r -> "seed " + r.seed() + " (" + r.provenance().sittingList().stream().filter(s -> s.gitDirty())
                        .map(s -> Provenance.commitLabel(s.gitCommit(), true)).distinct()
                        .collect(Collectors.joining(", ")) + ")").toList();
        return seeds.isEmpty() ? "" : "; trained in part from a modified work tree, what was modified not recorded: "
                + String.join(", ", seeds);
    }

    /**
     * "; left out of the statistics: seed 2 (mnist-paper/labels100-seed2-…)": a verdict that a run's record did not
     * enter says so beside its figures (why is on the page and the terminal).
     */
    private static String leftOutText(CellSummary c) {
        return c.leftOut().isEmpty() ? "" : "; left out of the statistics, as their record does not stand: "
                + c.leftOut().stream().map(r -> "seed " + r.seed() + " (" + r.recordPath() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String meanStd(SampleStats s, ErrorUnit unit) {
        return s.n() == 0 ? Formats.NONE : Formats.meanStd(s.mean(), s.std(), unit.decimals());
    }
}
