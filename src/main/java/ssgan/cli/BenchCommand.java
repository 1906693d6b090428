package ssgan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ssgan.data.Dataset;
import ssgan.experiment.ConfigException;
import ssgan.experiment.ExperimentLoader;
import ssgan.experiment.Settings;
import ssgan.runs.TrainingDataFactory;
import ssgan.train.Benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bench", description = "Measures the MNIST training step: median ms per iteration (batch 100), "
        + "test-set evaluation time, peak RSS, and GFLOP/s against a matrix-multiply rate in the same process.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--iterations", defaultValue = "200", description = "Timed iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", defaultValue = "30", description = "Untimed warm-up iterations (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--config", defaultValue = "experiments/quickstart.yaml",
            description = "Experiment whose first run's settings are benchmarked (default: ${DEFAULT-VALUE}).")
    Path config;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws ConfigException {
        Settings s = ExperimentLoader.load(config, List.of(), common.catalog()::find).runs().get(0).settings();
        common.configureEngine();
        Dataset dataset = common.datasets().get(s.dataset());
        Benchmark.Report r = Benchmark.run(s, TrainingDataFactory.create(dataset, s), warmup, iterations);
        System.out.printf(Locale.ROOT, "threads                 %d%n", r.threads());
        System.out.printf(Locale.ROOT, "iteration (batch %d)    median %.1f ms (p10 %.1f, p90 %.1f) over %d%n",
                s.batchSize(), r.medianMs(), r.p10Ms(), r.p90Ms(), r.iterations());
        System.out.printf(Locale.ROOT, "achieved                %.1f GFLOP/s (%.1f GFLOP per iteration, spec 6)%n",
                r.stepGflops(), Benchmark.MNIST_GFLOP_PER_ITERATION);
        System.out.printf(Locale.ROOT, "matrix multiply         %.1f GFLOP/s (1024^3, best of 12) -> %.0f%% of it%n",
                r.matmulGflops(), 100 * r.stepGflops() / r.matmulGflops());
        System.out.printf(Locale.ROOT, "evaluate %d images   %.2f s (raw + averaged D)%n", r.evalImages(),
                r.evalSeconds());
        System.out.printf(Locale.ROOT, "epoch estimate          %.1f s (600 iterations + evaluation)%n",
                0.6 * r.medianMs() + r.evalSeconds());
        System.out.printf(Locale.ROOT, "RSS                     after warm-up %d MB, end %d MB, peak %d MB%n",
                r.rssAfterWarmupMb(), r.rssEndMb(), r.peakRssMb());
        if (!r.rssMbEvery1000().isEmpty()) {
            System.out.println("RSS every 1000 its (MB)  " + r.rssMbEvery1000());
        }
        return 0;
    }
}
