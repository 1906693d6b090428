package ssgan.report;

import ssgan.config.Settings;
import ssgan.data.ErrorUnit;
import ssgan.format.Formats;
import ssgan.paper.PaperReference;
import ssgan.paper.PaperTable;
import ssgan.results.KnownDefects;
import ssgan.results.Provenance;
import ssgan.results.Replay;
import ssgan.results.RunState;
import ssgan.stats.Analysis;
import ssgan.stats.CellKey;
import ssgan.stats.CellSummary;
import ssgan.stats.ClaimLine;
import ssgan.stats.DatasetFacts;
import ssgan.stats.Integrity;
import ssgan.stats.Judgement;
import ssgan.stats.RunHealth;
import ssgan.stats.Problems;
import ssgan.stats.RunResult;
import ssgan.stats.SampleStats;
import ssgan.stats.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Turns the statistics into the page model: formatting and wording only, no computation of its own. */
final class PageBuilder {
    static final String TITLE = "Does the semi-supervised GAN of Salimans et al. (2016) reproduce?";

    private final Analysis analysis;
    private final DatasetFacts facts;
    private final Problems problems;

    PageBuilder(Analysis analysis, DatasetFacts facts) {
        this(analysis, facts, new Problems());
    }

    /** @param problems where a part of the page that fails is named (and it is left out) */
    PageBuilder(Analysis analysis, DatasetFacts facts, Problems problems) {
        this.analysis = analysis;
        this.facts = facts;
        this.problems = problems;
    }

    /** The page, every part of it that could be built; the header lists every problem named until now. */
    PageModel page(String generated, String resultsRoot, String paperSource, Predicate<String> assetExists) {
        List<PageModel.DatasetView> datasets = each(analysis.datasets(), d -> "table of " + d,
                d -> dataset(d, assetExists));
        List<PageModel.CellView> cells = each(analysis.cells(), c -> "cell section " + title(c.key()),
                c -> cell(c, assetExists));
        List<PageModel.RunView> runs = each(analysis.runs(), r -> "runs table row " + r.recordPath(),
                PageBuilder::run);
        List<PageModel.AblationView> ablations = each(analysis.ablations(), a -> "ablation table " + a.dataset() + " "
                + a.labels() + " labels", AblationViews::of);
        List<PageModel.Download> downloads = DataExport.TABLES.entrySet().stream()
                .map(e -> new PageModel.Download(e.getKey(), Assets.data(e.getKey() + ".csv"),
                        Assets.data(e.getKey() + ".json"), e.getValue())).toList();
        List<PageModel.ClaimView> claims = each(analysis.claims(), c -> "verdict " + c.dataset() + " " + c.labels(),
                PageBuilder::claim);
        PageModel.ClaimsSection claimsSection = problems.guard("claims and deviations section",
                () -> ClaimsViews.of(analysis, facts), new PageModel.ClaimsSection(List.of(), List.of(), List.of(),
                        List.of(), List.of(), Formats.NONE, List.of()));
        List<PageModel.PriorView> priors = problems.guard("prior reproductions section",
                () -> PriorViews.of(analysis), List.of());
        List<PageModel.GapSection> gaps = problems.guard("section why cells differ",
                () -> GapViews.of(analysis, assetExists), List.of());
        List<PageModel.AnswerLine> answers = problems.guard("the answer at the top", () -> AnswerViews.of(analysis,
                facts), List.of());
        List<PageModel.Chart> verdictCharts = analysis.datasets().stream()
                .filter(d -> !verdictCells(d).isEmpty() && assetExists.test(Assets.verdictChart(d)))
                .map(d -> new PageModel.Chart(d, Assets.verdictChart(d))).toList();
        return new PageModel(new PageModel.Header(TITLE, generated, resultsRoot, paperSource, counts(),
                problems.lines()), claims, claimsSection, datasets, ablations, cells, runs, downloads, priors, gaps,
                answers, RunHealth.describe(), verdictCharts);
    }

