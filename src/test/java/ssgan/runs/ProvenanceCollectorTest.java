package ssgan.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Work tree modified" in a run's provenance: code and configs count, the outputs of runs do not. */
class ProvenanceCollectorTest {

    @Test
    void aRunsOwnRecordAndTheReportDoNotMakeTheWorkTreeModified(@TempDir Path repo) throws Exception {
        git(repo, "init", "-q");
        Files.createDirectories(repo.resolve("src"));
        Files.createDirectories(repo.resolve("results/mnist-paper/run"));
        Files.createDirectories(repo.resolve("report"));
        Files.writeString(repo.resolve("src/Trainer.java"), "class Trainer {}\n");
        Files.writeString(repo.resolve("results/mnist-paper/run/metrics.jsonl"), "{}\n");
        Files.writeString(repo.resolve("report/index.html"), "<html>\n");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "c");
        assertFalse(ProvenanceCollector.codeModified(repo));

        Files.writeString(repo.resolve("results/mnist-paper/run/metrics.jsonl"), "{}\n{}\n");
        Files.writeString(repo.resolve("report/index.html"), "<html><body>\n");
        Files.writeString(repo.resolve("untracked.txt"), "x\n");
        assertFalse(ProvenanceCollector.codeModified(repo), "outputs of runs and untracked files");
        assertFalse(ProvenanceCollector.codeModified(repo.resolve("src")), "also from a subdirectory");

        Files.writeString(repo.resolve("src/Trainer.java"), "class Trainer { int changed; }\n");
        assertTrue(ProvenanceCollector.codeModified(repo));
        assertTrue(ProvenanceCollector.codeModified(repo.resolve("results")), "the whole checkout counts");
    }

    @Test
    void outsideACheckoutNothingIsModified(@TempDir Path dir) {
        assertFalse(ProvenanceCollector.codeModified(dir));
    }

    private static void git(Path dir, String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd));
    }
}
