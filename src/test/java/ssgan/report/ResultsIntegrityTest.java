package ssgan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.paper.PaperTable;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.stats.Analysis;
import ssgan.stats.CellSummary;
import ssgan.stats.ClaimLine;
import ssgan.stats.RunLoader;
import ssgan.stats.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report never dies on a results tree and never changes a verdict silently: copies, cut and edited records,
 * changed files and damaged files, each on a tree built here, and all of them at once.
 */
class ResultsIntegrityTest {
    @TempDir
    Path tmp;

    private Path results() {
        return tmp.resolve("results");
    }

    /** Three finished faithful runs of the paper's budget, ending near {@code errors} (seed added). */
    private List<RunDirectory> cell(int labels, int errors) {
        List<RunDirectory> out = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            out.add(FixtureResults.run(results(), "mnist-paper", null, Map.of("labels", labels, "seed", seed,
                    "epochs", 300), RunState.DONE, 300, errors + seed, false, false));
        }
        return out;
    }

    private ReportGenerator.Outcome report() {
        return report(new ChartWriter());
    }

    private ReportGenerator.Outcome report(ChartWriter charts) {
        return new ReportGenerator(Clock.systemUTC(), charts).generate(new ResultsStore(results()),
                FixtureResults.paperTables(), FixtureResults.facts(), "experiments/paper", tmp.resolve("report"));
    }

    private CellSummary faithful(int labels) {
        Analysis analysis = Analysis.of(RunLoader.load(new ResultsStore(results()), FixtureResults.facts()).runs(),
                FixtureResults.paperTables());
        return analysis.cells().stream().filter(c -> c.key().labels() == labels && c.key().faithful()).findFirst()
                .orElseThrow();
    }

    private static List<Integer> seeds(CellSummary c) {
        return c.bySeed().stream().map(RunResult::seed).toList();
    }

    private static ClaimLine claim(ReportGenerator.Outcome o, int labels) {
        return o.claims().stream().filter(c -> c.dataset().equals("mnist") && c.labels() == labels).findFirst()
                .orElseThrow();
    }

    private String page(String file) throws IOException {
        return Files.readString(tmp.resolve("report").resolve(file));
    }

    private static String id(RunDirectory dir) {
        return dir.path().getFileName().toString();
    }

    private static String problem(ReportGenerator.Outcome o, String start) {
        return o.problems().stream().filter(p -> p.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem starting '" + start + "' in " + o.problems()));
    }

    /** Rewrites the last line of the run's metrics.jsonl. */
    private static void editLastEpoch(RunDirectory dir, UnaryOperator<String> edit) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.metricsFile()));
        lines.set(lines.size() - 1, edit.apply(lines.get(lines.size() - 1)));
        Files.write(dir.metricsFile(), lines);
    }

    @Test
    void aBackupCopyOfARunIsNamedCountedOnceAndDrawnOnce() throws IOException {
        RunDirectory seed1 = cell(100, 80).get(0);
        FixtureResults.copyTree(seed1.path(), results().resolve("mnist-paper-old").resolve(id(seed1)));

        ReportGenerator.Outcome o = report();   // XChart refused a second series of one name: no report at all
        assertEquals("mnist-paper-old/" + id(seed1) + ": left out of the statistics: a second copy of run "
                + id(seed1) + ": mnist-paper/" + id(seed1) + " enters the statistics in its place, as its folder is the"
                + " experiment its config.yaml records (mnist-paper)", problem(o, "mnist-paper-old/"));
        assertEquals(3, claim(o, 100).n(), "the copy is not a fourth sample");
        assertEquals(List.of(1, 2, 3), seeds(faithful(100)));
        assertTrue(page("index.html").contains("a second copy of run " + id(seed1)));
        assertTrue(page("runs/mnist-paper-old/" + id(seed1) + ".html").contains("left out of the statistics"));
        assertFalse(page("runs/mnist-paper/" + id(seed1) + ".html").contains("left out of the statistics"));
        assertTrue(Files.isRegularFile(tmp.resolve("report/charts/mnist_100_faithful_300-test-error.png")));
    }

    @Test
    void aCopyBesideTheOriginalGetsAPageOfItsOwn() throws IOException {
        RunDirectory seed1 = cell(100, 80).get(0);
        FixtureResults.copyTree(seed1.path(), seed1.path().resolveSibling(id(seed1) + "-backup"));

        ReportGenerator.Outcome o = report();
        assertTrue(problem(o, "mnist-paper/" + id(seed1) + "-backup: left out of the statistics: a second copy")
                .endsWith("as its directory is named after the run id"), o.problems().toString());
        assertEquals(3, claim(o, 100).n());
        assertTrue(page("runs/mnist-paper/" + id(seed1) + "-backup.html").contains("left out of the statistics"));
        assertFalse(page("runs/mnist-paper/" + id(seed1) + ".html").contains("left out of the statistics"),
                "the original keeps its own page");
    }

    @Test
    void aShortMetricsFileUnderAFinishedStatusIsLeftOutAndSaysSo() throws IOException {
        RunDirectory seed1 = cell(200, 85).get(0);
        Files.write(seed1.metricsFile(), Files.readAllLines(seed1.metricsFile()).subList(0, 100));

        ReportGenerator.Outcome o = report();
        assertEquals("mnist-paper/" + id(seed1) + ": left out of the statistics: metrics.jsonl has 100 epoch(s), but"
                + " status.json says 300 done; summary.json says 300 epochs, metrics.jsonl ends at epoch 100",
                problem(o, "mnist-paper/" + id(seed1)));
        assertEquals(List.of(2, 3), seeds(faithful(200)), "its epoch-100 figure is no final figure");
        assertEquals(2, claim(o, 200).n());
        assertTrue(claim(o, 200).reason().contains("left out of the statistics, as their record does not stand: seed 1"
                + " (mnist-paper/" + id(seed1) + ")"), claim(o, 200).reason());
        String runPage = page("runs/mnist-paper/" + id(seed1) + ".html");
        assertTrue(runPage.contains("300 of 300 (100 in metrics.jsonl) epochs"), "not 'done 300/300' alone");
        assertTrue(runPage.contains("left out of the statistics</span> metrics.jsonl has 100 epoch(s)"));
        assertTrue(runPage.contains("It enters no statistic, curve or chart of its cell"), "not 'its figure, in every"
                + " table and statistic'");
    }

    @Test
    void anImpossibleErrorCountIsLeftOutAndNamed() throws IOException {
        RunDirectory seed2 = cell(100, 80).get(1);
        editLastEpoch(seed2, line -> line.replaceFirst("\"testErrorsAverage\":\\d+", "\"testErrorsAverage\":-5"));

        ReportGenerator.Outcome o = report();
        assertTrue(problem(o, "mnist-paper/" + id(seed2)).startsWith("mnist-paper/" + id(seed2) + ": left out of the"
                + " statistics: epoch 300: averaged-D test errors -5 outside [0, 10000]; summary.json's final errors"),
                o.problems().toString());
        assertEquals(List.of(1, 3), seeds(faithful(100)));
        assertTrue(faithful(100).figure().min() > 0, "no -5 in the mean");
    }

    @Test
    void aSealedFileThatChangedIsLeftOutEvenWhenItAgreesWithItself() throws IOException {
        List<RunDirectory> runs = cell(100, 80);
        runs.forEach(r -> r.writeChecksums("test"));
        RunDirectory seed3 = runs.get(2);
        // a careful edit: the metrics and the summary agree, only the seal can tell
        editLastEpoch(seed3, line -> line.replaceFirst("\"testErrorsAverage\":\\d+", "\"testErrorsAverage\":40"));
        var summary = seed3.readSummary().orElseThrow();
        var last = seed3.readMetrics().get(299);
        seed3.writeSummary(new ssgan.results.Summary(summary.experiment(), summary.runId(), summary.state(),
                summary.epochs(), summary.epochsTarget(), summary.testErrorsRaw(), 40, summary.testCount(),
                summary.seconds(), summary.secondsPerEpoch(), last));

        ReportGenerator.Outcome o = report();
        assertTrue(problem(o, "mnist-paper/" + id(seed3)).matches(".*: left out of the statistics: metrics.jsonl"
                + " changed since its checksum was recorded \\(.*\\)"), o.problems().toString());
        assertEquals(List.of(1, 2), seeds(faithful(100)));
        assertTrue(o.problems().stream().noneMatch(p -> p.contains("no checksums.json")), "all three are sealed");
        assertTrue(page("runs/mnist-paper/" + id(runs.get(0)) + ".html").contains("metrics.jsonl matches its SHA-256 recorded"));
    }

    @Test
    void anUnreadableProvenanceCostsOnlyTheProvenance() throws IOException {
        RunDirectory seed1 = cell(100, 80).get(0);
        Files.writeString(seed1.provenanceFile(), "{\"gitCommit\": \"70180fe");

        ReportGenerator.Outcome o = report();
        assertTrue(problem(o, "mnist-paper/" + id(seed1)).startsWith("mnist-paper/" + id(seed1)
                + ": provenance.json unreadable ("), o.problems().toString());
        assertFalse(problem(o, "mnist-paper/" + id(seed1)).contains("left out"), "its figures do not rest on it");
        assertEquals(List.of(1, 2, 3), seeds(faithful(100)));
        String runPage = page("runs/mnist-paper/" + id(seed1) + ".html");
        assertTrue(runPage.contains("<th scope=\"row\">provenance</th><td><code>provenance unreadable</code>"));
        assertTrue(runPage.contains("damaged record</span> provenance.json unreadable"));
        assertTrue(page("index.html").contains("<code>provenance unreadable</code>"), "its origin column");
    }

    @Test
    void aMetricsFileEndingInACutLineKeepsItsWholeEpochs() throws IOException {
        RunDirectory seed1 = cell(100, 80).get(0);
        String text = Files.readString(seed1.metricsFile());
        Files.writeString(seed1.metricsFile(), text.substring(0, text.length() - 60));

        ReportGenerator.Outcome o = report();
        assertEquals("mnist-paper/" + id(seed1) + ": metrics.jsonl ends in a cut line (line 300); its 299 whole"
                + " line(s) are kept; left out of the statistics: metrics.jsonl has 299 epoch(s), but status.json says"
                + " 300 done; summary.json says 300 epochs, metrics.jsonl ends at epoch 299",
                problem(o, "mnist-paper/" + id(seed1)));
        assertEquals(List.of(2, 3), seeds(faithful(100)), "its final epoch is lost: no final figure");
        String runPage = page("runs/mnist-paper/" + id(seed1) + ".html");
        assertTrue(runPage.contains("<tr><td>275</td>") && runPage.contains("<tr><td>299</td>"),
                "its intact epochs are all on its page");
        assertTrue(Files.isRegularFile(tmp.resolve("report/runs/mnist-paper/" + id(seed1) + "-curves.png")));
    }

    @Test
    void aChartThatFailsIsNamedAndLeftOutAndTheRestIsWritten() throws IOException {
        RunDirectory seed1 = cell(100, 80).get(0);
        ChartWriter failing = new ChartWriter() {
            @Override
            void run(RunResult run, Optional<PaperTable.Cell> paper, Path file) {
                if (run.seed() == 1) {
                    throw new IllegalStateException("cannot draw");
                }
                super.run(run, paper, file);
            }
        };
        ReportGenerator.Outcome o = report(failing);
        assertEquals("chart runs/mnist-paper/" + id(seed1) + "-curves.png: IllegalStateException: cannot draw;"
                + " left out", problem(o, "chart "));
        assertFalse(Files.exists(tmp.resolve("report/runs/mnist-paper/" + id(seed1) + "-curves.png")));
        assertTrue(page("runs/mnist-paper/" + id(seed1) + ".html").contains("No chart: it could not be drawn"));
        assertEquals(3, claim(o, 100).n(), "a chart is no statistic");
        assertTrue(page("index.html").contains("cannot draw"), "named on the page too");
    }

    @Test
    void allOfThemAtOnceStillGiveAReport() throws IOException {
        List<RunDirectory> hundred = cell(100, 80);
        List<RunDirectory> twoHundred = cell(200, 85);
        FixtureResults.copyTree(hundred.get(0).path(),
                results().resolve("mnist-paper-old").resolve(id(hundred.get(0))));
        Files.write(twoHundred.get(0).metricsFile(),
                Files.readAllLines(twoHundred.get(0).metricsFile()).subList(0, 100));
        editLastEpoch(hundred.get(1), l -> l.replaceFirst("\"testErrorsAverage\":\\d+", "\"testErrorsAverage\":-5"));
        hundred.get(2).writeChecksums("test");
        Files.writeString(hundred.get(2).metricsFile(), "\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(twoHundred.get(1).provenanceFile(), "not json");
        String text = Files.readString(twoHundred.get(2).metricsFile());
        Files.writeString(twoHundred.get(2).metricsFile(), text.substring(0, text.length() - 60));
        Path broken = Files.createDirectories(results().resolve("mnist-paper/labels50-seed1-0000000000"));
        Files.writeString(broken.resolve("config.yaml"), "settings: [");
        Files.writeString(broken.resolve("status.json"), "{");

        ReportGenerator.Outcome o = report();
        String html = page("index.html");
        String listed = html.substring(html.indexOf("<section id=\"problems\""),
                html.indexOf("<section id=\"verdict\""));
        for (String where : List.of("mnist-paper-old/" + id(hundred.get(0)), "mnist-paper/" + id(twoHundred.get(0)),
                "mnist-paper/" + id(hundred.get(1)), "mnist-paper/" + id(hundred.get(2)),
                "mnist-paper/" + id(twoHundred.get(1)), "mnist-paper/" + id(twoHundred.get(2)),
                "mnist-paper/labels50-seed1-0000000000")) {
            problem(o, where + ": ");
            assertTrue(listed.contains("<li class=\"problem\">" + where + ": "), where);
        }
        assertTrue(problem(o, "mnist-paper/" + id(hundred.get(2))).contains("metrics.jsonl changed since"));
        assertEquals(1, claim(o, 100).n(), "seed 1 alone stands at 100 labels");
        assertEquals(1, claim(o, 200).n(), "seed 2 at 200: an unreadable provenance costs only itself");
        assertTrue(claim(o, 200).reason().contains("left out of the statistics"), claim(o, 200).reason());
        assertEquals(0, ssgan.cli.Main.run("report", "--results", results().toString(), "--out",
                tmp.resolve("site").toString()), "written: exit 0");
        assertEquals(3, ssgan.cli.Main.run("report", "--strict", "--results", results().toString(), "--out",
                tmp.resolve("site").toString()), "--strict: problems were named");
        assertTrue(Files.isRegularFile(tmp.resolve("site/index.html")));
    }
}
