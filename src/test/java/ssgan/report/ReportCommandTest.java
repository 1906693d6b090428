package ssgan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./ssgan report --results R --out O}: the command is wired to the generator. */
class ReportCommandTest {

    @Test
    void writesIndexHtml(@TempDir Path tmp) throws Exception {
        Path results = tmp.resolve("results");
        FixtureResults.copyQuickstart(results);
        Path out = tmp.resolve("site");
        int code = Main.run("report", "--results", results.toString(), "--out", out.toString());
        assertEquals(0, code);
        assertTrue(Files.readString(out.resolve("index.html")).contains("seed1-891c3a5b40"));
    }

    @Test
    void printsTheVerdictOfEachOfThePapersCells(@TempDir Path tmp) {
        String text = report(tmp, false);
        List<String> lines = text.lines().skip(1).toList(); // after the "report: N runs" line
        assertTrue(lines.get(0).contains("verdict") && lines.get(0).contains("95 % CI ours − paper"), text);
        for (int labels : new int[] {20, 50, 100, 200}) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("  mnist " + labels + " ")), text);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  cifar10 4000") && l.contains("no runs")), text);
        assertTrue(text.contains("budget runs only"), text);
        assertTrue(lines.stream().allMatch(l -> l.length() <= 120), "at most 120 characters a line");
        // aligned: the verdict column starts at the same place on every line
        int column = lines.get(0).indexOf("verdict");
        assertTrue(lines.stream().allMatch(l -> l.charAt(column - 1) == ' ' && l.charAt(column) != ' '), text);
        assertFalse(text.contains("nothing has been run for this cell"), "the detail only behind --verbose");
    }

    @Test
    void verbosePrintsTheDetailUnderEachLine(@TempDir Path tmp) {
        String text = report(tmp, true);
        assertTrue(text.contains("      cifar10, 4000 labels: no runs yet\n      nothing has been run for this cell"),
                text);
        assertTrue(text.lines().allMatch(l -> l.length() <= 120), "every line wrapped at 120 characters: " + text);
    }

    private static String report(Path tmp, boolean verbose) {
        Path results = tmp.resolve("results");
        FixtureResults.copyQuickstart(results);
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new ArrayList<>(List.of("report", "--results", results.toString(), "--out",
                    tmp.resolve("site").toString()));
            if (verbose) {
                args.add("--verbose");
            }
            assertEquals(0, Main.run(args.toArray(String[]::new)));
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void strictFailsWhenAProblemWasNamedAndTheReportIsWrittenAllTheSame(@TempDir Path tmp) throws Exception {
        Path results = tmp.resolve("results");
        FixtureResults.copyQuickstart(results);   // two finished runs from before checksums were kept
        Path out = tmp.resolve("site");
        String[] strict = {"report", "--strict", "--results", results.toString(), "--out", out.toString()};
        String[] err = new String[1];
        assertEquals(3, stderrOf(err, () -> Main.run(strict)));
        assertTrue(err[0].contains("report: problem: 2 finished run(s) have no checksums.json"), err[0]);
        assertTrue(err[0].contains("--strict: exit 3"), err[0]);
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertEquals(0, Main.run("checksums", "--results", results.toString()), "both records stand: sealed");
        assertEquals(0, Main.run(strict), "nothing left to name");
    }

    @Test
    void nothingWrittenIsExitOneWithoutAStackTrace(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(out.resolve("mine.txt"), "not a report");
        String[] err = new String[1];
        assertEquals(1, stderrOf(err, () -> Main.run("report", "--results", tmp.resolve("results").toString(),
                "--out", out.toString())));
        assertTrue(err[0].startsWith("report: nothing written: "), err[0]);
        assertFalse(err[0].contains("\tat "), "no stack trace");
    }

    /** Runs {@code command}, returning its exit code and putting what it printed on stderr into {@code err[0]}. */
    private static int stderrOf(String[] err, java.util.function.IntSupplier command) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            return command.getAsInt();
        } finally {
            System.setErr(stderr);
            err[0] = printed.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBrokenPaperTableIsBadInput(@TempDir Path tmp) throws Exception {
        Path paper = Files.createDirectories(tmp.resolve("paper"));
        Files.writeString(paper.resolve("t.yaml"), "table: t\nunit: furlongs\n");
        int code = Main.run("report", "--results", tmp.resolve("results").toString(), "--out",
                tmp.resolve("site").toString(), "--paper", paper.toString());
        assertEquals(2, code);
        assertTrue(Files.notExists(tmp.resolve("site")), "nothing written on bad input");
    }

    @Test
    void aPaperTableInAnotherUnitThanItsDatasetIsBadInput(@TempDir Path tmp) throws Exception {
        Path mnist = Files.createDirectories(tmp.resolve("data/mnist"));
        Files.writeString(mnist.resolve("dataset.yaml"), Files.readString(Path.of("data/mnist/dataset.yaml"))
                .replace("unit: errors_out_of_10000", "unit: error_percent"));
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.run("report", "--results", tmp.resolve("results").toString(), "--out",
                    tmp.resolve("site").toString(), "--data", tmp.resolve("data").toString()));
        } finally {
            System.setErr(stderr);
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("paper table mnist-table1 gives"
                + " errors_out_of_10000, but the dataset.yaml of mnist declares unit error_percent"), printed::toString);
        assertTrue(Files.notExists(tmp.resolve("site")), "nothing written on bad input");
    }

    @Test
    void aBrokenDatasetDeclarationIsBadInput(@TempDir Path tmp) throws Exception {
        Path toy = Files.createDirectories(tmp.resolve("data/toy"));
        Files.writeString(toy.resolve("dataset.yaml"), "name: toy\nunit: furlongs\n");
        int code = Main.run("report", "--results", tmp.resolve("results").toString(), "--out",
                tmp.resolve("site").toString(), "--data", tmp.resolve("data").toString());
        assertEquals(2, code);
        assertTrue(Files.notExists(tmp.resolve("site")), "nothing written on bad input");
    }
}
