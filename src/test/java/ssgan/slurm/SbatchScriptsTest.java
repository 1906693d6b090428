package ssgan.slurm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SbatchScriptsTest {
    private static final SbatchOptions ALL = new SbatchOptions("gpu", 1, "12:00:00", 4, 8, "16G", true);
    private static final SbatchOptions NONE = new SbatchOptions(null, null, null, null, null, null, false);

    private static SbatchScripts scripts(Path root, Map<Integer, String> pending, List<String> args,
                                         SbatchOptions options) {
        return new SbatchScripts("exp", new TreeMap<>(pending), root.resolve("ssgan"), root.resolve("exp.yaml"), args,
                root, root.resolve("results"), root.resolve("report"), options);
    }

    @Test
    void pendingIndicesAreCompressedToRanges() {
        assertEquals("0,2,5-7", ArraySpec.compress(List.of(7, 0, 5, 2, 6, 6)));
        assertEquals("3", ArraySpec.compress(List.of(3)));
        assertEquals("3-4,9", ArraySpec.compress(List.of(3, 4, 9)));
        assertEquals("0-39", ArraySpec.compress(java.util.stream.IntStream.range(0, 40).boxed().toList()));
        assertEquals("0,2,5-7%4", ArraySpec.of(List.of(0, 2, 5, 6, 7), 4));
        assertEquals("1-2", ArraySpec.of(List.of(1, 2), null));
        assertThrows(IllegalArgumentException.class, () -> ArraySpec.of(List.of(), 2));
    }

    @Test
    void everyOptionBecomesADirectiveAndUnsetOnesAreLeftToTheCluster(@TempDir Path root) {
        String s = scripts(root, Map.of(0, "a", 2, "b", 3, "c"), List.of(), ALL).arrayScript();
        assertTrue(s.startsWith("#!/usr/bin/env bash\n"), s);
        for (String d : List.of("--array=0,2-3%4", "--partition=gpu", "--gpus-per-task=1", "--time=12:00:00",
                "--cpus-per-task=8", "--mem=16G", "--requeue", "--open-mode=append", "--job-name=ssgan-exp",
                "--chdir=" + root, "--output=" + root.resolve("results/exp/slurm/logs/%A_%a.out"))) {
            assertTrue(s.contains("\n#SBATCH " + d + "\n"), d + " in\n" + s);
        }
        assertTrue(s.contains("\nset -euo pipefail\n"), s);
        assertTrue(s.contains("SSGAN_THREADS"), "tasks use the CPUs they were given");

        String bare = scripts(root, Map.of(5, "a"), List.of(), NONE).arrayScript();
        assertTrue(bare.contains("#SBATCH --array=5\n"), bare);
        for (String absent : List.of("--partition", "--gpus", "--time", "--cpus", "--mem", "--requeue", "SSGAN_THREADS")) {
            assertFalse(bare.contains(absent), absent + " in\n" + bare);
        }
    }

    @Test
    void theReportJobDependsOnTheArrayAndUsesAbsolutePaths(@TempDir Path root) {
        SbatchScripts sc = scripts(root, Map.of(0, "a"), List.of(), ALL);
        String report = sc.reportScript();
        assertTrue(report.contains("#SBATCH --partition=gpu\n"), report);
        assertTrue(report.contains("--dependency=afterany:<array job id>"), report);
        assertTrue(report.contains("exec " + root.resolve("ssgan") + " report --strict --results "
                + root.resolve("results") + " --out " + root.resolve("report") + "\n"), report);
        assertFalse(report.contains("--gpus"), "the report needs no GPU");
        assertEquals("array=$(sbatch --parsable " + sc.arrayFile() + ") && sbatch --parsable "
                + "--dependency=afterany:${array%%;*} " + sc.reportFile(), sc.submitHint());
        assertTrue(sc.arrayFile().isAbsolute() && sc.reportFile().isAbsolute());
    }

    @Test
    void quotingLeavesPlainWordsAloneAndProtectsEverythingElse() {
        assertEquals("epochs=5", Shell.quote("epochs=5"));
        assertEquals("/a/b-c_d.yaml", Shell.quote("/a/b-c_d.yaml"));
        assertEquals("'a b'", Shell.quote("a b"));
        assertEquals("'it'\\''s'", Shell.quote("it's"));
        assertEquals("'$HOME'", Shell.quote("$HOME"));
        assertEquals("''", Shell.quote(""));
    }

    /** Runs the generated task script with bash (no Slurm: #SBATCH lines are comments) and a launcher that records
     *  its arguments, so quoting is checked by the shell itself. */
    @Test
    void aTaskPassesOverridesWithSpacesAndSpecialCharactersThroughUnchanged(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("dir with space");
        Files.createDirectories(root);
        Path launcher = root.resolve("ssgan");
        Files.writeString(launcher, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/args.txt\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> overrides = List.of("description=a b  c", "note=it's $HOME `id` \"q\" *;|&", "epochs=5");
        SbatchScripts sc = scripts(root, Map.of(0, "run-a", 3, "run-b"), overrides, NONE);
        Path script = tmp.resolve("array.sbatch");
        Files.writeString(script, sc.arrayScript());

        assertEquals(0, task(script, tmp, "3"));
        List<String> expected = new java.util.ArrayList<>(List.of("run", root.resolve("exp.yaml").toString()));
        expected.addAll(overrides);
        expected.addAll(List.of("--index", "3", "--results", root.resolve("results").toString()));
        assertEquals(expected, Files.readAllLines(root.resolve("args.txt"), StandardCharsets.UTF_8));
        Path log = root.resolve("results/exp/run-b/slurm-100_3.log");
        assertTrue(Files.readString(log).contains("job 103 restart 0"), "the task log sits in its run directory");

        assertTrue(task(script, tmp, "1") != 0, "an index that is not pending fails loudly (set -u)");
    }

    private static int task(Path script, Path dir, String index) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out-" + index + ".txt").toFile());
        pb.environment().putAll(Map.of("SLURM_ARRAY_TASK_ID", index, "SLURM_ARRAY_JOB_ID", "100",
                "SLURM_JOB_ID", "10" + index));
        return pb.start().waitFor();
    }
}
