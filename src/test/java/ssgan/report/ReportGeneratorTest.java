package ssgan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.stats.Analysis;
import ssgan.stats.RunLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportGeneratorTest {
    private static final String SCRIPT = "<script>alert('x')</script>";

    @TempDir
    Path tmp;

    private ReportGenerator.Outcome generate(Path results, Path out) {
        return new ReportGenerator().generate(new ResultsStore(results), FixtureResults.paperTables(),
                FixtureResults.facts(), "experiments/paper", out);
    }

    @Test
    void quickstartRunsMakeACompletePage() throws IOException {
        Path results = tmp.resolve("results");
        FixtureResults.copyQuickstart(results);
        Path out = tmp.resolve("report");
        ReportGenerator.Outcome outcome = generate(results, out);

        assertEquals(2, outcome.runs());
        assertEquals(1, outcome.cells());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("Table 1: permutation-invariant MNIST"), "paper table 1");
        assertTrue(html.contains("Table 2: CIFAR-10"), "paper table 2");
        assertTrue(html.contains("Ensemble of 10 Improved GAN models"), "ensemble row");
        assertTrue(html.contains("Reproduction study"), "reproduction study row");
        assertTrue(html.contains("Ladder network"), "other methods");
        assertTrue(html.contains("3 of 300 epochs"), "budget label");
        assertTrue(html.contains("budget runs only: 3 of 300 epochs"), "budget verdict");
        assertTrue(html.contains("no runs yet"), "CIFAR-10 has no runs");
        assertTrue(html.contains("average_bias_correction&#61;false"), "which average ('=' is escaped too)");
        assertTrue(html.contains("891c3a5b40"), "config hash");
        // seeds 1 and 2 end at 2267 and the other fixture's averaged-D errors: both appear in the runs table
        assertTrue(html.contains("<td>2267</td>"), "a run's error count is an integer");
        assertTrue(html.contains("href=\"runs/quickstart/seed1-891c3a5b40.html\""), "link to the run's page");
        String runPage = Files.readString(out.resolve("runs/quickstart/seed1-891c3a5b40.html"));
        assertTrue(runPage.contains("891c3a5b40") && runPage.contains("average_bias_correction"), "config on it");
        for (String img : images(runPage)) {
            assertTrue(Files.isRegularFile(out.resolve("runs/quickstart").resolve(img).normalize()), "image " + img);
        }
        assertTrue(Files.size(out.resolve("data/runs.csv")) > 100 && Files.size(out.resolve("data/metrics.json")) > 100,
                "downloads");
        assertTrue(Files.readAllLines(out.resolve("data/runs.csv")).get(0).contains(",sitting_commits,"),
                "each run's commits by sitting are exported");
        assertTrue(runPage.contains("<h3>Sittings</h3>") && runPage.contains("Sitting 1 is not recorded"),
                "the fixture's provenance predates the history of sittings, and the page says so");
        assertTrue(Files.isRegularFile(out.resolve("samples/quickstart/seed1-891c3a5b40.png")));
        for (String img : images(html)) {
            assertTrue(Files.isRegularFile(out.resolve(img)), "image " + img + " exists");
        }
        assertFalse(html.contains("{{"), "no unrendered template tags");
        assertFalse(html.matches("(?s).*(https?:)?//[a-z].*\\.(css|js|woff2?)\\b.*"), "nothing external");
    }

    @Test
    void theLabelsChartDrawsThePaperThePriorReproductionsAndOurFaithfulSeriesOnly() {
        Path results = tmp.resolve("results");
        for (int seed = 1; seed <= 3; seed++) {
            FixtureResults.run(results, "mnist-paper", null, Map.of("labels", 200, "seed", seed, "epochs", 300),
                    RunState.DONE, 300, 90 + seed, false, true);
        }
        FixtureResults.run(results, "mnist-paper", null, Map.of("labels", 100, "seed", 1, "epochs", 300),
                RunState.DONE, 300, 80, false, true);
        FixtureResults.run(results, "mnist-ablations", "supervised_only", Map.of("labels", 100, "seed", 1,
                "epochs", 300, "mode", "supervised"), RunState.DONE, 300, 600, false, true);
        PageBuilder builder = new PageBuilder(Analysis.of(RunLoader.load(new ResultsStore(results),
                FixtureResults.facts()).runs(), FixtureResults.paperTables()), FixtureResults.facts());
        Map<String, List<Double>> drawn = new TreeMap<>();
        builder.labelSeries("mnist").forEach(s -> drawn.put(s.name(),
                s.points().stream().map(ChartWriter.Point::labels).toList()));
        assertEquals(List.of(100.0, 200.0), drawn.get("ours: faithful, 300 epochs (the paper's)"), drawn.toString());
        assertTrue(drawn.containsKey("Improved GAN (feature matching)"), drawn.toString());
        assertTrue(drawn.containsKey("Reproduction study (A. Daw, M. Elhamod, S. More)"), drawn.toString());
        assertTrue(drawn.keySet().stream().noneMatch(n -> n.contains("nsemble") || n.contains("supervised_only")),
                "no ensemble (fewer members than the paper's 10 are not comparable) and no ablation variant: "
                        + drawn.keySet());
    }

    @Test
    void ablationTableAndEnsembles() throws IOException {
        Path results = tmp.resolve("results");
        for (int seed = 1; seed <= 3; seed++) {
            FixtureResults.run(results, "mnist-ablations", "faithful", Map.of("labels", 100, "seed", seed,
                    "epochs", 300), RunState.DONE, 300, 90 + seed, true, true);
            FixtureResults.run(results, "mnist-ablations", "supervised_only", Map.of("labels", 100, "seed", seed,
                    "epochs", 300, "mode", "supervised"), RunState.DONE, 300, 600 + 10 * seed, true, seed < 3);
        }
        Path out = tmp.resolve("report");
        ReportGenerator.Outcome outcome = generate(results, out);
        assertEquals(2, outcome.cells());
        String html = Files.readString(out.resolve("index.html"));

        int ablations = html.indexOf("<section id=\"ablations\">");
        assertTrue(ablations > 0, "an ablation section");
        String section = html.substring(ablations, html.indexOf("</section>", ablations));
        assertTrue(section.contains("mnist · 100 labels · 300 epochs (the paper&#39;s)")
                || section.contains("mnist · 100 labels · 300 epochs (the paper&#x27;s)"), section);
        assertTrue(section.contains(">supervised_only</a>"), "named variants keep their names");
        assertTrue(section.contains("reference"), "the faithful row is the reference");
        assertTrue(section.matches("(?s).*<td class=\"significant\">\\+5\\d\\d\\.\\d</td>.*"),
                "supervised_only makes about 520 more errors, significantly: " + section);
        assertTrue(section.contains("[+"), "a confidence interval");
        assertEquals(2, images(section).size(), "one sample grid per variant, side by side");
        assertTrue(section.contains("supervised_only · seed 1"));

        int paperEnsemble = html.indexOf("Ensemble of 10 Improved GAN models");
        int ourMain = html.indexOf("This reproduction: faithful, 300 epochs");
        int ourEnsemble = html.indexOf("This reproduction: ensemble, faithful, 300 epochs");
        assertTrue(paperEnsemble > 0 && ourMain > paperEnsemble && ourEnsemble > ourMain,
                "our ensemble row sits below our main row, not under the paper's ensemble");
        assertTrue(html.contains("one ensemble of 3 runs · not comparable: 3 members, the paper&#39;s has 10")
                || html.contains("one ensemble of 3 runs · not comparable: 3 members, the paper&#x27;s has 10"), html);
        assertTrue(html.contains("ours-ensemble not-comparable"), "drawn muted, not highlighted");
        assertTrue(html.contains("1 finished run(s) have no predictions.bin.gz"), "seed 3 of supervised_only");
        assertTrue(html.contains("needs 20 runs"), "too few runs for disjoint ensembles of 10");
        assertTrue(html.contains("86 ± 5.6"), "the paper's ensemble value in the cell");

        // faithful 92, 89, 90 against 93 ± 6.5 (n = 10): 90 % CI of ours − paper [-6.7, +1.4] reaches past -6.5 (not
        // equivalent), but its upper bound is below +6.5: not worse by a paper std
        int cells = html.indexOf("<section id=\"cells\">");
        String cell = html.substring(cells, html.indexOf("</section>", cells));
        assertTrue(cell.contains("<strong>matched or better (non-inferior)</strong>"), "three seeds, not worse");
        assertTrue(cell.contains("seed 1: 92, seed 2: 89, seed 3: 90"), "per-seed values");
        assertTrue(cell.contains("<td>[-7.6, +2.3]</td><td>[-6.7, +1.4]</td><td>-0.41</td>"),
                "95 % CI, 90 % CI and the effect size in paper stds: -2.7 / 6.5");
        assertTrue(cell.contains("the upper 90 % bound of ours − paper (+1.4) is below +6.5"),
                "the rule beside the verdict");
        assertTrue(cell.contains("<strong>differs: worse than the paper</strong>"), "supervised_only");
        assertFalse(cell.contains("reproduced"), "no reproduction is claimed without equivalence");
    }

    @Test
    void priorReproductionsBesideOurImitationOfThem() throws IOException {
        Path results = tmp.resolve("results");
        FixtureResults.run(results, "mnist-ablations", "pytorch_port", Map.of("labels", 100, "seed", 1,
                "epochs", 300), RunState.DONE, 300, 120, true, false);
        Path out = tmp.resolve("report");
        generate(results, out);
        String html = Files.readString(out.resolve("index.html"));
        int at = html.indexOf("<section id=\"prior\">");
        assertTrue(at > 0 && at < html.indexOf("<section id=\"tables\">"), "a section near the verdict");
        String section = html.substring(at, html.indexOf("</section>", at));
        assertTrue(section.contains("Reproduction study (A. Daw") && section.contains("100 labels: 433 ± 7.9 (n&#61;3)"),
                section);
        assertTrue(section.contains("Sleepychord/ImprovedGAN-pytorch") && section.contains("100 labels: 150 (n&#61;1)"),
                "the port's README figure");
        assertTrue(section.contains("pytorch_port · 100 labels · seed 1"), section);
        // the fixture's raw D is 132 + 1000 exp(-epoch/10) + noise: at or below 433 from about epoch 12, below
        // 150 from about epoch 40
        Matcher study = Pattern.compile("\\(433\\): (?:first )?at or below (?:from|at) epoch (\\d+)").matcher(section);
        Matcher readme = Pattern.compile("\\(150\\): (?:first )?at or below (?:from|at) epoch (\\d+)").matcher(section);
        assertTrue(study.find() && readme.find(), section);
        assertTrue(Math.abs(Integer.parseInt(study.group(1)) - 12) <= 2, study.group());
        assertTrue(Math.abs(Integer.parseInt(readme.group(1)) - 40) <= 4, readme.group());
    }

    @Test
    void everyStringFromResultsIsEscaped() throws IOException {
        Path results = tmp.resolve("results");
        String experiment = "exp<b>&\"q";
        RunDirectory dir = new ResultsStore(results).run(experiment, "labels100-seed1-" + "deadbeef00");
        Map<String, Object> settings = new LinkedHashMap<>(ssgan.paper.PaperProtocol.setup("mnist"));
        settings.put("epochs", 300);
        settings.put("dataset", SCRIPT);   // a free-text setting: typed ones reject such a value
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("experiment", experiment);
        config.put("run_id", "labels100-seed1-deadbeef00");
        config.put("settings", settings);
        dir.writeConfig(config);
        FixtureResults.write(dir, experiment, "labels100-seed1-deadbeef00", "mnist", 1, RunState.FAILED, 5, 300, 100,
                true, "failed: " + SCRIPT);

        Path out = tmp.resolve("report");
        generate(results, out);
        String html = Files.readString(out.resolve("index.html"));
        assertEquals(1, html.split("<script", -1).length - 1, "only the page's own sorting script");
        assertFalse(html.contains(SCRIPT), "no script element from a config or status string");
        String runPage = Files.readString(out.resolve("runs/exp_b_q/labels100-seed1-deadbeef00.html"));
        assertFalse(runPage.contains(SCRIPT) || runPage.contains("<b>"), "the run page escapes too");
        assertTrue(runPage.contains("&lt;script&gt;"), "escaped text is shown on the run page");
        assertFalse(html.contains("<b>"), "experiment name escaped");
        assertTrue(html.contains("&lt;script&gt;"), "escaped text is shown");
        assertTrue(html.contains("exp&lt;b&gt;&amp;&quot;q") || html.contains("exp&lt;b&gt;&amp;&#34;q"), html);
        assertTrue(html.contains("href=\"runs/exp_b_q/labels100-seed1-deadbeef00.html\""),
                "run pages get file-name-safe paths");
    }

    @Test
    void emptyResultsSayNoRunsYet() throws IOException {
        Path out = tmp.resolve("report");
        ReportGenerator.Outcome outcome = generate(tmp.resolve("results"), out);
        assertEquals(0, outcome.runs());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("No runs yet"));
        assertTrue(html.contains("Improved GAN (feature matching)"));
    }

    @Test
    void regeneratingReplacesTheWholeReportAndLeavesNoTemporaryFiles() throws IOException {
        Path results = tmp.resolve("results");
        FixtureResults.copyQuickstart(results);
        Path out = tmp.resolve("report");
        generate(results, out);
        Files.writeString(out.resolve("stale.txt"), "from an older report");
        generate(results, out);
        assertFalse(Files.exists(out.resolve("stale.txt")), "the old report was swapped out as a whole");
        assertTrue(Files.exists(out.resolve(ReportDirectory.MARKER)));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of("report", "results"), siblings.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no staging or old directories left");
        }
    }

    @Test
    void aFailedGenerationLeavesTheTargetUntouched() throws IOException {
        Path results = tmp.resolve("results");
        FixtureResults.copyQuickstart(results);
        Path out = tmp.resolve("notes");
        Files.createDirectories(out);
        Files.writeString(out.resolve("mine.txt"), "not a report");
        assertThrows(IllegalStateException.class, () -> generate(results, out));
        assertEquals("not a report", Files.readString(out.resolve("mine.txt")));
        assertFalse(Files.exists(out.resolve("index.html")));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(2, siblings.count(), "the staging directory was removed");
        }
    }

    static List<String> images(String html) {
        return java.util.regex.Pattern.compile("<img [^>]*?src=\"([^\"]+)\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }
}
