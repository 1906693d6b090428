package ssgan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./ssgan sweep ... --detach}, the way long runs are started (docs/long-runs.md), with a stand-in for java
 * on the PATH: the command runs in its own session from a copy of the jar named by its content, at the asked
 * priority, logging to a file whose first line says what ran from which commit; one that ends at once is reported
 * with its exit code.
 */
class LauncherDetachTest {
    private static final Pattern PID = Pattern.compile("running in the background: pid (\\d+)");

    @TempDir
    Path tmp;

    private record Result(int exit, String output) {}

    /** Runs the launcher with java replaced by {@code javaBody} (a bash script body). */
    private Result launch(String javaBody, String... args) throws IOException, InterruptedException {
        Path bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\n" + javaBody + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(tmp.resolve("app.jar"), "the jar's bytes");
        List<String> command = new ArrayList<>(List.of("bash", Path.of("ssgan").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("SSGAN_JAR", tmp.resolve("app.jar").toString());
        pb.environment().put("SSGAN_CACHE", tmp.resolve("cache").toString());
        pb.environment().put("SSGAN_CHECKPOINTS", tmp.resolve("checkpoints").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher returned");
        return new Result(p.exitValue(), output);
    }

    /** Fields of /proc/PID/stat after the command name: [0] is the state, [3] the session, [16] the nice value. */
    private static String[] stat(long pid) throws IOException {
        String line = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    }

    @Test
    void runsInItsOwnSessionFromACopyOfTheJarAtLowPriorityAndLogsWhatRan() throws Exception {
        Path log = tmp.resolve("logs/long.log");
        Result r = launch("echo \"java started: $*\"; sleep 6; echo 'java finished'",
                "sweep", "experiments/mnist-paper.yaml", "labels=100", "--threads", "1", "--detach", "--nice", "7",
                "--log", log.toString());
        assertEquals(0, r.exit(), r.output());
        Matcher m = PID.matcher(r.output());
        assertTrue(m.find(), r.output());
        long pid = Long.parseLong(m.group(1));
        assertTrue(r.output().contains("log:      " + log), r.output());
        ProcessHandle child = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("pid " + pid + " is gone"));
        assertEquals(String.valueOf(pid), stat(pid)[3], "a session of its own: closing the terminal cannot HUP it");
        int mine = Integer.parseInt(stat(ProcessHandle.current().pid())[16]);
        assertEquals(String.valueOf(Math.min(19, mine + 7)), stat(pid)[16], "7 lower than the caller's priority");

        child.onExit().get(60, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(log);
        Matcher header = Pattern.compile("== \\S+ \\S+: ssgan sweep experiments/mnist-paper.yaml labels=100 "
                + "--threads 1 \\(commit ([0-9a-f]{10}|unknown), jar (\\S+/jars/ssgan-[0-9a-f]{16}\\.jar), nice 7\\)")
                .matcher(lines.get(0));
        assertTrue(header.matches(), lines.get(0));
        Path copy = Path.of(header.group(2));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("app.jar")), Files.readAllBytes(copy),
                "the copy is the jar, so a rebuild of target/ cannot change the classes under a running JVM");
        assertTrue(copy.startsWith(tmp.resolve("cache/jars")), copy.toString());
        assertTrue(lines.get(1).startsWith("java started: ") && lines.get(1).endsWith(" -jar " + copy
                + " sweep experiments/mnist-paper.yaml labels=100 --threads 1"), "launcher options are not passed "
                + "on: " + lines.get(1));
        assertEquals("java finished", lines.get(lines.size() - 1));
    }

    @Test
    void aCommandThatEndsAtOnceIsReportedThereWithItsExitCode() throws Exception {
        Result r = launch("echo 'experiments/x.yaml:3:10: epochs: expected an integer >= 1'; exit 2",
                "sweep", "experiments/x.yaml", "--detach", "--log", tmp.resolve("x.log").toString());
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("epochs: expected an integer >= 1"), "the log's tail is shown: " + r.output());
        assertTrue(r.output().contains("the detached sweep ended at once (exit 2)"), r.output());
        assertFalse(r.output().contains("running in the background"), r.output());
    }

    @Test
    void launcherOptionsAreCheckedBeforeAnythingStarts() throws Exception {
        String java = "echo 'java started'";
        Result plan = launch(java, "plan", "experiments/mnist-paper.yaml", "--detach");
        assertEquals(2, plan.exit());
        assertTrue(plan.output().contains("--detach applies to 'sweep' and 'run' only"), plan.output());
        Result nice = launch(java, "sweep", "experiments/mnist-paper.yaml", "--detach", "--nice", "25");
        assertEquals(2, nice.exit());
        assertTrue(nice.output().contains("--nice takes 0..19, not '25'"), nice.output());
        Result log = launch(java, "sweep", "experiments/mnist-paper.yaml", "--log", "x.log");
        assertEquals(2, log.exit());
        assertTrue(log.output().contains("--log applies with --detach only"), log.output());
        assertFalse((plan.output() + nice.output() + log.output()).contains("java started"));
    }
}
