package ssgan.stats;

import ssgan.config.Settings;
import ssgan.data.ErrorUnit;
import ssgan.paper.PaperReference;
import ssgan.paper.PaperTable;
import ssgan.results.Predictions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Groups runs into cells and compares each cell with the paper and the variants of a budget with each other: the
 * whole statistical content of the report. A cell whose statistics fail is named in {@code problems} and left out;
 * the other cells stand.
 */
public record Analysis(List<RunResult> runs, List<CellSummary> cells, List<Ablation> ablations,
                       PaperReference paper, List<ClaimLine> claims, Compute compute, List<String> problems) {

    /** Reads each cell's predictions files for its ensembles. */
    public static Analysis of(List<RunResult> runs, List<PaperTable> tables) {
        return of(runs, tables, Ensemble.FROM_FILES);
    }

    /** @param predictions a run's final test-set probabilities, if it has them */
    public static Analysis of(List<RunResult> runs, List<PaperTable> tables,
                              Function<RunResult, Optional<Predictions>> predictions) {
        PaperReference paper = new PaperReference(tables);
        Map<CellKey, List<RunResult>> byCell = new TreeMap<>();
        runs.forEach(r -> byCell.computeIfAbsent(r.cell(), k -> new ArrayList<>()).add(r));
        List<String> tableOrder = paper.tables().stream().map(t -> t.dataset().toLowerCase(Locale.ROOT))
                .toList();
        // Cells follow the paper's table order (MNIST, then CIFAR-10), then their own order.
        Comparator<CellSummary> order = Comparator.comparingInt(c -> {
            int i = tableOrder.indexOf(c.key().dataset().toLowerCase(Locale.ROOT));
            return i < 0 ? Integer.MAX_VALUE : i;
        });
        Problems failedCells = new Problems();
        // Parallel: reading and summing the predictions files dominates, and cells are independent.
        List<CellSummary> cells = byCell.entrySet().parallelStream()
                .map(e -> failedCells.guard("cell " + describe(e.getKey()),
                        () -> summarise(e.getKey(), e.getValue(), paper, predictions), null))
                .filter(Objects::nonNull)
                .sorted(order.thenComparing(CellSummary::key)).toList();
        Problems problems = new Problems();
        problems.addAll(failedCells.lines().stream().sorted().toList()); // in name order, not thread order
        cells.forEach(c -> c.ensemble().problems().forEach(p -> problems.add("ensemble of cell " + describe(c.key())
                + ": " + p + (p.endsWith("left out of the ensemble") ? "" : "; left out of the ensemble"))));
        List<Ablation> ablations = problems.guard("ablation tables", () -> Ablation.of(cells), List.of());
        List<ClaimLine> claims = problems.guard("verdicts", () -> ClaimLine.of(cells, paper), List.of());
        List<RunResult> computations = runs.stream().filter(r -> !r.integrity().copy()).toList();
        Compute compute = problems.guard("compute", () -> Compute.of(computations, cells, paper),
                new Compute(List.of(), 0, 0, List.of()));
        return new Analysis(List.copyOf(runs), cells, ablations, paper, claims, compute, problems.lines());
    }

    /** "mnist 100 labels, faithful, 300 epochs (the paper's)": a cell, where a problem is named. */
    private static String describe(CellKey key) {
        return key.dataset() + " " + key.labels() + " labels, " + key.variant() + ", " + key.budget();
    }

    /**
     * @param runs every run of the cell: those whose record does not stand ({@link Integrity}) are kept aside in
     *             {@link CellSummary#leftOut}, out of its statistics, curves and charts
     */
    static CellSummary summarise(CellKey key, List<RunResult> all, PaperReference paper,
                                 Function<RunResult, Optional<Predictions>> predictions) {
        List<RunResult> runs = all.stream().filter(RunResult::admitted).toList();
        List<RunResult> leftOut = all.stream().filter(r -> !r.admitted()).toList();
        List<RunResult> finished = distinctFinished(runs);
        SampleStats average = SampleStats.of(finished.stream().mapToDouble(RunResult::finalAverage).toArray());
        SampleStats raw = SampleStats.of(finished.stream().mapToDouble(RunResult::finalRaw).toArray());
        SampleStats corrected = SampleStats.of(finished.stream().mapToDouble(RunResult::finalCorrected)
                .filter(Double::isFinite).toArray());
        Settings.ReportedD reportedD = reportedD(runs.isEmpty() ? all : runs);
        SampleStats figure = reportedD == Settings.ReportedD.RAW ? raw : average;
        SampleStats healthy = SampleStats.of(finished.stream().filter(r -> !r.health().flagged())
                .mapToDouble(RunResult::finalFigure).toArray());
        Optional<PaperTable.Cell> paperCell = paper.paperCell(key.dataset(), key.labels());
        int collapsed = (int) finished.stream().filter(r -> r.health().collapsed()).count();
        Judgement judgement = Judgement.of(key.fullBudget(), figure,
                finished.stream().mapToDouble(RunResult::finalFigure).toArray(), collapsed,
                paperCell.map(PaperTable.Cell::mean).orElse(null), paperCell.map(PaperTable.Cell::std).orElse(null),
                paperCell.map(PaperReference::runs).orElse(0));
        ErrorUnit unit = key.unit();
        // Each predictions file is read once, for the confusion matrices and the ensembles both.
        Map<RunResult, Optional<Predictions>> read = new IdentityHashMap<>();
        Function<RunResult, Optional<Predictions>> once = r -> {
            Optional<Predictions> p = read.get(r);
            if (p == null) {
                p = predictions.apply(r); // an unreadable file throws again for the ensemble, which reports it
                read.put(r, p);
            }
            return p;
        };
        return new CellSummary(key, List.copyOf(runs), finished, reportedD, average, raw, corrected, healthy, paperCell,
                judgement, Curves.of(runs, unit), Ensemble.of(finished, unit, once),
                paper.paperEnsembleCell(key.dataset(), key.labels()), CellMixes.of(runs), confusions(runs, once),
                RunSubset.of(runs), leftOut);
    }

    /**
     * The D whose error is the cell's figure: its runs' reported_d. A cell's runs share their settings but seeds, so
     * they agree, unless one computation was recorded by two experiments that read it differently: then the raw D,
     * which both recorded, and the cell's page names the mix.
     */
    static Settings.ReportedD reportedD(List<RunResult> runs) {
        return runs.stream().map(r -> r.settings().reportedD()).distinct().count() == 1
                ? runs.get(0).settings().reportedD() : Settings.ReportedD.RAW;
    }

    /** The confusion matrices of the cell's finished runs that have readable predictions, in seed order. */
    static List<RunConfusion> confusions(List<RunResult> runs, Function<RunResult, Optional<Predictions>> predictions) {
        List<RunConfusion> out = new ArrayList<>();
        for (RunResult r : runs.stream().filter(RunResult::finished)
                .sorted(RunResult.SEED_ORDER).toList()) {
            try {
                predictions.apply(r).ifPresent(p -> out.add(RunConfusion.of(r, p)));
            } catch (RuntimeException e) {
                // left out here; the cell's ensemble names the unreadable file
            }
        }
        return List.copyOf(out);
    }

    /**
     * The same settings hash in two experiments is the same computation, not a second sample: count it once.
     */
    static List<RunResult> distinctFinished(List<RunResult> runs) {
        Map<String, RunResult> byHash = new LinkedHashMap<>();
        runs.stream().filter(RunResult::finished).forEach(r -> byHash.putIfAbsent(r.configHash(), r));
        return List.copyOf(byHash.values());
    }

    public List<Ablation> ablations(String dataset) {
        return ablations.stream().filter(a -> a.dataset().equalsIgnoreCase(dataset)).toList();
    }

    /** Why the faithful cells of a dataset that miss the paper differ, if any does ({@link Gaps}). */
    public Optional<Gaps> gaps(String dataset) {
        return Gaps.of(dataset, cells, paper);
    }

    public List<CellSummary> cells(String dataset) {
        return cells.stream().filter(c -> c.key().dataset().equalsIgnoreCase(dataset)).toList();
    }

    /** Datasets with runs or a paper table, tables first in their file order. */
    public List<String> datasets() {
        List<String> out = new ArrayList<>();
        paper.tables().forEach(t -> out.add(t.dataset()));
        cells.forEach(c -> {
            if (out.stream().noneMatch(d -> d.equalsIgnoreCase(c.key().dataset()))) {
                out.add(c.key().dataset());
            }
        });
        return out;
    }
}
