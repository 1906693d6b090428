package ssgan.report;

import ssgan.config.RunId;
import ssgan.config.Settings;
import ssgan.config.SettingsCodec;
import ssgan.data.DatasetCatalog;
import ssgan.metrics.EpochMetrics;
import ssgan.paper.PaperTable;
import ssgan.results.Predictions;
import ssgan.results.Provenance;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;
import ssgan.results.RunStatus;
import ssgan.results.Summary;
import ssgan.stats.DatasetFacts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/** Writes synthetic run directories through the real {@link RunDirectory} writers, for report tests. */
final class FixtureResults {
    private FixtureResults() {}

    /** A run of the given settings overrides; errors decay towards {@code finalErrors} out of 10,000. */
    static RunDirectory run(Path root, String experiment, Map<String, Object> overrides, RunState state,
                            int epochsDone, int finalErrors, boolean samples) {
        return run(root, experiment, null, overrides, state, epochsDone, finalErrors, samples, false);
    }

    /**
     * The same, as a run of a named variant (null: none; its cell and id then start with the name, as the
     * loader writes them) and, when asked, with a predictions.bin.gz whose averaged D makes about
     * {@code finalErrors} mistakes on 10,000 images.
     */
    static RunDirectory run(Path root, String experiment, String variant, Map<String, Object> overrides,
                            RunState state, int epochsDone, int finalErrors, boolean samples, boolean predictions) {
        Map<String, Object> raw = new LinkedHashMap<>(overrides);
        Settings settings = SettingsCodec.fromMap(raw);
        Map<String, Object> cell = new LinkedHashMap<>();
        if (variant != null) {
            cell.put("variant", variant);
        }
        cell.put("labels", settings.labels());
        cell.put("seed", settings.seed());
        String runId = RunId.of(cell, settings);
        RunDirectory dir = new ResultsStore(root).run(experiment, runId);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("experiment", experiment);
        config.put("run_id", runId);
        config.put("index", 0);
        config.put("cell", cell);
        config.put("settings", SettingsCodec.toMap(settings));
        dir.writeConfig(config);
        write(dir, experiment, runId, settings.dataset(), settings.seed(), state, epochsDone, settings.epochs(),
                finalErrors, samples, null);
        if (predictions) {
            predictions(settings.seed(), finalErrors).write(dir.predictionsFile());
        }
        return dir;
    }