    /** Each item's view; one that fails is named and left out, the others stand. */
    private <T, V> List<V> each(List<T> items, Function<T, String> what, Function<T, V> view) {
        List<V> out = new ArrayList<>();
        for (T item : items) {
            V v = problems.guard(what.apply(item), () -> view.apply(item), null);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private List<PageModel.Count> counts() {
        Map<RunState, Long> counts = new EnumMap<>(RunState.class);
        analysis.runs().forEach(r -> counts.merge(r.state(), 1L, Long::sum));
        return counts.entrySet().stream().map(e -> new PageModel.Count(e.getKey().label(), e.getValue())).toList();
    }

    private static PageModel.ClaimView claim(ClaimLine c) {
        String css = c.verdict() == null ? "verdict-none" : verdictCss(c.verdict());
        return new PageModel.ClaimView(c.dataset(), String.valueOf(c.labels()), c.status(), String.valueOf(c.n()),
                c.reason(), c.cell() == null ? null : "#" + Assets.anchor(c.cell()), css);
    }

    // ---- paper tables with our rows ----

    private PageModel.DatasetView dataset(String dataset, Predicate<String> assetExists) {
        Optional<PaperTable> table = analysis.paper().table(dataset);
        List<CellSummary> ours = analysis.cells(dataset);
        TreeSet<Integer> labels = new TreeSet<>();
        table.ifPresent(t -> labels.addAll(t.labelCounts()));
        ours.forEach(c -> labels.add(c.key().labels()));
        List<PageModel.RowView> rows = new ArrayList<>();
        table.ifPresent(t -> t.rows().forEach(r -> rows.add(paperRow(r, labels))));
        Map<String, List<CellSummary>> series = new LinkedHashMap<>();
        ours.forEach(c -> series.computeIfAbsent(c.key().series(), k -> new ArrayList<>()).add(c));
        series.forEach((name, cells) -> rows.add(ourRow(name, cells, labels)));
        EnsembleViews.addTableRows(rows, ours, labels);
        if (series.isEmpty()) {
            rows.add(new PageModel.RowView("This reproduction", "ours", null,
                    labels.stream().map(l -> cellText("no runs yet", null, null, null, null, "empty")).toList()));
        }
        // the paper's unit where it has a table (its numbers are not rescaled), else the dataset's own
        ErrorUnit unit = table.flatMap(t -> t.rows().stream().flatMap(r -> r.cells().stream()).findFirst())
                .map(c -> ErrorUnit.named(c.unit()).orElseThrow())
                .orElse(facts.of(dataset).unit());
        String chart = Assets.labelsChart(dataset);
        List<String> notes = new ArrayList<>();
        notes.add("Our values: mean ± std over finished runs of each series' figure at the run's last epoch: the"
                + " averaged discriminator, or the raw one where the series' protocol has no average (marked raw D),"
                + " in the paper's unit (" + unit.label() + "), flagged runs included. † marks a paper value no"
                + " secondary source confirmed.");
        return new PageModel.DatasetView(dataset, table.map(PaperTable::title).orElse(dataset + " (no paper table)"),
                unit.label(), labels.stream().map(String::valueOf).toList(), rows,
                assetExists.test(chart) ? chart : null,
                table.map(t -> t.sources().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new PageModel.Source(e.getKey(), e.getValue())).toList()).orElse(List.of()),
                notes);
    }

    private static PageModel.RowView paperRow(PaperTable.Row row, TreeSet<Integer> labels) {
        List<PageModel.TableCell> cells = labels.stream().map(l -> row.cell(l).map(c -> {
            String text = Formats.published(c.mean(), c.std());
            String title = (c.checked() ? "confirmed by " : "not confirmed; ")
                    + (c.sources().isEmpty() ? "" : "sources " + String.join(", ", c.sources()))
                    + (c.note() != null ? " (" + c.note() + ")" : "");
            String detail = c.runs() != null ? "n=" + c.runs() : null;
            return cellText(text, detail, c.checked() ? null : "†", title.trim(), null, null);
        }).orElse(cellText("", null, null, null, null, "empty"))).toList();
        return new PageModel.RowView(row.method(), row.kind(), row.note(), cells);
    }

    private static PageModel.RowView ourRow(String series, List<CellSummary> cells, TreeSet<Integer> labels) {
        List<PageModel.TableCell> out = labels.stream().map(l -> cells.stream()
                .filter(c -> c.key().labels() == l).findFirst()
                .map(c -> {
                    int d = c.unit().decimals();
                    String text = c.figure().n() == 0 ? "no finished runs"
                            : Formats.meanStd(c.figure().mean(), c.figure().std(), d);
                    String flagged = c.flagged().isEmpty() ? "" : " · " + c.flagged().size() + " flagged";
                    String raw = c.reportedD() == Settings.ReportedD.RAW ? " · raw D" : "";
                    return cellText(text, "n=" + c.figure().n() + raw + flagged + " · " + c.verdict().text(), null,
                            c.key().budget() + " · " + c.figureName(), "#" + Assets.anchor(c.key()),
                            verdictCss(c.verdict()));
                })
                .orElse(cellText("no runs yet", null, null, null, null, "empty"))).toList();
        return new PageModel.RowView("This reproduction: " + series, "ours", null, out);
    }

    private static PageModel.TableCell cellText(String text, String detail, String flag, String title, String href,
                                                String css) {
        return new PageModel.TableCell(text, detail, flag, title, href, css);
    }

    // ---- cells ----

    private PageModel.CellView cell(CellSummary c, Predicate<String> assetExists) {
        CellKey k = c.key();
        int d = c.unit().decimals();
        int runD = c.unit().runDecimals();
        List<PageModel.StatRow> stats = new ArrayList<>();
        boolean raw = c.reportedD() == Settings.ReportedD.RAW;
        stats.add(statRow(raw ? "raw D (this protocol's number, reported_d: raw; the verdict's)"
                : "averaged D (the paper's number; the verdict's)", c.figure(), d, runD));
        if (!c.flagged().isEmpty()) {
            stats.add(statRow(c.figureName() + " without the " + c.flagged().size() + " flagged run(s)", c.healthy(),
                    d, runD));
        }
        if (raw) {
            stats.add(statRow("averaged D (recorded, not this protocol's number)", c.average(), d, runD));
        }
        if (c.corrected().n() > 0) {
            stats.add(statRow("bias-corrected average (a deviation: ÷ (1 − (1 − rate)^n))", c.corrected(), d, runD));
        }
        if (!raw) {
            stats.add(statRow("raw D", c.raw(), d, runD));
        }
        String averages = c.runs().stream().map(RunResult::averageDescription).distinct()
                .collect(Collectors.joining("; "));
        String loss = Assets.lossChart(k);
        String error = Assets.errorChart(k);
        List<PageModel.Sample> samples = c.runs().stream().filter(r -> r.samples() != null)
                .map(r -> new PageModel.Sample(Assets.samples(r), sampleCaption(r))).toList();
        List<PageModel.Flagged> flagged = c.runs().stream().filter(r -> r.health().flagged())
                .map(r -> new PageModel.Flagged(String.valueOf(r.seed()), Assets.runPage(r),
                        r.health().findings().stream().map(f -> f.text()).collect(Collectors.joining("; "))))
                .toList();
        String mixes = c.mixes().isEmpty() ? null : "This cell pools runs that differ in: "
                + String.join("; ", c.mixes()) + ".";
        PageModel.CellHead head = new PageModel.CellHead(Assets.anchor(k), title(k), k.variant(), k.budget(),
                k.fullBudget(), averages, runsLine(c), mixes, restartNotes(c.runs()));
        return new PageModel.CellView(head, flagged, stats, comparison(c), assetExists.test(loss) ? loss : null,
                assetExists.test(error) ? error : null, samples, EnsembleViews.cellRows(c),
                EnsembleViews.cellNote(c), c.confusions().stream().map(r -> new PageModel.ConfusionLine(
                        String.valueOf(r.run().seed()), Assets.runPage(r.run()), r.averaged().text())).toList(),
                c.subsets().stream().map(s -> new PageModel.SubsetLine(String.valueOf(s.run().seed()),
                        Assets.runPage(s.run()), s.run().finished() ? Formats.number(s.run().finalFigure(),
                        k.unit().runDecimals()) : s.run().stateText(), s.text(k.unit()))).toList());
    }

    /**
     * One line per restart from epoch 0 of the cell's runs: "seed 1 restarted from epoch 0 at … (checkpoint lost at
     * epoch 179); replay bit-identical over 179 epochs".
     */
    static List<String> restartNotes(List<RunResult> runs) {
        List<String> out = new ArrayList<>();
        for (RunResult r : runs) {
            for (Replay replay : r.replays()) {
                String why = replay.shortReason();
                out.add("seed " + r.seed() + " restarted from epoch 0 at " + replay.when() + " (" + why
                        + (why.contains("epoch") ? "" : ", after " + replay.restart().epochsLost() + " epochs")
                        + "); " + replay.shortText());
            }
        }
        return out;
    }

    static String title(CellKey k) {
        return k.dataset() + " · " + k.labels() + " labels · " + k.variant() + " · " + k.budget();
    }

    /** @param runD decimals of one run's value (min and max are runs' values: whole error counts on MNIST) */
    private static PageModel.StatRow statRow(String label, SampleStats s, int d, int runD) {
        String ci = Formats.countInterval(s.ciLow(), s.ciHigh(), d); // an error count: clipped at 0, and said so
        return new PageModel.StatRow(label, String.valueOf(s.n()), Formats.number(s.mean(), d),
                Formats.number(s.std(), d), Formats.number(s.standardError(), d), ci, Formats.number(s.min(), runD),
                Formats.number(s.max(), runD));
    }

    private static String runsLine(CellSummary c) {
        Map<RunState, Long> byState = new EnumMap<>(RunState.class);
        c.runs().forEach(r -> byState.merge(r.state(), 1L, Long::sum));
        String states = byState.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        String line = c.runs().isEmpty() ? "No run of this cell enters the statistics."
                : c.runs().size() + (c.runs().size() == 1 ? " run" : " runs") + " (" + states + "); "
                + c.finished().size() + " finished enter the statistics.";
        if (!c.leftOut().isEmpty()) {
            line += " Left out of the statistics, curves and charts, their record does not stand: " + c.leftOut()
                    .stream().map(r -> "seed " + r.seed() + " (" + r.recordPath() + ": "
                            + String.join("; ", r.integrity().leftOutBecause()) + ")")
                    .collect(Collectors.joining(", ")) + ".";
        }
        long diverged = c.runs().stream().filter(r -> r.state() == RunState.DIVERGED && r.predatedFixes().isEmpty())
                .count();
        if (diverged > 0) {
            line += " " + diverged + " diverged run(s) are left out of the statistics: count them as failures of"
                    + " the method when judging it.";
        }
        return line + defectsLine(c.runs());
    }

    /**
     * " Seeds 1, 2 trained before fix 1d69336: numbers may be affected.", one sentence per fix, then one per run
     * cleared of it ("Seed 2 trained before fix 1d69336, but its 30 epoch(s) are bit-identical to …"); else "".
     */
    static String defectsLine(List<RunResult> runs) {
        StringBuilder out = new StringBuilder();
        for (KnownDefects.Fix fix : KnownDefects.FIXES) {
            List<String> seeds = runs.stream().filter(r -> r.predatedFixes().contains(fix))
                    .map(r -> String.valueOf(r.seed())).toList();
            if (!seeds.isEmpty()) {
                out.append(" ").append(seeds.size() == 1 ? "Seed " : "Seeds ").append(String.join(", ", seeds))
                        .append(" ").append(fix.mark()).append(" (").append(fix.defect())
                        .append("); not results of the method.");
            }
            for (RunResult r : runs) {
                r.clearances().stream().filter(c -> c.fix().equals(fix)).forEach(c ->
                        out.append(" Seed ").append(r.seed()).append(" ").append(c.text()).append("."));
            }
        }
        return out.toString();
    }

    private static PageModel.Comparison comparison(CellSummary c) {
        Judgement j = c.judgement();
        int d = c.unit().decimals();
        int runD = c.unit().runDecimals();
        String values = c.bySeed().isEmpty() ? Formats.NONE : c.bySeed().stream()
                .map(r -> "seed " + r.seed() + ": " + Formats.number(r.finalFigure(), runD))
                .collect(Collectors.joining(", "));
        String ours = c.figure().n() == 0 ? Formats.NONE
                : Formats.meanStd(c.figure().mean(), c.figure().std(), d)
                + (c.reportedD() == Settings.ReportedD.RAW ? " (raw D)" : "");
        String verdict = c.verdict().text() + (c.key().fullBudget() ? "" : ": " + c.key().budget());
        String paper = c.paper().map(p -> Formats.published(p.mean(), p.std()) + " (n=" + PaperReference.runs(p)
                + (p.runs() == null ? ", assumed" : "") + ")")
                .orElse("no paper value for " + c.key().labels() + " labels");
        String flag = c.paper().filter(p -> !p.checked()).map(p -> "† not confirmed by a secondary source")
                .orElse(null);
        if (!j.compares()) { // budget runs, no finished run or no paper value: no p-value, no interval
            return new PageModel.Comparison(paper, flag, String.valueOf(c.figure().n()), values, ours, Formats.NONE,
                    Formats.NONE, Formats.NONE, Formats.NONE, Formats.NONE, Formats.NONE, verdict, j.rule(),
                    verdictCss(c.verdict()));
        }
        String ci = j.n() == 1 ? "one run: paper's 95 % prediction interval "
                + Formats.countInterval(j.predictionLow(), j.predictionHigh(), d)
                : Formats.interval(j.ciLow(), j.ciHigh(), d);
        String effect = Formats.signed(j.effect(), 2);
        String seeds = j.seedsNeeded() > 0 ? j.seedsNeeded() + " seeds detect one paper std"
                : "no number of seeds detects one paper std against the paper's " + c.paper().map(PaperReference::runs)
                .orElse(0) + " runs";
        String power = (Double.isFinite(j.minDetectable()) ? "detects ±" + Formats.number(j.minDetectable(), d)
                + " with n=" + j.n() + "; " : "") + seeds;
        return new PageModel.Comparison(paper, flag, String.valueOf(j.n()), values, ours,
                Formats.signed(j.difference(), d), ci, Formats.interval(j.tostLow(), j.tostHigh(), d), effect,
                Formats.pValue(j.p()), power, verdict, j.rule(), verdictCss(c.verdict()));
    }

    static String verdictCss(Verdict v) {
        return "verdict-" + v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String sampleCaption(RunResult r) {
        return "seed " + r.seed() + " · " + r.stateText() + " · " + r.epochsDone() + "/" + r.epochsTarget()
                + " epochs" + (r.health().flagged() ? " · flagged" : "");
    }

    // ---- runs ----

    private static PageModel.RunView run(RunResult r) {
        int d = r.unit().runDecimals();
        return new PageModel.RunView(new PageModel.RunLink(r.experiment(), r.runId(), Assets.runPage(r), r.message()),
                Assets.anchor(r.cell()), title(r.cell()), r.stateText(), r.health().summary(),
                r.health().flagged() ? "flagged" : "healthy", r.epochsDone() + "/" + r.epochsTarget() + recorded(r),
                new PageModel.RunErrors(Formats.number(r.finalRaw(), d), Formats.number(r.finalAverage(), d),
                        Formats.number(r.finalCorrected(), d)),
                Formats.duration(r.seconds()), Formats.number(r.seconds(), 0), Formats.number(r.cpuHours(), 2),
                origin(r), integrity(r));
    }

    /** " (100 in metrics.jsonl)" where the epochs recorded are not those status.json claims; else "". */
    static String recorded(RunResult r) {
        return r.metrics().size() == r.epochsDone() ? "" : " (" + r.metrics().size() + " in metrics.jsonl)";
    }

    /** Why the run is left out of the statistics and what of its record could not be read; null when sound. */
    static PageModel.RunIntegrity integrity(RunResult r) {
        Integrity i = r.integrity();
        if (i.admitted() && i.damage().isEmpty()) {
            return null;
        }
        return new PageModel.RunIntegrity(i.admitted() ? null : String.join("; ", i.leftOutBecause()),
                i.damage().isEmpty() ? null : String.join("; ", i.damage()));
    }

    static PageModel.Origin origin(RunResult r) {
        Provenance p = r.provenance();
        String commit = p == null && unreadableProvenance(r) ? "provenance unreadable"
                : p == null || p.gitCommit() == null ? Formats.NONE
                : Provenance.commitLabel(p.gitCommit(), p.gitDirty());
        String device = p == null ? Formats.NONE : p.device() + (p.gpu() != null && !"none".equals(p.gpu())
                ? " " + p.gpu() : "") + (p.cpu() != null ? " · " + p.cpu() : "");
        String threads = p == null ? Formats.NONE : p.intraOpThreads() + " intra / " + p.interOpThreads() + " inter";
        return new PageModel.Origin(r.configHash(), commit, device, threads,
                p == null ? Formats.NONE : String.valueOf(p.sittings()));
    }

    /** Its provenance.json exists but could not be read (rather than was never written). */
    static boolean unreadableProvenance(RunResult r) {
        return r.integrity().damage().stream().anyMatch(d -> d.startsWith("provenance.json unreadable"));
    }

    /**
     * Series of the error-against-labels chart: the paper, the prior reproductions and our faithful series. Ablation
     * variants have their own section, and ensembles of fewer members than the paper's are not comparable: left out,
     * they leave room to see our error bars.
     */
    List<ChartWriter.LabelSeries> labelSeries(String dataset) {
        List<ChartWriter.LabelSeries> series = new ArrayList<>();
        analysis.paper().table(dataset).ifPresent(t -> t.rows().stream()
                .filter(r -> r.kind().equals("paper") || r.kind().equals("reproduction"))
                .forEach(r -> series.add(new ChartWriter.LabelSeries(r.method(), r.cells().stream()
                        .map(c -> new ChartWriter.Point(c.labels(), c.mean(), c.std() == null ? Double.NaN : c.std()))
                        .toList(), true))));
        Map<String, List<ChartWriter.Point>> ours = new LinkedHashMap<>();
        analysis.cells(dataset).stream().filter(c -> c.key().faithful() && c.figure().n() > 0).forEach(c -> ours
                .computeIfAbsent("ours: " + c.key().series(), k -> new ArrayList<>())
                .add(new ChartWriter.Point(c.key().labels(), c.figure().mean(), c.figure().std())));
        ours.forEach((name, points) -> series.add(new ChartWriter.LabelSeries(name, points.stream()
                .sorted(Comparator.comparingDouble(ChartWriter.Point::labels)).toList(), false)));
        return series;
    }

    /** The faithful cells of the paper's length with finished runs: the verdict chart's columns. */
    List<CellSummary> verdictCells(String dataset) {
        return analysis.cells(dataset).stream().filter(c -> c.key().faithful() && c.key().fullBudget()
                && !c.finished().isEmpty()).toList();
    }

    static boolean hasOurs(List<ChartWriter.LabelSeries> series) {
        return series.stream().anyMatch(s -> !s.dashed());
    }
}
