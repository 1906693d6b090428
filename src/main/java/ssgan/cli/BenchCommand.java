package ssgan.cli;

import ai.djl.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ssgan.config.ConfigException;
import ssgan.config.Defaults;
import ssgan.config.Settings;
import ssgan.data.DataException;
import ssgan.data.DatasetSpec;
import ssgan.experiment.ExperimentLoader;
import ssgan.runs.TrainingDataFactory;
import ssgan.train.Benchmark;
import ssgan.train.TrainingData;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bench", description = "Measures the training step of a config's model: median ms per iteration, "
        + "test-set evaluation time, peak RSS, GFLOP/s against a matrix-multiply rate in the same process, and the "
        + "implied time of the paper's full run. Uses random data of the dataset's shape when its files are absent.")
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
        DatasetSpec spec = common.catalog().get(s.dataset());
        TrainingData data;
        String source;
        try {
            data = TrainingDataFactory.create(common.datasets().get(s.dataset()), s);
            source = s.dataset();
        } catch (DataException e) {
            data = Benchmark.syntheticData(s, spec.imageSize(), spec.classes(), spec.trainSize(), spec.testSize());
            source = "synthetic data in the shape of " + s.dataset() + " (files absent: " + e.getMessage() + ")";
        }
        Benchmark.Report r = Benchmark.run(s, data, warmup, iterations);
        int paperEpochs = Defaults.of(s.model()).epochs(); // the model's defaults are the paper's setup
        int perEpoch = spec.trainSize() / s.batchSize();
        double evalFullSeconds = r.evalSeconds() * spec.testSize() / Math.max(1, r.evalImages());
        double stepsSeconds = perEpoch * r.medianMs() / 1000;
        double stagingSeconds = perEpoch * r.stagingMs() / 1000;
        double epochSeconds = stepsSeconds + stagingSeconds + evalFullSeconds;
        System.out.printf(Locale.ROOT, "data                    %s%n", source);
        System.out.printf(Locale.ROOT, "model                   %s%n", s.model().name().toLowerCase(Locale.ROOT));
        Engine engine = Engine.getInstance();
        // the device tells whether a GPU build really trained on the GPU (DJL falls back to the CPU silently)
        System.out.printf(Locale.ROOT, "engine                  %s %s on %s%n", engine.getEngineName(),
                engine.getVersion(), engine.defaultDevice());
        System.out.printf(Locale.ROOT, "threads                 %d%n", r.threads());
        System.out.printf(Locale.ROOT, "iteration (batch %d)    median %.1f ms (p10 %.1f, p90 %.1f) over %d%n",
                s.batchSize(), r.medianMs(), r.p10Ms(), r.p90Ms(), r.iterations());
        System.out.printf(Locale.ROOT, "achieved                %.1f GFLOP/s (%.1f GFLOP per iteration, spec 6)%n",
                r.stepGflops(), r.gflopPerIteration());
        System.out.printf(Locale.ROOT, "matrix multiply         %.1f GFLOP/s (1024^3, best of 12) -> %.0f%% of it%n",
                r.matmulGflops(), 100 * r.stepGflops() / r.matmulGflops());
        System.out.printf(Locale.ROOT, "evaluate %d images   %.2f s (%d passes: raw, averaged%s D)%n", r.evalImages(),
                r.evalSeconds(), r.evalPasses(), r.evalPasses() == 3 ? ", bias-corrected" : "");
        System.out.printf(Locale.ROOT, "data staging            median %.2f ms per iteration (gather 3 batches, copy into"
                + " the engine)%n", r.stagingMs());
        System.out.printf(Locale.ROOT, "epoch estimate          %.1f s: steps %.1f s, data staging %.1f s, evaluation %.1f s"
                + " (%d iterations, %d test images)%n", epochSeconds, stepsSeconds, stagingSeconds, evalFullSeconds,
                perEpoch, spec.testSize());
        System.out.printf(Locale.ROOT, "full run estimate       %.1f h (%d epochs)%n",
                paperEpochs * epochSeconds / 3600, paperEpochs);
        System.out.printf(Locale.ROOT, "RSS                     after warm-up %d MB, end %d MB, peak %d MB%n",
                r.rssAfterWarmupMb(), r.rssEndMb(), r.peakRssMb());
        if (!r.rssMbEvery1000().isEmpty()) {
            System.out.println("RSS every 1000 its (MB)  " + r.rssMbEvery1000());
        }
        return 0;
    }
}
