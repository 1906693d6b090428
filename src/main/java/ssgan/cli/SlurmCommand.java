package ssgan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ssgan.experiment.Plan;
import ssgan.experiment.RunSpec;
import ssgan.results.AtomicFiles;
import ssgan.results.ResultsStore;
import ssgan.runs.RunExecutor;
import ssgan.slurm.Sbatch;
import ssgan.slurm.SbatchOptions;
import ssgan.slurm.SbatchScripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "slurm", description = "Writes (and with --submit, submits) a Slurm job array over the pending "
        + "runs of an experiment, one task per run, plus a report job that runs after the array.")
final class SlurmCommand implements Callable<Integer> {
    @Mixin
    ExperimentArgs experiment;

    @Option(names = "--partition", description = "Slurm partition.")
    String partition;

    @Option(names = "--gpus-per-task", description = "GPUs per task.")
    Integer gpusPerTask;

    @Option(names = "--cpus-per-task", description = "CPUs per task (also the PyTorch thread count of each task).")
    Integer cpusPerTask;

    @Option(names = "--mem", description = "Memory per node, as sbatch takes it (e.g. 8G).")
    String mem;

    @Option(names = "--time", description = "Time limit per task, as sbatch takes it (e.g. 12:00:00).")
    String time;

    @Option(names = "--max-parallel", description = "At most K tasks at once (--array=...%%K).")
    Integer maxParallel;

    @Option(names = "--requeue", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Let Slurm requeue preempted tasks; they resume from their checkpoint (default: on).")
    boolean requeue;

    @Option(names = "--report-out", defaultValue = "report",
            description = "Directory the report job writes (default: ${DEFAULT-VALUE}).")
    Path reportOut;

    @Option(names = "--submit", description = "Submit both scripts with sbatch and print the job ids.")
    boolean submit;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws PlanLoading.BadInput {
        Plan plan = experiment.load(common);
        if ((maxParallel != null && maxParallel < 1) || (gpusPerTask != null && gpusPerTask < 1)
                || (cpusPerTask != null && cpusPerTask < 1)) {
            System.err.println("error: --max-parallel, --gpus-per-task and --cpus-per-task must be at least 1");
            return PlanLoading.BAD_INPUT;
        }
        SortedMap<Integer, String> pending = pending(plan, common.store());
        if (pending.isEmpty()) {
            System.out.println(plan.experiment() + ": no pending runs (all " + plan.runs().size()
                    + " are done or diverged); nothing written");
            return 0;
        }
        SbatchScripts scripts = scripts(plan, pending);
        write(scripts);
        System.out.println("wrote " + scripts.arrayFile() + " (" + pending.size() + " of " + plan.runs().size()
                + " runs pending: --array=" + scripts.arraySpec() + ")");
        System.out.println("wrote " + scripts.reportFile());
        if (!submit) {
            System.out.println("submit with:\n  " + scripts.submitHint());
            return 0;
        }
        try {
            String array = Sbatch.submit(scripts.arrayFile());
            System.out.println("submitted array job " + array + " (" + pending.size() + " tasks)");
            String report = Sbatch.submit(scripts.reportFile(), "--dependency=afterany:" + array);
            System.out.println("submitted report job " + report + " (after array job " + array + ")");
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** Not done and not diverged: pending, failed, and running (a task skips a run a live process holds). */
    static SortedMap<Integer, String> pending(Plan plan, ResultsStore store) {
        SortedMap<Integer, String> pending = new TreeMap<>();
        for (RunSpec run : plan.runs()) {
            if (!RunExecutor.finished(store.run(run.experiment(), run.runId()).state())) {
                pending.put(run.index(), run.runId());
            }
        }
        return pending;
    }

    private SbatchScripts scripts(Plan plan, SortedMap<Integer, String> pending) {
        Path cwd = Path.of("").toAbsolutePath();
        List<String> args = new ArrayList<>(experiment.overrides);
        if (common.data != null) {
            args.addAll(List.of("--data", common.data.toAbsolutePath().toString()));
        }
        if (common.checkpointsRoot() != null) {
            args.addAll(List.of("--checkpoints", common.checkpointsRoot().toAbsolutePath().normalize().toString()));
        }
        if (common.threads != null) {
            args.addAll(List.of("--threads", common.threads.toString()));
        }
        if (common.allowDownload) {
            args.add("--allow-download");
        }
        SbatchOptions options = new SbatchOptions(partition, gpusPerTask, time, maxParallel, cpusPerTask, mem,
                requeue);
        return new SbatchScripts(plan.experiment(), pending, launcher(cwd), experiment.file.toAbsolutePath().normalize(), args,
                cwd, common.results.toAbsolutePath().normalize(), reportOut.toAbsolutePath().normalize(), options);
    }

    /** The launcher that started us ($SSGAN_LAUNCHER, set by ./ssgan), else ./ssgan in the working directory. */
    private static Path launcher(Path cwd) {
        String env = System.getenv("SSGAN_LAUNCHER");
        return env != null && !env.isBlank() ? Path.of(env).toAbsolutePath() : cwd.resolve("ssgan");
    }

    private static void write(SbatchScripts scripts) {
        try {
            Files.createDirectories(scripts.logDir()); // Slurm does not create the directory of --output
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + scripts.logDir(), e);
        }
        AtomicFiles.writeString(scripts.arrayFile(), scripts.arrayScript());
        AtomicFiles.writeString(scripts.reportFile(), scripts.reportScript());
    }
}
