package ssgan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code ./ssgan} launcher's first build, with stand-ins for mvn and java on the PATH: the offline attempt
 * fails as it does on a machine whose Maven repository lacks the dependencies, and its [ERROR] block must not
 * reach a new user unless the online build fails too. Two launchers started together (two queued runs) build once.
 */
class LauncherTest {
    private static final String OFFLINE_ERROR = "[ERROR] Cannot access central in offline mode";

    @TempDir
    Path tmp;

    private record Result(int exit, String output) {}

    /** A project of an empty source tree and the launcher, with stand-ins for mvn and java. */
    private void project(String mvn, String java) throws IOException {
        Files.createDirectories(tmp.resolve("project/src/main"));
        Files.writeString(tmp.resolve("project/pom.xml"), "<project/>");
        Files.copy(Path.of("ssgan"), tmp.resolve("project/ssgan"));
        Files.createDirectories(tmp.resolve("bin"));
        script(tmp.resolve("bin/mvn"), mvn);
        script(tmp.resolve("bin/java"), java);
    }

    /** Starts {@code ./ssgan --version} in the project, which builds the jar first. */
    private Process start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", tmp.resolve("project/ssgan").toString(), "--version")
                .redirectErrorStream(true);
        pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("SSGAN_JAR");
        return pb.start();
    }

    private static Result result(Process p) throws IOException, InterruptedException {
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), output);
    }

    private Result launch(boolean offlineWorks, boolean onlineWorks) throws IOException, InterruptedException {
        // Maven prints its errors on stdout
        project("""
                #!/usr/bin/env bash
                if [[ " $* " == *" -o "* ]]; then
                  %s
                else
                  %s
                fi
                mkdir -p target && touch target/ssgan-repro.jar
                """.formatted(offlineWorks ? ":" : "echo '" + OFFLINE_ERROR + "'; exit 1",
                onlineWorks ? ":" : "echo '[ERROR] online build failed'; exit 1"),
                "#!/usr/bin/env bash\necho \"java started: $*\"\n");
        return result(start());
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

    @Test
    void launchersStartedTogetherBuildOnceAndNeverRunAHalfWrittenJar() throws Exception {
        // A slow build that writes its jar in two halves, as the shade plugin writes a large one in place.
        project("""
                #!/usr/bin/env bash
                echo build >> "%s"
                mkdir -p target
                printf 'first half ' > target/ssgan-repro.jar
                sleep 3
                printf 'second half' >> target/ssgan-repro.jar
                """.formatted(tmp.resolve("builds")), """
                #!/usr/bin/env bash
                while [ "$1" != -jar ]; do shift; done
                echo "ran: $(cat "$2")"
                """);
        Process first = start();
        Thread.sleep(500);   // the second starts while the first is building
        Process second = start();
        for (Process p : List.of(first, second)) {
            Result r = result(p);
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("ran: first half second half"), r.output());
        }
        assertEquals(List.of("build"), Files.readAllLines(tmp.resolve("builds")), "one build for two launchers");
    }
}
