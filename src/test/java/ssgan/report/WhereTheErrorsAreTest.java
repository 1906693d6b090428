package ssgan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.results.Predictions;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report shows where a finished run's errors are: a confusion matrix per discriminator on its page, one line per
 * run in its cell and every count in data/confusion.csv, all from its predictions.bin.gz.
 */
class WhereTheErrorsAreTest {
    @TempDir
    Path tmp;

    /**
     * 10,000 images, class i % 10: the averaged D predicts every 5 as a 3 (a mislabelled cluster, 1000 errors), the
     * raw D gets seven 1s wrong as 7s.
     */
    private static Predictions mislabelledCluster() {
        int count = 10_000;
        int classes = 10;
        int[] labels = new int[count];
        float[] raw = new float[count * classes];
        float[] averaged = new float[count * classes];
        int rawMistakes = 0;
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            averaged[i * classes + (labels[i] == 5 ? 3 : labels[i])] = 1;
            boolean wrong = labels[i] == 1 && rawMistakes < 7;
            rawMistakes += wrong ? 1 : 0;
            raw[i * classes + (wrong ? 7 : labels[i])] = 1;
        }
        return new Predictions(count, classes, labels, raw, averaged);
    }

    @Test
    void aMislabelledClusterShowsOnTheRunPageInItsCellAndInTheData() throws IOException {
        Path results = tmp.resolve("results");
        RunDirectory withPredictions = FixtureResults.run(results, "mnist-paper", null,
                Map.of("labels", 20, "seed", 1, "epochs", 300), RunState.DONE, 300, 1000, false, false);
        mislabelledCluster().write(withPredictions.predictionsFile());
        RunDirectory without = FixtureResults.run(results, "mnist-paper", null,
                Map.of("labels", 20, "seed", 2, "epochs", 300), RunState.DONE, 300, 1000, false, false);
        Path out = tmp.resolve("report");
        new ReportGenerator().generate(new ResultsStore(results), FixtureResults.paperTables(), FixtureResults.facts(),
                "experiments/paper", out);

        String page = Files.readString(out.resolve("runs/mnist-paper/" + withPredictions.path().getFileName()
                + ".html"));
        assertTrue(page.contains("<h2>Where the errors are</h2>"), page);
        String averagedSummary = "1000 errors; 1 of 10 classes predicted mostly as another: 5 as 3 (1000 of 1000); "
                + "largest pair 5 → 3: 1000 (100 % of errors)";
        assertTrue(page.contains(averagedSummary), "the averaged D's summary");
        assertTrue(page.contains("7 errors; no class predicted mostly as another; largest pair 1 → 7: 7 (100 % of"
                + " errors)"), "the raw D's summary");
        String row5 = page.substring(page.indexOf("<tr><th scope=\"row\">5</th>"));
        row5 = row5.substring(0, row5.indexOf("</tr>"));
        assertEquals("<tr><th scope=\"row\">5</th><td>0</td><td>0</td><td>0</td><td class=\"major\">1000</td>"
                + "<td>0</td><td class=\"diagonal\">0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>100.0 %</td>",
                row5, "class 5's row: all of it in column 3, marked");

        String other = Files.readString(out.resolve("runs/mnist-paper/" + without.path().getFileName() + ".html"));
        assertFalse(other.contains("Where the errors are"), "no predictions, no matrix");

        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("<a href=\"runs/mnist-paper/" + withPredictions.path().getFileName()
                + ".html\">seed 1</a>: " + averagedSummary), "the cell's line, linked to the run page");

        List<String> csv = Files.readAllLines(out.resolve("data/confusion.csv"));
        assertEquals("experiment,run_id,discriminator,true_class,predicted_class,count", csv.get(0));
        assertEquals(1 + 2 * 100, csv.size(), "every count of both matrices of the one run with predictions");
        String id = withPredictions.path().getFileName().toString();
        assertTrue(csv.contains("mnist-paper,\"" + id + "\",averaged,5,3,1000"), String.join("\n", csv.subList(0, 12)));
        assertTrue(csv.contains("mnist-paper,\"" + id + "\",raw,1,7,7"));
        assertTrue(Files.isRegularFile(out.resolve("data/confusion.json")));
    }
}
