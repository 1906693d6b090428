package ssgan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code ./ssgan} launcher's first build, with stand-ins for mvn and java on the PATH: the offline attempt
 * fails as it does on a machine whose Maven repository lacks the dependencies, and its [ERROR] block must not
 * reach a new user unless the online build fails too.
 */
class LauncherTest {
    private static final String OFFLINE_ERROR = "[ERROR] Cannot access central in offline mode";

    @TempDir
    Path tmp;

    private record Result(int exit, String output) {}

    private Result launch(boolean offlineWorks, boolean onlineWorks) throws IOException, InterruptedException {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve("src/main"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.copy(Path.of("ssgan"), project.resolve("ssgan"));
        Path bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        // Maven prints its errors on stdout
        script(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                if [[ " $* " == *" -o "* ]]; then
                  %s
                else
                  %s
                fi
                mkdir -p target && touch target/ssgan-repro.jar
                """.formatted(offlineWorks ? ":" : "echo '" + OFFLINE_ERROR + "'; exit 1",
                onlineWorks ? ":" : "echo '[ERROR] online build failed'; exit 1"));
        script(bin.resolve("java"), "#!/usr/bin/env bash\necho \"java started: $*\"\n");
        ProcessBuilder pb = new ProcessBuilder("bash", project.resolve("ssgan").toString(), "--version")
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), output);
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aFailedOfflineAttemptStaysQuietWhenTheOnlineBuildWorks() throws Exception {
        Result r = launch(false, true);
        assertEquals(0, r.exit(), r.output());
        assertFalse(r.output().contains("[ERROR]"), r.output());
        assertTrue(r.output().contains("downloading the build's dependencies"), r.output());
        assertTrue(r.output().contains("java started:"), r.output());
    }

    @Test
    void theOfflineAttemptIsShownWhenTheOnlineBuildFailsToo() throws Exception {
        Result r = launch(false, false);
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("[ERROR] online build failed"), r.output());
        assertTrue(r.output().contains(OFFLINE_ERROR), r.output());
        assertFalse(r.output().contains("java started:"), r.output());
    }

    @Test
    void anOfflineBuildNeedsNoDownload() throws Exception {
        Result r = launch(true, false);
        assertEquals(0, r.exit(), r.output());
        assertFalse(r.output().contains("downloading"), r.output());
        assertTrue(r.output().contains("java started:"), r.output());
    }
}
