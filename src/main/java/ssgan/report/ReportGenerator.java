package ssgan.report;

import ssgan.paper.PaperTable;
import ssgan.results.ResultsStore;
import ssgan.stats.Analysis;
import ssgan.stats.CellSummary;
import ssgan.stats.ClaimLine;
import ssgan.stats.DatasetFacts;
import ssgan.stats.Problems;
import ssgan.stats.RunLoader;
import ssgan.stats.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * {@code ./ssgan report}: results tree -> statistics -> a static report directory (index.html, charts/*.png,
 * samples/&lt;experiment&gt;/&lt;run&gt;.png, runs/&lt;experiment&gt;/&lt;run&gt;.html with its chart, data/*.csv and
 * *.json). It links nothing outside itself, so it can be published alone. The directory is built aside and swapped
 * in whole.
 */
public final class ReportGenerator {

    /**
     * What was written, for the command's answer: a summary line and the verdicts.
     *
     * @param problems what is wrong in the results and what part of the report each cost, one line each (also on
     *                 the page); the rest of the report is written
     * @param datasets the datasets reported on (with runs or a paper table)
     */
    public record Outcome(Path index, int runs, int cells, List<String> problems, Duration elapsed,
                          List<ClaimLine> claims, List<String> datasets) {}

    private final Clock clock;
    private final ChartWriter charts;

    public ReportGenerator(Clock clock) {
        this(clock, new ChartWriter());
    }

    ReportGenerator(Clock clock, ChartWriter charts) {
        this.clock = clock;
        this.charts = charts;
    }

    public ReportGenerator() {
        this(Clock.systemUTC());
    }

    /**
     * Never stops at the content of the results: a run, cell, chart or page that fails is named in the outcome's
     * problems and left out, and the rest is written. It throws only when no report can be written at all (the
     * target is not a report directory, the disk refuses).
     *
     * @param tables     the paper's tables (may be empty: our numbers are still reported)
     * @param facts      the datasets' declarations: units, references, why data may be missing
     * @param paperSource where the tables came from, for the page
     */
    public Outcome generate(ResultsStore store, List<PaperTable> tables, DatasetFacts facts, String paperSource,
                            Path out) {
        long start = System.nanoTime();
        System.setProperty("java.awt.headless", "true"); // charts render off-screen, also on a desktop
        RunLoader.Loaded loaded = RunLoader.load(store, facts);
        Analysis analysis = Analysis.of(loaded.runs(), tables);
        Problems problems = new Problems();
        problems.addAll(loaded.problems());
        problems.addAll(analysis.problems());
        PageBuilder builder = new PageBuilder(analysis, facts, problems);
        Path staging = ReportDirectory.stage(out);
        try {
            writeCharts(analysis, builder, staging, problems);
            copySamples(analysis.runs(), staging, problems);
            problems.guard("data downloads (data/)", () -> {
                try {
                    DataExport.write(analysis, staging.resolve("data"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writeRunPages(analysis, staging, problems);
            for (String shared : Assets.SHARED) { // one stylesheet and one script for the index and every run page
                Files.writeString(staging.resolve(shared), Html.resource(shared), StandardCharsets.UTF_8);
            }
            PageModel page = builder.page(
                    DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS)),
                    store.root().toString(), paperSource, asset -> Files.isRegularFile(staging.resolve(asset)));
            Files.writeString(staging.resolve("index.html"), Html.render(page), StandardCharsets.UTF_8);
            ReportDirectory.publish(staging, out);
        } catch (IOException e) {
            ReportDirectory.discard(staging);
            throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            ReportDirectory.discard(staging);
            throw e;
        }
        return new Outcome(out.resolve("index.html"), analysis.runs().size(), analysis.cells().size(),
                problems.lines(), Duration.ofNanos(System.nanoTime() - start), analysis.claims(), analysis.datasets());
    }

    /**
     * Chart rendering dominates the run time; the charts are independent, so they render in parallel. A chart that
     * fails is named (in file order, whatever thread met it) and left out: its page says it has no chart.
     */
    private void writeCharts(Analysis analysis, PageBuilder builder, Path dir, Problems problems) throws IOException {
        Files.createDirectories(dir.resolve("charts"));
        Map<String, Runnable> jobs = new TreeMap<>();
        for (CellSummary cell : analysis.cells()) {
            if (!cell.curves().testAverage().isEmpty()) {
                String losses = Assets.lossChart(cell.key());
                String errors = Assets.errorChart(cell.key());
                jobs.put(losses, () -> charts.losses(cell, dir.resolve(losses)));
                jobs.put(errors, () -> charts.testErrors(cell, dir.resolve(errors)));
            }
        }
        for (RunResult run : analysis.runs()) {
            if (!run.metrics().isEmpty()) {
                String chart = Assets.runChart(run);
                var paper = run.cell().fullBudget() ? analysis.paper().paperCell(run.cell().dataset(),
                        run.cell().labels()) : java.util.Optional.<ssgan.paper.PaperTable.Cell>empty();
                jobs.put(chart, () -> {
                    Path file = dir.resolve(chart);
                    createParent(file);
                    charts.run(run, paper, file);
                });
            }
        }
        for (String dataset : analysis.datasets()) {
            List<CellSummary> verdictCells = builder.verdictCells(dataset);
            if (!verdictCells.isEmpty()) {
                jobs.put(Assets.verdictChart(dataset), () -> charts.seedsAgainstPaper(dataset + ": each seed's final"
                        + " figure against the paper's range", verdictCells.get(0).unit(), verdictCells,
                        dir.resolve(Assets.verdictChart(dataset))));
            }
            analysis.gaps(dataset).ifPresent(gaps -> gaps.gaps().stream().filter(GapViews::charted).forEach(gap -> {
                String why = Assets.gapChart(dataset, gap.labels());
                jobs.put(why, () -> charts.protocolsOverEpochs(dataset + ", " + gap.labels() + " labels: each"
                        + " protocol's figure over epochs", gap, dir.resolve(why)));
            }));
            String chart = Assets.labelsChart(dataset);
            jobs.put(chart, () -> {
                List<ChartWriter.LabelSeries> series = builder.labelSeries(dataset);
                if (PageBuilder.hasOurs(series)) {
                    String title = dataset + ": final test error against labels, mean ± 1 std";
                    charts.errorAgainstLabels(title, analysis.cells(dataset).get(0).unit(), series, dir.resolve(chart));
                }
            });
        }
        Problems failed = new Problems();
        jobs.entrySet().parallelStream().forEach(job -> failed.guard("chart " + job.getKey(), () -> {
            try {
                job.getValue().run();
            } catch (RuntimeException | Error e) {
                deleteQuietly(dir.resolve(job.getKey())); // no half-written PNG for a page to show
                throw e;
            }
        }));
        problems.addAll(failed.lines().stream().sorted().toList());
    }

    /**
     * One page per run, next to its chart; a run page links only inside the report. Every run gets one, also a run
     * left out of its cell's statistics or one whose cell could not be summarised.
     */
    private static void writeRunPages(Analysis analysis, Path dir, Problems problems) {
        Map<RunResult, CellSummary> cellOf = new IdentityHashMap<>();
        for (CellSummary cell : analysis.cells()) {
            cell.runs().forEach(r -> cellOf.put(r, cell));
            cell.leftOut().forEach(r -> cellOf.put(r, cell));
        }
        for (RunResult run : analysis.runs()) {
            String page = Assets.runPage(run);
            problems.guard("run page " + page, () -> {
                Path file = dir.resolve(page);
                createParent(file);
                CellSummary cell = cellOf.get(run);
                List<RunResult> siblings = cell == null ? List.of()
                        : cell.runs().stream().filter(r -> r != run).toList();
                int samplesWidth = run.samples() == null ? 0 : imageWidth(run.samples());
                RunPage model = RunPage.of(run, siblings, cell == null ? Optional.empty() : cell.confusion(run),
                        cell == null ? Optional.empty() : cell.subset(run), samplesWidth,
                        Files.isRegularFile(dir.resolve(Assets.runChart(run))));
                write(file, Html.render(model));
            });
        }
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the chart is named as failed already; a leftover file shows only as a stale image
        }
    }

    private static int imageWidth(Path png) {
        try (var in = ImageIO.createImageInputStream(png.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return 0;
            }
            var reader = readers.next();
            try {
                reader.setInput(in);
                return reader.getWidth(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) { // a damaged PNG can fail inside the decoder too
            return 0;
        }
    }

    /** Copies each run's samples.png, so the report opens on its own (e.g. when results/ is not shipped). */
    private static void copySamples(List<RunResult> runs, Path dir, Problems problems) {
        for (RunResult run : runs) {
            if (run.samples() != null) {
                Path target = dir.resolve(Assets.samples(run));
                problems.guard("samples " + Assets.samples(run), () -> {
                    createParent(target);
                    try {
                        Files.copy(run.samples(), target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
