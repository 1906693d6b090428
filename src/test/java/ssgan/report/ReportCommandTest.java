package ssgan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.cli.Main;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void aBrokenPaperTableIsBadInput(@TempDir Path tmp) throws Exception {
        Path paper = Files.createDirectories(tmp.resolve("paper"));
        Files.writeString(paper.resolve("t.yaml"), "table: t\nunit: furlongs\n");
        int code = Main.run("report", "--results", tmp.resolve("results").toString(), "--out",
                tmp.resolve("site").toString(), "--paper", paper.toString());
        assertEquals(2, code);
        assertTrue(Files.notExists(tmp.resolve("site")), "nothing written on bad input");
    }
}
