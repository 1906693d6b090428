package ssgan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.results.SubsetDifficulty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run's subset.json shows in its cell, on its page and in data/subsets.csv; a run without one shows nothing. */
class LabeledSubsetShownTest {
    @TempDir
    Path tmp;

    @Test
    void aHardSubsetShowsBesideTheRunsOwnError() throws IOException {
        Path results = tmp.resolve("results");
        RunDirectory hard = FixtureResults.run(results, "mnist-paper", null,
                Map.of("labels", 20, "seed", 1, "epochs", 300), RunState.DONE, 300, 4120, false, false);
        hard.writeSubset(new SubsetDifficulty(SubsetDifficulty.METHOD, 20, 1, 6121, 10_000, 1001,
                new int[] {4700, 4800, 4756, 5000}, Map.of(), "abc", "2026-12-04T00:00:00Z"));
        RunDirectory without = FixtureResults.run(results, "mnist-paper", null,
                Map.of("labels", 20, "seed", 2, "epochs", 300), RunState.DONE, 300, 5672, false, false);
        Path out = tmp.resolve("report");
        new ReportGenerator().generate(new ResultsStore(results), FixtureResults.paperTables(), FixtureResults.facts(),
                "experiments/paper", out);

        String line = "1-NN on the 20 labeled images alone: 6121, harder than 100 % of 4 random subsets of 20 (their"
                + " median 4778)";
        String index = Files.readString(out.resolve("index.html"));
        String cellLine = "<a href=\"runs/mnist-paper/" + hard.path().getFileName() + ".html\">seed 1</a>: ours ";
        assertTrue(index.contains(cellLine), "the cell's line, linked to the run page");
        String rest = index.substring(index.indexOf(cellLine) + cellLine.length());
        assertTrue(rest.matches("(?s)\\d+; " + Pattern.quote(line) + "</li>.*"),
                "our averaged-D error (the fixture's last epoch), then the subset's: " + rest.substring(0, 200));
        assertFalse(index.contains("seed 2</a>: ours"), "no subset.json, no line");

        String page = Files.readString(out.resolve("runs/mnist-paper/" + hard.path().getFileName() + ".html"));
        assertTrue(page.contains("<h2>Labeled subset</h2>") && page.contains(line + "."), page);
        String other = Files.readString(out.resolve("runs/mnist-paper/" + without.path().getFileName() + ".html"));
        assertFalse(other.contains("Labeled subset"));

        List<String> csv = Files.readAllLines(out.resolve("data/subsets.csv"));
        assertEquals("experiment,run_id,labels,seed_data,nn_test_errors,test_count,reference_draws,"
                + "reference_first_seed,percentile,reference_median,reference_p05,reference_p95,final_errors_average,"
                + "final_errors_figure",
                csv.get(0));
        assertEquals(2, csv.size(), "one row: the run with a subset.json");
        assertTrue(csv.get(1).startsWith("mnist-paper,\"" + hard.path().getFileName() + "\",20,1,6121,10000,4,1001,"
                + "100.0,4778.0,"), csv.get(1));
    }
}
