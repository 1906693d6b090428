package ssgan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.cli.Main;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./ssgan checksums}: seals finished runs that stand, once, and verifies the sealed ones after. */
class ChecksumsCommandTest {
    @TempDir
    Path tmp;

    private RunDirectory run(int seed, RunState state, int epochs, boolean predictions) {
        return FixtureResults.run(tmp.resolve("results"), "mnist-cpu", null, Map.of("labels", 100, "seed", seed,
                "epochs", 30), state, epochs, 200, false, predictions);
    }

    /** Exit code and what it printed. */
    private Object[] checksums() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run("checksums", "--results", tmp.resolve("results").toString());
            return new Object[] {code, printed.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(stdout);
        }
    }

    private static String id(RunDirectory dir) {
        return dir.path().getFileName().toString();
    }

    @Test
    void sealsWhatStandsOnceRefusesWhatDoesNotAndNamesChangesAfter() throws Exception {
        RunDirectory withPredictions = run(1, RunState.DONE, 30, true);
        RunDirectory plain = run(2, RunState.DONE, 30, false);
        RunDirectory edited = run(3, RunState.DONE, 30, false);
        List<String> lines = new ArrayList<>(Files.readAllLines(edited.metricsFile()));
        lines.set(29, lines.get(29).replaceFirst("\"testErrorsAverage\":\\d+", "\"testErrorsAverage\":-5"));
        Files.write(edited.metricsFile(), lines);
        RunDirectory running = run(4, RunState.RUNNING, 12, false);

        Object[] first = checksums();
        String text = (String) first[1];
        assertEquals(1, first[0], text);
        assertTrue(text.contains("mnist-cpu/" + id(withPredictions) + ": sealed metrics.jsonl, predictions.bin.gz\n"),
                text);
        assertTrue(text.contains("mnist-cpu/" + id(plain) + ": sealed metrics.jsonl\n"), text);
        assertTrue(text.contains("mnist-cpu/" + id(edited) + ": not sealed, its record does not stand: epoch 30:"
                + " averaged-D test errors -5 outside [0, 10000]"), text);
        assertTrue(text.contains("checksums: 2 run(s) sealed now, 0 verified, 1 with a problem (above)"), text);
        assertFalse(Files.exists(edited.checksumsFile()), "an edited record is not blessed");
        assertFalse(Files.exists(running.checksumsFile()), "a run in progress seals itself when it finishes");

        String before = Files.readString(plain.checksumsFile());
        Files.delete(edited.path().resolve("summary.json")); // out of the way: the edited run is another matter
        Files.writeString(edited.statusFile(), Files.readString(edited.statusFile()).replace("DONE", "FAILED"));
        Object[] second = checksums();
        assertEquals(0, second[0], (String) second[1]);
        assertTrue(((String) second[1]).contains("checksums: 0 run(s) sealed now, 2 verified, 0 with a problem"),
                (String) second[1]);
        assertEquals(before, Files.readString(plain.checksumsFile()), "sealed once: the first sums stay");

        Files.writeString(plain.metricsFile(), "\n", StandardOpenOption.APPEND);
        Object[] third = checksums();
        assertEquals(1, third[0]);
        assertTrue(((String) third[1]).contains("mnist-cpu/" + id(plain) + ": metrics.jsonl changed since its"
                + " checksum was recorded"), (String) third[1]);
    }
}
