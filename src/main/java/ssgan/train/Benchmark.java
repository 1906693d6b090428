package ssgan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ssgan.config.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Speed and memory of the training step, measured in-process: median ms per iteration after warm-up, the
 * time to evaluate the test set, peak RSS, and the achieved GFLOP/s against a plain matrix-multiply rate
 * measured in the same process (so host-speed drift cancels out of the ratio).
 */
public final class Benchmark {
    /**
     * @param gflopPerIteration  the model's cost per iteration at batch 100 ({@link Models#cost}, spec §6)
     * @param rssMbEvery1000     resident set size after every 1,000 timed iterations: flat when nothing leaks
     * @param stagingMs          median ms to gather a step's three batches and copy them into the engine
     * @param evalPasses         test-set passes per evaluation, as the trainer makes them (raw, averaged, and the
     *                           bias-corrected average where it differs)
     */
    public record Report(int iterations, double medianMs, double p10Ms, double p90Ms, double stagingMs,
                         double evalSeconds, int evalImages, int evalPasses, double matmulGflops,
                         double gflopPerIteration, double stepGflops, long peakRssMb, long rssAfterWarmupMb,
                         long rssEndMb, List<Long> rssMbEvery1000, int threads) {}

    private Benchmark() {}

    public static Report run(Settings s, TrainingData data, int warmup, int iterations) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SemiSupervisedGan gan = Networks.withoutDataInit(manager, s, data);
            ImageRows rows = new ImageRows(data, s.batchSize());
            SplittableRandom rng = new SplittableRandom(s.seed());
            int b = s.batchSize();
            double[] ms = new double[iterations];
            double[] staging = new double[iterations];
            long rssWarm = 0;
            List<Long> rssTrace = new ArrayList<>();
            for (int it = -warmup; it < iterations; it++) {
                if (it == 0) {
                    rssWarm = rssMb("VmRSS");
                }
                try (NDScope scope = new NDScope()) {
                    long t0 = System.nanoTime();
                    Batch batch = randomBatch(manager, data, rows, rng, b);
                    long t1 = System.nanoTime();
                    gan.step(batch, s.learningRate(), 0);   // the first epoch: no port retries
                    if (it >= 0) {
                        staging[it] = (t1 - t0) / 1e6;
                        ms[it] = (System.nanoTime() - t1) / 1e6;
                    }
                }
                if (it > 0 && it % 1000 == 0) {
                    rssTrace.add(rssMb("VmRSS"));
                }
            }
            TestSet test = new TestSet(manager, data);
            boolean corrected = Trainer.evaluatesCorrectedAverage(s);
            long t0 = System.nanoTime();
            test.errors(gan, corrected);
            double evalSeconds = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(ms);
            Arrays.sort(staging);
            double median = ms[ms.length / 2];
            double gflop = Models.cost(s.model()).gflopPerIteration();
            return new Report(iterations, median, ms[ms.length / 10], ms[ms.length * 9 / 10],
                    staging[staging.length / 2], evalSeconds, data.testCount(), corrected ? 3 : 2,
                    matmulGflops(manager), gflop, gflop / (median / 1000), rssMb("VmHWM"), rssWarm, rssMb("VmRSS"),
                    rssTrace, threads());
        }
    }

    /**
     * Random pixels in (-1, 1) in the dataset's shape, for timing where the real files are absent (the step's
     * time does not depend on the pixel values): train_images (or 1000) training images with labels i mod K,
     * the first {@code labels} of them labeled, and test_images (or the whole test set) test images.
     */
    public static TrainingData syntheticData(Settings s, int imageSize, int classes, int trainSize, int testSize) {
        int train = s.trainImages() > 0 ? s.trainImages() : Math.min(trainSize, 1000);
        int test = s.testImages() > 0 ? s.testImages() : testSize;
        SplittableRandom rng = new SplittableRandom(s.seed());
        float[] trainPixels = randomPixels(rng, train * imageSize);
        float[] testPixels = randomPixels(rng, test * imageSize);
        int[] trainLabels = IntStream.range(0, train).map(i -> i % classes).toArray();
        int[] testLabels = IntStream.range(0, test).map(i -> i % classes).toArray();
        int[] labeled = IntStream.range(0, Math.min(s.labels(), train)).toArray();
        int[] init = IntStream.range(0, Math.min(s.initImages(), train)).toArray();
        return new TrainingData(trainPixels, trainLabels, train, testPixels, testLabels, test, imageSize, classes,
                labeled, init);
    }

    private static float[] randomPixels(SplittableRandom rng, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return out;
    }

    private static Batch randomBatch(NDManager m, TrainingData data, ImageRows rows, SplittableRandom rng, int b) {
        int[][] idx = new int[3][b];
        for (int i = 0; i < b; i++) {
            idx[0][i] = data.labeled()[rng.nextInt(data.labeled().length)];
            idx[1][i] = rng.nextInt(data.trainCount());
            idx[2][i] = rng.nextInt(data.trainCount());
        }
        return rows.batch(m, b, idx[0], idx[1], idx[2], 0);
    }

    /** Best of a few 1024x1024 float matrix products: what this process can get from the BLAS. */
    static double matmulGflops(NDManager manager) {
        int n = 1024;
        double best = 0;
        try (NDScope scope = new NDScope()) {
            NDArray a = manager.randomUniform(-1f, 1f, new Shape(n, n), DataType.FLOAT32);
            NDArray b = manager.randomUniform(-1f, 1f, new Shape(n, n), DataType.FLOAT32);
            for (int i = 0; i < 12; i++) {
                long t0 = System.nanoTime();
                a.matMul(b).close();
                double s = (System.nanoTime() - t0) / 1e9;
                best = Math.max(best, 2.0 * n * n * n / s / 1e9);
            }
        }
        return best;
    }

    static int threads() {
        return JniUtils.getNumThreads();
    }

    /** A field of /proc/self/status in MB (VmHWM is the peak resident set), or -1 off Linux. */
    static long rssMb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
