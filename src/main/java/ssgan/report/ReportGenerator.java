package ssgan.report;

import ssgan.paper.PaperTable;
import ssgan.results.ResultsStore;
import ssgan.stats.Analysis;
import ssgan.stats.CellSummary;
import ssgan.stats.ClaimLine;
import ssgan.stats.DatasetFacts;
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
import java.util.ArrayList;
import java.util.List;
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
     * @param datasets the datasets reported on (with runs or a paper table)
     */
    public record Outcome(Path index, int runs, int cells, List<String> problems, Duration elapsed,
                          List<ClaimLine> claims, List<String> datasets) {}

    private final Clock clock;
    private final ChartWriter charts = new ChartWriter();

    public ReportGenerator(Clock clock) {
        this.clock = clock;
    }

    public ReportGenerator() {
        this(Clock.systemUTC());
    }

    /**
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
        PageBuilder builder = new PageBuilder(analysis, facts);
        Path staging = ReportDirectory.stage(out);
        try {
            writeCharts(analysis, builder, staging);
            copySamples(analysis.runs(), staging);
            DataExport.write(analysis, staging.resolve("data"));
            writeRunPages(analysis, staging);
            for (String shared : Assets.SHARED) { // one stylesheet and one script for the index and every run page
                Files.writeString(staging.resolve(shared), Html.resource(shared), StandardCharsets.UTF_8);
            }
            List<String> problems = new ArrayList<>(loaded.problems());
            PageModel page = builder.page(
                    DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS)),
                    store.root().toString(), paperSource, problems,
                    asset -> Files.isRegularFile(staging.resolve(asset)));
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
                loaded.problems(), Duration.ofNanos(System.nanoTime() - start), analysis.claims(), analysis.datasets());
    }

    /** Chart rendering dominates the run time; the charts are independent, so they render in parallel. */
    private void writeCharts(Analysis analysis, PageBuilder builder, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("charts"));
        List<Runnable> jobs = new ArrayList<>();
        for (CellSummary cell : analysis.cells()) {
            if (!cell.curves().testAverage().isEmpty()) {
                jobs.add(() -> charts.losses(cell, dir.resolve(Assets.lossChart(cell.key()))));
                jobs.add(() -> charts.testErrors(cell, dir.resolve(Assets.errorChart(cell.key()))));
            }
        }
        for (RunResult run : analysis.runs()) {
            if (!run.metrics().isEmpty()) {
                Path file = dir.resolve(Assets.runChart(run));
                Files.createDirectories(file.getParent());
                var paper = run.cell().fullBudget() ? analysis.paper().paperCell(run.cell().dataset(),
                        run.cell().labels()) : java.util.Optional.<ssgan.paper.PaperTable.Cell>empty();
                jobs.add(() -> charts.run(run, paper, file));
            }
        }
        for (String dataset : analysis.datasets()) {
            List<CellSummary> verdictCells = builder.verdictCells(dataset);
            if (!verdictCells.isEmpty()) {
                jobs.add(() -> charts.seedsAgainstPaper(dataset + ": each seed's final figure against the paper's"
                        + " range", verdictCells.get(0).unit(), verdictCells,
                        dir.resolve(Assets.verdictChart(dataset))));
            }
            List<ChartWriter.LabelSeries> series = builder.labelSeries(dataset);
            if (PageBuilder.hasOurs(series)) {
                String title = dataset + ": final test error against labels, mean ± 1 std";
                jobs.add(() -> charts.errorAgainstLabels(title, analysis.cells(dataset).get(0).unit(), series,
                        dir.resolve(Assets.labelsChart(dataset))));
            }
        }
        jobs.parallelStream().forEach(Runnable::run);
    }

    /** One page per run, next to its chart; a run page links only inside the report. */
    private static void writeRunPages(Analysis analysis, Path dir) throws IOException {
        for (CellSummary cell : analysis.cells()) {
            for (RunResult run : cell.runs()) {
                Path page = dir.resolve(Assets.runPage(run));
                Files.createDirectories(page.getParent());
                List<RunResult> siblings = cell.runs().stream().filter(r -> r != run).toList();
                int samplesWidth = run.samples() == null ? 0 : imageWidth(run.samples());
                RunPage model = RunPage.of(run, siblings, cell.confusion(run), cell.subset(run), samplesWidth,
                        Files.isRegularFile(dir.resolve(Assets.runChart(run))));
                Files.writeString(page, Html.render(model), StandardCharsets.UTF_8);
            }
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
        } catch (IOException e) {
            return 0;
        }
    }

    /** Copies each run's samples.png, so the report opens on its own (e.g. when results/ is not shipped). */
    private static void copySamples(List<RunResult> runs, Path dir) throws IOException {
        for (RunResult run : runs) {
            if (run.samples() != null) {
                Path target = dir.resolve(Assets.samples(run));
                Files.createDirectories(target.getParent());
                Files.copy(run.samples(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