    /**
     * Synthetic test-set probabilities: image i has class i % 10; each D picks a wrong class with probability
     * errors / 10,000 (independently per seed, so ensembles of several seeds make fewer mistakes) and puts 0.6 on
     * its pick, 0.4 / 9 on the others.
     */
    static Predictions predictions(long seed, int errors) {
        int count = 10_000;
        int classes = 10;
        Random random = new Random(seed * 7919 + errors);
        int[] labels = new int[count];
        float[] raw = new float[count * classes];
        float[] averaged = new float[count * classes];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            for (float[] p : new float[][] {raw, averaged}) {
                int pick = random.nextInt(10_000) < errors ? (labels[i] + 1 + random.nextInt(classes - 1)) % classes
                        : labels[i];
                for (int k = 0; k < classes; k++) {
                    p[i * classes + k] = k == pick ? 0.6f : 0.4f / (classes - 1);
                }
            }
        }
        return new Predictions(count, classes, labels, raw, averaged);
    }

    static void write(RunDirectory dir, String experiment, String runId, String dataset, long seed, RunState state,
                      int epochsDone, int epochs, int finalErrors, boolean samples, String message) {
        Random random = new Random(seed * 31 + finalErrors);
        List<EpochMetrics> metrics = new ArrayList<>();
        for (int e = 1; e <= epochsDone; e++) {
            double decay = Math.exp(-e / 10.0);
            int avg = (int) Math.round(finalErrors + 3000 * decay + random.nextGaussian() * 3);
            int rawErrors = (int) Math.round(finalErrors * 1.1 + 1000 * decay + random.nextGaussian() * 5);
            metrics.add(new EpochMetrics(e, 0.1 * decay + 0.01 * random.nextDouble(), 0.3 + 0.05 * random.nextDouble(),
                    2 + 3 * decay + 0.2 * random.nextDouble(), 0.01, Math.max(rawErrors, 0), Math.max(avg, 0), 10_000,
                    2.5, 240, (int) Math.round(finalErrors + 300 * decay)));
        }
        dir.writeMetrics(metrics);
        dir.writeStatus(RunStatus.of(state, epochsDone, epochs, message));
        if (!metrics.isEmpty() && state == RunState.DONE) {
            EpochMetrics last = metrics.get(metrics.size() - 1);
            dir.writeSummary(new Summary(experiment, runId, state, epochsDone, epochs, last.testErrorsRaw(),
                    last.testErrorsAverage(), last.testCount(), 2.5 * epochsDone, 2.5, last));
        }
        dir.writeProvenance(new Provenance("70180fe959c36c12cbc1a498964ca5963d3e61c0", false, "17", "0.35.1",
                "PyTorch", "2.7.1", "Linux", "vm", "AMD EPYC", 2, "cpu()", "none", 2, 1, Map.of(),
                "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", 1, null, List.of(), null));
        if (samples) {
            BufferedImage grid = new BufferedImage(280, 280, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 280; y++) {
                for (int x = 0; x < 280; x++) {
                    grid.getRaster().setSample(x, y, 0, random.nextInt(256));
                }
            }
            dir.writeSamples(grid);
        }
    }

    /** The two real 3-epoch quickstart runs of the trainer (src/test/resources/ssgan/report/results). */
    static void copyQuickstart(Path root) {
        copyTree(Path.of("src/test/resources/ssgan/report/results"), root);
    }

    /** Copies a directory tree (creating {@code target}). */
    static void copyTree(Path source, Path root) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path target = root.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 100 runs shaped like the project's matrix: paper protocol, a CPU budget, an ablation and CIFAR-10. */
    static void hundredRuns(Path root) {
        int[] mnistLabels = {20, 50, 100, 200};
        int[] mnistErrors = {1700, 230, 95, 90};
        for (int l = 0; l < 4; l++) {
            for (int seed = 1; seed <= 10; seed++) { // with predictions: the report forms their ensembles
                run(root, "mnist-paper", null, Map.of("labels", mnistLabels[l], "seed", seed, "epochs", 300),
                        seed == 10 && l == 0 ? RunState.DIVERGED : RunState.DONE, 300, mnistErrors[l], true, true);
            }
            for (int seed = 1; seed <= 5; seed++) {
                run(root, "mnist-cpu", Map.of("labels", mnistLabels[l], "seed", seed, "epochs", 30),
                        RunState.DONE, 30, mnistErrors[l] + 150, true);
                run(root, "mnist-supervised", "supervised_only", Map.of("labels", mnistLabels[l], "seed", seed,
                        "epochs", 300, "mode", "supervised"), RunState.DONE, 300, mnistErrors[l] * 3, seed == 1, true);
            }
        }
        int[] cifarLabels = {1000, 2000, 4000, 8000};
        for (int l = 0; l < 4; l++) {
            for (int seed = 1; seed <= 5; seed++) {
                Map<String, Object> cifar = new LinkedHashMap<>(ssgan.paper.PaperProtocol.setup("cifar10"));
                cifar.remove("seed_data");
                cifar.putAll(Map.of("dataset", "cifar10", "labels", cifarLabels[l], "seed", seed));
                run(root, "cifar-paper", cifar,
                        seed == 5 ? RunState.RUNNING : RunState.DONE, seed == 5 ? 400 : 1200, 2000 - 100 * l, true);
            }
        }
    }

    /** The repository's dataset declarations (tests run from the project root). */
    static DatasetFacts facts() {
        return new DatasetFacts(new DatasetCatalog(Path.of("data")));
    }

    static List<PaperTable> paperTables() {
        try {
            return PaperTable.loadAll(Path.of("experiments/paper"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
