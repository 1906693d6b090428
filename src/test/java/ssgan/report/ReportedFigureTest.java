package ssgan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.config.Settings;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.stats.Analysis;
import ssgan.stats.CellSummary;
import ssgan.stats.RunLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** reported_d decides which D's error is a run's figure in every statistic; its default changes nothing. */
class ReportedFigureTest {

    @TempDir
    Path tmp;

    private static void threeRuns(Path results, String reportedD) {
        for (int seed = 1; seed <= 3; seed++) {
            Map<String, Object> overrides = new LinkedHashMap<>(Map.of("labels", 100, "seed", seed, "epochs", 300));
            if (reportedD != null) {
                overrides.put("reported_d", reportedD);
            }
            FixtureResults.run(results, "mnist-paper", overrides, RunState.DONE, 300, 80 + 10 * seed, false);
        }
    }

    private static ReportGenerator.Outcome generate(Path results, Path out) {
        return new ReportGenerator().generate(new ResultsStore(results), FixtureResults.paperTables(),
                FixtureResults.facts(), "experiments/paper", out);
    }

    private static CellSummary onlyCell(Path results) {
        Analysis analysis = Analysis.of(RunLoader.load(new ResultsStore(results), FixtureResults.facts()).runs(),
                FixtureResults.paperTables());
        assertEquals(1, analysis.cells().size());
        return analysis.cells().get(0);
    }

    @Test
    void theDefaultWrittenOutOrLeftOutChangesNothing() throws IOException {
        Path absent = tmp.resolve("absent");
        Path explicit = tmp.resolve("explicit");
        threeRuns(absent, null);
        threeRuns(explicit, "averaged");
        // runs recorded before reported_d existed have no such key in config.yaml
        for (RunDirectory dir : new ResultsStore(absent).runs("mnist-paper")) {
            String config = Files.readString(dir.configFile());
            Files.writeString(dir.configFile(), config.replaceAll("(?m)^  reported_d: .*\\n", ""));
            assertTrue(!Files.readString(dir.configFile()).contains("reported_d"));
        }
        CellSummary cell = onlyCell(absent);
        assertEquals(Settings.ReportedD.AVERAGED, cell.reportedD());
        assertEquals(cell.average(), cell.figure(), "the averaged D, as before the setting existed");
        generate(absent, tmp.resolve("report-absent"));
        generate(explicit, tmp.resolve("report-explicit"));
        for (String file : List.of("index.html", "data/cells.csv", "data/runs.csv", "data/verdicts.csv")) {
            assertEquals(withoutTime(tmp.resolve("report-absent").resolve(file)),
                    withoutTime(tmp.resolve("report-explicit").resolve(file)), file);
        }
    }

    @Test
    void aRawProtocolIsJudgedOnTheRawDEverywhere() throws IOException {
        Path results = tmp.resolve("results");
        threeRuns(results, "raw");
        CellSummary cell = onlyCell(results);
        assertEquals(Settings.ReportedD.RAW, cell.reportedD());
        assertEquals(cell.raw(), cell.figure());
        assertNotEquals(cell.average().mean(), cell.figure().mean(), "the fixture's raw and averaged D differ");
        assertEquals(cell.raw().n(), cell.judgement().n());
        assertEquals(cell.raw().mean() - 93, cell.judgement().difference(), 1e-9, "the verdict's input is the raw D");
        Path out = tmp.resolve("report");
        generate(results, out);
        var cells = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("data/cells.json").toFile());
        assertEquals("raw", cells.get(0).get("reported_d").asText());
        assertEquals(cell.raw().mean(), cells.get(0).get("figure_mean").asDouble(), 1e-9);
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("raw D (this protocol&#39;s number, reported_d: raw; the verdict&#39;s)")
                || html.contains("raw D (this protocol's number, reported_d: raw; the verdict's)"), "cell stats");
        String runPage;
        try (var pages = Files.walk(out.resolve("runs"))) {
            runPage = Files.readString(pages.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow());
        }
        assertTrue(runPage.contains("is the raw D (reported_d: raw)"), "the run page says which D is its figure");
    }

    private static String withoutTime(Path file) throws IOException {
        return Files.readString(file).replaceAll("20\\d\\d-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d(:\\d\\d)?( UTC|Z)?", "")
                .replaceAll("/(absent|explicit)\\b", "/results");
    }
}
