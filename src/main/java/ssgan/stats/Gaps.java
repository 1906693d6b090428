package ssgan.stats;

import ssgan.metrics.EpochMetrics;
import ssgan.paper.PaperProtocol;
import ssgan.paper.PaperReference;
import ssgan.paper.PaperTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * "Why the low-label cells differ": for each label count where the faithful full-budget runs miss the paper (their
 * mean lies outside the paper's 95 % prediction interval for one run, or the verdict is "worse"), every other
 * protocol run at the paper's budget set against them seed by seed, and every shorter screen of variants at that
 * label count. Also the protocols side by side at every label count. Statistics only; the words are the report's.
 *
 * @param protocols every variant with full-budget cells of this dataset, faithful first, cells by label count
 * @param gaps      one per label count whose faithful cell misses the paper
 * @param reversal  a pair of runs (same labels and seed) whose order at a screen's budget is the reverse of their
 *                  order at the end: the evidence that a short screen cannot predict the end; empty when none
 */
public record Gaps(String dataset, List<Integer> labels, List<Protocol> protocols, List<Gap> gaps,
                   Optional<Reversal> reversal) {

    /** One variant at the paper's budget, its cells by label count. */
    public record Protocol(String variant, Map<Integer, CellSummary> cells) {}

    /**
     * @param effects every non-faithful full-budget cell at this label count against the faithful one
     * @param screens the budget groups (shorter than the paper's) at this label count that have faithful runs
     */
    public record Gap(int labels, CellSummary faithful, Optional<PaperTable.Cell> paper, List<Effect> effects,
                      List<Screen> screens) {}

    /**
     * A protocol against the released script's (faithful) runs at the paper's budget.
     *
     * @param vsFaithful figure against figure (each protocol's own reported D), Welch
     * @param paired     the same seeds (so the same labeled subsets) in both, figure against figure
     * @param pairedRaw  the same seeds, raw D against raw D
     * @param inside     how many of its finished runs lie inside the paper's 95 % prediction interval for one run
     * @param below      how many lie below it: fewer errors than the paper's runs would give
     * @param closed     how much of the released script's excess over the paper the protocol removes; empty
     *                   without a paper value, or where the released script is not above it
     * @param collapses  each collapsed run of the released script beside the protocol's run of the same seed
     */
    public record Effect(CellSummary cell, MeanDifference vsFaithful, List<Paired> paired, List<Paired> pairedRaw,
                         int inside, int below, Optional<GapClosed> closed, Finding finding,
                         List<Collapse> collapses) {

        /** Seeds on which the protocol has fewer errors than the released script. */
        public long lowerOn() { return paired.stream().filter(p -> p.difference() < 0).count(); }

        /** Seeds on which the protocol's raw D has fewer errors than the released script's raw D. */
        public long lowerOnRaw() { return pairedRaw.stream().filter(p -> p.difference() < 0).count(); }

        /** Finished runs outside the paper's range for one run, on either side. */
        public int outside() { return cell.finished().size() - inside; }
    }

    /**
     * (released − protocol) / (released − paper): 1 is all of the gap, 0 none of it, above 1 beyond the paper. The
     * interval is the Welch 95 % CI of protocol − released on the same scale (NaN with fewer than two runs a side);
     * the paper's mean is taken as known, so the interval is narrower than one that counted its 10 runs' spread.
     */
    public record GapClosed(double fraction, double low, double high) {
        static Optional<GapClosed> of(MeanDifference d, double released, double paper) {
            double gap = released - paper;
            if (!(gap > 0) || !Double.isFinite(d.difference())) {   // no gap, or no finished protocol run
                return Optional.empty();
            }
            return Optional.of(new GapClosed(-d.difference() / gap, -d.ciHigh() / gap, -d.ciLow() / gap));
        }
    }

    /** What one protocol's runs say about the gap, at the confidence the run counts allow. */
    public enum Finding {
        /**
         * Fewer errors than the released script (Welch 95 % CI below 0), its mean inside the paper's range, and its
         * verdict against the paper neither "worse" nor "unstable".
         */
        CLOSES,
        /** Fewer errors (CI below 0), its mean below the paper's range: fewer errors than the paper's runs. */
        PASSES,
        /**
         * Fewer errors (CI below 0), its mean inside the paper's range, but its runs spread beyond that range more
         * often than the paper's runs would (the verdict "unstable"), on either side.
         */
        SCATTERS,
        /** Fewer errors (CI below 0), but its mean still above the paper's range, or shown worse than the paper. */
        NARROWS,
        /** The CI includes 0: no difference these runs can show. */
        NO_EFFECT,
        /** More errors (CI above 0). */
        WIDENS,
        /** Fewer than two finished runs on one side: no interval. */
        TOO_FEW
    }

    /**
     * A run of the released script that collapsed ({@link RunHealth#collapsed()}) and the protocol's run of the same
     * labeled subset: part of the released script's failure is its collapses, so whether a protocol keeps clear of
     * them on the same subsets is part of what it explains.
     */
    public record Collapse(int seed, double variant, double faithful, boolean variantCollapsed) {}

    /** Two runs of one labeled subset (same seed), a figure each. */
    public record Paired(int seed, double variant, double faithful) {
        public double difference() { return variant - faithful; }
    }

    /** Variants at a budget shorter than the paper's, at the milestones of that budget (a third, two thirds, end). */
    public record Screen(int epochs, List<Integer> milestones, List<ScreenRow> rows) {

        /**
         * What part of a larger change's effect a row's change gives: of the rows whose changes from the paper
         * include all of this row's and more, the one with the most changes (the whole port, for one of its
         * deviations or a pair of them), so that every part is measured against one whole. Empty for the reference,
         * without such a row, or when either effect is not a decrease.
         */
        public Optional<Share> share(ScreenRow row) {
            Map<String, Object> mine = changes(row);
            if (mine.isEmpty() || !(row.effect() < 0)) {
                return Optional.empty();
            }
            return rows.stream().filter(r -> r != row && r.effect() < 0)
                    .filter(r -> changes(r).size() > mine.size() && changes(r).entrySet().containsAll(mine.entrySet()))
                    .max(Comparator.comparingInt((ScreenRow r) -> changes(r).size())
                            .thenComparing(ScreenRow::effect, Comparator.reverseOrder()))
                    .map(whole -> new Share(whole.cell().key().variant(), row.effect() / whole.effect()));
        }

        private static Map<String, Object> changes(ScreenRow row) {
            return PaperProtocol.differences(row.cell().setup());
        }
    }

    /** A change's effect as a fraction of the effect of {@code of}, a larger change that contains it. */
    public record Share(String of, double fraction) {}

    /**
     * @param raw       mean raw-D error over its finished runs at each milestone
     * @param averaged  the same for the averaged D
     * @param pairedRaw at the last milestone, against the faithful run of the same seed
     * @param pairedAveraged the same for the averaged D
     */
    public record ScreenRow(CellSummary cell, List<SampleStats> raw, List<SampleStats> averaged,
                            List<Paired> pairedRaw, List<Paired> pairedAveraged) {

        /** Fewer raw-D errors than the faithful run of the same seed on every seed paired (two or more). */
        public boolean lowerOnEverySeed() {
            return pairedRaw.size() > 1 && pairedRaw.stream().allMatch(p -> p.difference() < 0);
        }

        /** Mean paired raw-D difference at the end of the screen (NaN without pairs): what the rows sort by. */
        public double effect() {
            return pairedRaw.stream().mapToDouble(Paired::difference).average().orElse(Double.NaN);
        }
    }

    /**
     * A variant run and the faithful run of the same labels and seed: raw-D errors at epoch {@code early}, and each
     * run's own figure at its last epoch.
     */
    public record Reversal(int labels, int seed, String variant, int early, double variantEarly, double faithfulEarly,
                           int last, double variantLast, double faithfulLast, String variantFigure,
                           String faithfulFigure) {}

    public static Optional<Gaps> of(String dataset, List<CellSummary> cells, PaperReference paper) {
        List<CellSummary> mine = cells.stream().filter(c -> c.key().dataset().equalsIgnoreCase(dataset)).toList();
        Map<String, Map<Integer, CellSummary>> byVariant = new LinkedHashMap<>();
        mine.stream().filter(c -> c.key().fullBudget()).sorted(Comparator.comparing((CellSummary c) ->
                        !c.key().faithful()).thenComparing(c -> c.key().variant()))
                .forEach(c -> byVariant.computeIfAbsent(c.key().variant(), k -> new TreeMap<>())
                        .put(c.key().labels(), c));
        List<Protocol> protocols = byVariant.entrySet().stream()
                .map(e -> new Protocol(e.getKey(), e.getValue())).toList();
        List<Gap> gaps = new ArrayList<>();
        for (CellSummary faithful : mine) {
            if (faithful.key().faithful() && faithful.key().fullBudget() && misses(faithful)) {
                gaps.add(gap(faithful, mine, paper));
            }
        }
        if (gaps.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<Integer> labels = new TreeSet<>();
        paper.table(dataset).ifPresent(t -> labels.addAll(t.labelCounts()));
        protocols.forEach(p -> labels.addAll(p.cells().keySet()));
        int screenBudget = gaps.stream().flatMap(g -> g.screens().stream()).mapToInt(Screen::epochs).max().orElse(0);
        return Optional.of(new Gaps(dataset, List.copyOf(labels), protocols, List.copyOf(gaps),
                screenBudget == 0 ? Optional.empty() : reversal(mine, screenBudget)));
    }

    /** The faithful runs miss the paper: the mean is outside the paper's prediction interval, or the verdict "worse". */
    static boolean misses(CellSummary faithful) {
        Judgement j = faithful.judgement();
        if (faithful.figure().n() == 0 || !j.compares()) {
            return false;
        }
        double mean = faithful.figure().mean();
        return j.verdict() == Verdict.WORSE || mean > j.predictionHigh() || mean < j.predictionLow();
    }

    private static Gap gap(CellSummary faithful, List<CellSummary> cells, PaperReference paper) {
        CellKey k = faithful.key();
        Optional<PaperTable.Cell> paperCell = paper.paperCell(k.dataset(), k.labels());
        List<Effect> effects = cells.stream().filter(c -> c.key().fullBudget() && !c.key().faithful()
                        && c.key().labels() == k.labels() && c.key().epochs() == k.epochs())
                .map(c -> effect(c, faithful, paperCell)).toList();
        Map<Integer, List<CellSummary>> budgets = new TreeMap<>(Comparator.reverseOrder());
        cells.stream().filter(c -> !c.key().fullBudget() && c.key().labels() == k.labels())
                .forEach(c -> budgets.computeIfAbsent(c.key().epochs(), e -> new ArrayList<>()).add(c));
        List<Screen> screens = new ArrayList<>();
        budgets.forEach((epochs, group) -> group.stream().filter(c -> c.key().faithful()).findFirst()
                .filter(f -> group.size() > 1).ifPresent(f -> screens.add(screen(epochs, f, group))));
        return new Gap(k.labels(), faithful, paperCell, effects, List.copyOf(screens));
    }

    private static Effect effect(CellSummary cell, CellSummary faithful, Optional<PaperTable.Cell> paper) {
        MeanDifference d = MeanDifference.of(cell.figure(), faithful.figure());
        List<Paired> paired = paired(cell.finished(), faithful.finished(), RunResult::finalFigure);
        List<Paired> pairedRaw = paired(cell.finished(), faithful.finished(), RunResult::finalRaw);
        Judgement j = cell.judgement();
        int inside = inside(cell);
        int below = (int) cell.finished().stream().filter(r -> r.finalFigure() < j.predictionLow()).count();
        Finding finding;
        if (cell.figure().n() < 2 || faithful.figure().n() < 2 || !Double.isFinite(d.ciHigh())) {
            finding = Finding.TOO_FEW;
        } else if (d.ciHigh() < 0) {
            double mean = cell.figure().mean();
            if (!j.compares() || j.verdict() == Verdict.WORSE || mean > j.predictionHigh()) {
                finding = Finding.NARROWS;
            } else if (mean < j.predictionLow()) {
                finding = Finding.PASSES;
            } else {
                finding = j.verdict() == Verdict.UNSTABLE ? Finding.SCATTERS : Finding.CLOSES;
            }
        } else if (d.ciLow() > 0) {
            finding = Finding.WIDENS;
        } else {
            finding = Finding.NO_EFFECT;
        }
        Optional<GapClosed> closed = paper.flatMap(p -> GapClosed.of(d, faithful.figure().mean(), p.mean()));
        return new Effect(cell, d, paired, pairedRaw, inside, below, closed, finding, collapses(cell, faithful));
    }

    /** The cell's finished runs inside the paper's 95 % prediction interval for one run. */
    public static int inside(CellSummary cell) {
        Judgement j = cell.judgement();
        return (int) cell.finished().stream().filter(r -> r.finalFigure() >= j.predictionLow()
                && r.finalFigure() <= j.predictionHigh()).count();
    }

    private static List<Collapse> collapses(CellSummary cell, CellSummary faithful) {
        List<Collapse> out = new ArrayList<>();
        faithful.finished().stream().filter(f -> f.health().collapsed()).sorted(Comparator.comparingInt(RunResult::seed))
                .forEach(f -> twin(f, cell.finished()).ifPresent(v ->
                        out.add(new Collapse(f.seed(), v.finalFigure(), f.finalFigure(), v.health().collapsed()))));
        return List.copyOf(out);
    }

    private static Screen screen(int epochs, CellSummary faithful, List<CellSummary> group) {
        List<Integer> milestones = new ArrayList<>(new TreeSet<>(List.of(Math.max(1, Math.round(epochs / 3f)),
                Math.max(1, Math.round(2 * epochs / 3f)), epochs)));
        List<ScreenRow> rows = new ArrayList<>();
        for (CellSummary c : group) {
            List<SampleStats> raw = new ArrayList<>();
            List<SampleStats> averaged = new ArrayList<>();
            for (int e : milestones) {
                raw.add(atEpoch(c.finished(), e, EpochMetrics::testErrorsRaw));
                averaged.add(atEpoch(c.finished(), e, EpochMetrics::testErrorsAverage));
            }
            rows.add(new ScreenRow(c, raw, averaged,
                    c == faithful ? List.of() : paired(c.finished(), faithful.finished(), RunResult::finalRaw),
                    c == faithful ? List.of() : paired(c.finished(), faithful.finished(), RunResult::finalAverage)));
        }
        rows.sort(Comparator.comparing((ScreenRow r) -> r.cell() != faithful)
                .thenComparingDouble(r -> Double.isNaN(r.effect()) ? Double.MAX_VALUE : r.effect()));
        return new Screen(epochs, List.copyOf(milestones), List.copyOf(rows));
    }

    /** One error count of each run at an epoch, in the paper's unit, over the runs that recorded it. */
    private static SampleStats atEpoch(List<RunResult> runs, int epoch, ToIntFunction<EpochMetrics> errors) {
        return SampleStats.of(runs.stream().flatMap(r -> at(r, epoch).stream()
                .map(m -> r.unit().of(errors.applyAsInt(m), m.testCount()))).mapToDouble(Double::doubleValue).toArray());
    }

    /** Two runs of one seed and one labeled subset: a pair whose difference is the variant's alone. */
    private static boolean sameSubset(RunResult a, RunResult b) {
        return a.seed() == b.seed() && a.settings().seedData() == b.settings().seedData()
                && a.settings().dataRng() == b.settings().dataRng();
    }

    /** The run among {@code others} of the same labeled subset as {@code run}, if any. */
    private static Optional<RunResult> twin(RunResult run, List<RunResult> others) {
        return others.stream().filter(o -> sameSubset(o, run)).findFirst();
    }

    /** Runs of the same seed and data seed on both sides, in seed order. */
    static List<Paired> paired(List<RunResult> variant, List<RunResult> faithful, ToDoubleFunction<RunResult> value) {
        List<Paired> out = new ArrayList<>();
        variant.stream().sorted(Comparator.comparingInt(RunResult::seed)).forEach(v -> twin(v, faithful)
                .ifPresent(f -> out.add(new Paired(v.seed(), value.applyAsDouble(v), value.applyAsDouble(f)))));
        return out;
    }

    /**
     * The same seeds raw D against raw D at an earlier epoch, e.g. before a protocol's learning rate starts to decay:
     * was its effect there already? Seeds where either run lacks that epoch are left out.
     */
    public static List<Paired> pairedRawAt(Effect e, CellSummary faithful, int epoch) {
        return paired(e.cell().finished(), faithful.finished(), r -> rawAt(r, epoch).orElse(Double.NaN)).stream()
                .filter(p -> !Double.isNaN(p.variant()) && !Double.isNaN(p.faithful())).toList();
    }

    /**
     * The first full-budget variant run (by labels, variant, seed) that is ahead of its faithful twin in raw D at
     * the screen's budget and behind it on the figures at the end, or the reverse.
     */
    static Optional<Reversal> reversal(List<CellSummary> cells, int early) {
        List<CellSummary> full = cells.stream().filter(c -> c.key().fullBudget()).sorted(Comparator
                .comparingInt((CellSummary c) -> c.key().labels()).thenComparing(c -> c.key().variant())).toList();
        for (CellSummary c : full) {
            if (c.key().faithful()) {
                continue;
            }
            Optional<CellSummary> faithful = full.stream().filter(f -> f.key().faithful()
                    && f.key().labels() == c.key().labels() && f.key().epochs() == c.key().epochs()).findFirst();
            if (faithful.isEmpty()) {
                continue;
            }
            for (RunResult v : c.finished().stream().sorted(Comparator.comparingInt(RunResult::seed)).toList()) {
                Optional<RunResult> twin = twin(v, faithful.get().finished());
                if (twin.isEmpty()) {
                    continue;
                }
                OptionalDouble ve = rawAt(v, early);
                OptionalDouble fe = rawAt(twin.get(), early);
                if (ve.isEmpty() || fe.isEmpty()) {
                    continue;
                }
                double earlyDiff = ve.getAsDouble() - fe.getAsDouble();
                double lastDiff = v.finalFigure() - twin.get().finalFigure();
                if (earlyDiff * lastDiff < 0) {
                    return Optional.of(new Reversal(c.key().labels(), v.seed(), c.key().variant(), early,
                            ve.getAsDouble(), fe.getAsDouble(), v.epochsDone(), v.finalFigure(),
                            twin.get().finalFigure(), v.figureName(), twin.get().figureName()));
                }
            }
        }
        return Optional.empty();
    }

    private static OptionalDouble rawAt(RunResult r, int epoch) {
        return at(r, epoch).map(m -> OptionalDouble.of(r.unit().of(m.testErrorsRaw(), m.testCount())))
                .orElse(OptionalDouble.empty());
    }

    /** The run's metrics row of an epoch, if recorded. */
    private static Optional<EpochMetrics> at(RunResult r, int epoch) {
        return r.metrics().stream().filter(m -> m.epoch() == epoch).findFirst();
    }
}
