package ssgan.slurm;

import com.github.mustachejava.DefaultMustacheFactory;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The two batch scripts of a cluster sweep: a job array with one task per pending run, each calling
 * {@code ssgan run FILE --index $SLURM_ARRAY_TASK_ID}, and a report job submitted with
 * {@code --dependency=afterany:<array>}. Scripts use absolute paths only, because jobs may start anywhere.
 *
 * <p>Logs: each task appends to {@code <run dir>/slurm-<array job>_<task>.log} (next to the run's results; requeued
 * incarnations append to the same file). Slurm's own output file, {@code <results>/<experiment>/slurm/logs/}, only
 * holds what a task prints before it knows its run directory, and the report job's output.
 *
 * @param experiment the experiment name
 * @param pending    plan index to run id, of the runs to submit
 * @param launcher   the {@code ssgan} launcher
 * @param file       the experiment file
 * @param args       what follows {@code FILE} on every task's command line: overrides and common options
 * @param workDir    where jobs start (relative data paths in the config resolve from here)
 * @param results    the results root
 * @param reportOut  the report directory
 */
public record SbatchScripts(String experiment, SortedMap<Integer, String> pending, Path launcher, Path file,
                            List<String> args, Path workDir, Path results, Path reportOut, SbatchOptions options) {

    public SbatchScripts {
        pending = new TreeMap<>(pending);
        args = List.copyOf(args);
    }

    private static final DefaultMustacheFactory TEMPLATES = new DefaultMustacheFactory("ssgan/slurm");

    /** {@code <results>/<experiment>/slurm}: the scripts and Slurm's output files. */
    public Path slurmDir() {
        return results.resolve(experiment).resolve("slurm");
    }

    public Path logDir() {
        return slurmDir().resolve("logs");
    }

    public Path arrayFile() {
        return slurmDir().resolve("array.sbatch");
    }

    public Path reportFile() {
        return slurmDir().resolve("report.sbatch");
    }

    public String arraySpec() {
        return ArraySpec.of(List.copyOf(pending.keySet()), options.maxParallel());
    }

    public String arrayScript() {
        List<String> directives = new ArrayList<>(List.of(
                "--job-name=ssgan-" + experiment,
                "--array=" + arraySpec(),
                "--chdir=" + workDir,
                "--output=" + logDir().resolve("%A_%a.out"),
                "--open-mode=append"));
        if (options.requeue()) {
            directives.add("--requeue");
        }
        addIfSet(directives, "--partition=", options.partition());
        addIfSet(directives, "--gpus-per-task=", options.gpusPerTask());
        addIfSet(directives, "--cpus-per-task=", options.cpusPerTask());
        addIfSet(directives, "--mem=", options.mem());
        addIfSet(directives, "--time=", options.time());

        List<Map<String, Object>> runIds = new ArrayList<>();
        pending.forEach((index, id) -> runIds.add(Map.of("index", index, "id", Shell.quote(id))));
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "run", file.toString()));
        command.addAll(args);
        return render("array.sbatch.mustache", Map.of(
                "experiment", experiment,
                "count", pending.size(),
                "directives", directives.stream().map(SbatchScripts::directive).toList(),
                "runIds", runIds,
                "experimentDir", Shell.quote(results.resolve(experiment).toString()),
                "threadsFromSlurm", options.cpusPerTask() != null,
                "command", Shell.join(command),
                "results", Shell.quote(results.toString())));
    }

    public String reportScript() {
        List<String> directives = new ArrayList<>(List.of(
                "--job-name=ssgan-" + experiment + "-report",
                "--chdir=" + workDir,
                "--output=" + logDir().resolve("report-%j.out")));
        addIfSet(directives, "--partition=", options.partition());
        return render("report.sbatch.mustache", Map.of(
                "experiment", experiment,
                "directives", directives.stream().map(SbatchScripts::directive).toList(),
                // --strict: a problem in the results fails the job (the report is written all the same)
                "command", Shell.join(List.of(launcher.toString(), "report", "--strict", "--results",
                        results.toString(), "--out", reportOut.toString()))));
    }

    /** What to type to submit both scripts by hand. */
    public String submitHint() {
        return "array=$(sbatch --parsable " + Shell.quote(arrayFile().toString()) + ") && sbatch --parsable "
                + "--dependency=afterany:${array%%;*} " + Shell.quote(reportFile().toString());
    }

    /** Every value is shell text, already quoted: the templates insert it unescaped ({{{x}}}). */
    private static String render(String template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        TEMPLATES.compile(template).execute(out, model);
        return out.toString();
    }

    /** sbatch splits directive lines at blanks unless the value is double-quoted. */
    private static String directive(String d) {
        int eq = d.indexOf('=');
        return d.chars().anyMatch(Character::isWhitespace) && eq > 0
                ? d.substring(0, eq + 1) + "\"" + d.substring(eq + 1) + "\"" : d;
    }

    private static void addIfSet(List<String> directives, String option, Object value) {
        if (value != null) {
            directives.add(option + value);
        }
    }
}
