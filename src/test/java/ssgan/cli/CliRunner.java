package ssgan.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** Runs the CLI in-process, as a user would from the shell, capturing what it prints. */
final class CliRunner {
    record Outcome(int exitCode, String output) {}

    private CliRunner() {}

    static synchronized Outcome run(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true);
        System.setOut(both);
        System.setErr(both);
        try {
            return new Outcome(Main.run(args), captured.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
