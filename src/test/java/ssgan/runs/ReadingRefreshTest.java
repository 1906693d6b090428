package ssgan.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.config.Settings;
import ssgan.config.SettingsCodec;
import ssgan.data.DataOptions;
import ssgan.data.DatasetCatalog;
import ssgan.experiment.ExperimentLoader;
import ssgan.experiment.RunSpec;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A finished run whose experiment now declares another reported_d (same id: the same computation) is read as the
 * experiment says from then on, without training again.
 */
class ReadingRefreshTest {
    private static final DatasetCatalog CATALOG = new DatasetCatalog(DatasetCatalog.defaultDataRoot());

    @Test
    void aChangedReportedDRewritesTheFinishedRunsConfigAndTrainsNothing(@TempDir Path tmp) throws Exception {
        RunSpec averaged = tiny(tmp, "");
        RunSpec raw = tiny(tmp, "  reported_d: raw\n");
        assertEquals(averaged.runId(), raw.runId(), "reported_d is not part of the id");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ResultsStore store = new ResultsStore(tmp.resolve("results"), tmp.resolve("cache"));
        RunExecutor executor = new RunExecutor(store, new DatasetCache(CATALOG, DataOptions.offline(null)),
                new PrintStream(log, true));
        assertEquals(RunState.DONE, executor.execute(averaged), log.toString());
        RunDirectory dir = store.run("tiny", averaged.runId());
        byte[] metrics = Files.readAllBytes(dir.metricsFile());
        assertEquals(Settings.ReportedD.AVERAGED, recorded(dir).reportedD());

        log.reset();
        assertEquals(RunState.DONE, executor.execute(raw));
        assertTrue(log.toString().contains("done, skipped; read with reported_d raw (was averaged) from now on"),
                log.toString());
        assertEquals(Settings.ReportedD.RAW, recorded(dir).reportedD());
        assertEquals(raw.settings(), recorded(dir), "every other setting as recorded");
        assertTrue(java.util.Arrays.equals(metrics, Files.readAllBytes(dir.metricsFile())), "nothing retrained");

        log.reset();
        executor.execute(raw);
        assertTrue(log.toString().trim().endsWith("done, skipped"), "nothing to change the second time: " + log);
    }

    @SuppressWarnings("unchecked")
    private static Settings recorded(RunDirectory dir) {
        return SettingsCodec.fromMap((Map<String, Object>) dir.readConfig().get("settings"));
    }

    private static RunSpec tiny(Path tmp, String extra) throws Exception {
        Path file = tmp.resolve(extra.isEmpty() ? "averaged/tiny.yaml" : "raw/tiny.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                experiment: tiny
                settings:
                  dataset: mnist
                  epochs: 1
                  iterations_per_epoch: 3
                  train_images: 2000
                  test_images: 1000
                  sample_grid: 0
                %ssweep:
                  labels: [100]
                  seed: [1]
                """.formatted(extra));
        return ExperimentLoader.load(file, List.of(), CATALOG::find).runs().get(0);
    }
}
