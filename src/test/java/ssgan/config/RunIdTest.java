package ssgan.config;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.experiment.ExperimentLoader;
import ssgan.experiment.RunSpec;
import ssgan.experiment.TestDatasets;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunIdTest {

    @TempDir
    Path dir;

    private RunSpec firstRun(String fileName, String content) throws Exception {
        return ExperimentLoader.load(TestDatasets.write(dir, fileName, content), TestDatasets.LOOKUP).runs().get(0);
    }

    @Test
    void keyOrderAndExplicitDefaultsDoNotChangeTheId() throws Exception {
        RunSpec plain = firstRun("a.yaml", """
                settings: {epochs: 3, dataset: mnist}
                sweep: {labels: [100], seed: [1]}
                """);
        RunSpec reordered = firstRun("b.yaml", """
                sweep: {labels: [100], seed: [1]}
                settings: {dataset: mnist, epochs: 3}
                """);
        RunSpec explicit = firstRun("c.yaml", """
                settings:
                  epochs: 3
                  beta1: 0.50
                  adam_epsilon: 0.00000001
                  seed_data: 1
                  unlabeled_weight: 1
                  model: mnist_mlp
                sweep: {labels: [100], seed: [1]}
                """);
        assertEquals(plain.runId(), reordered.runId());
        assertEquals(plain.runId(), explicit.runId());
        assertEquals(plain.settings(), explicit.settings());
    }

    @Test
    void changingAnySettingChangesTheHash() {
        Settings base = SettingsCodec.fromMap(Map.of());
        Map<String, Object> baseMap = SettingsCodec.toMap(base);
        Set<String> hashes = new HashSet<>();
        hashes.add(RunId.hash(base));
        for (SettingKey key : SettingKey.all()) {
            Map<String, Object> changed = new LinkedHashMap<>(baseMap);
            changed.put(key.name(), different(key.component(), baseMap.get(key.name())));
            Settings settings = SettingsCodec.fromMap(changed);
            assertNotEquals(base, settings, key.name());
            if (SettingsCodec.NOT_HASHED.contains(key.name())) {
                assertEquals(RunId.hash(base), RunId.hash(settings), key.name() + " changes no computation");
            } else {
                assertEquals(true, hashes.add(RunId.hash(settings)), "hash unchanged by " + key.name());
            }
        }
        assertEquals(SettingKey.all().size() - SettingsCodec.NOT_HASHED.size() + 1, hashes.size());
    }

    /**
     * reported_d says how a run is read, not what it computes: the port's finished run keeps its id now that its
     * variant declares the raw D, and the default (averaged) changes nothing for any committed run.
     */
    @Test
    void theReportedDIsNotPartOfTheId() throws Exception {
        List<String> port = ExperimentLoader.load(TestDatasets.experiment("mnist-ablations.yaml"), TestDatasets.LOOKUP)
                .runs().stream().filter(r -> r.settings().reportedD() == Settings.ReportedD.RAW)
                .map(RunSpec::runId).toList();
        assertEquals(10, port.size(), "the pytorch_port variant, 10 seeds, all read on the raw D");
        assertTrue(port.contains("pytorch_port-labels100-seed1-94b5daab32"), port.toString());
        for (Map.Entry<String, Map<String, Object>> run : committedRuns().entrySet()) {
            Settings recorded = SettingsCodec.fromMap(run.getValue());
            assertEquals(Settings.ReportedD.AVERAGED, recorded.reportedD(), "default for runs recorded before it");
            Map<String, Object> raw = new LinkedHashMap<>(run.getValue());
            raw.put("reported_d", "raw");
            assertEquals(hashPart(run.getKey()), RunId.hash(SettingsCodec.fromMap(raw)), run.getKey());
        }
    }

    @Test
    void idHasReadablePrefixAndTenHexChars() {
        Settings s = SettingsCodec.fromMap(Map.of("labels", 50, "seed", 7, "learning_rate", 0.0010));
        assertEquals("labels50-seed7-" + RunId.hash(s), RunId.of(s));
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("learning_rate", 0.001);
        cell.put("mode", "supervised");
        assertEquals("learning_rate0.001-modesupervised-" + RunId.hash(s), RunId.of(cell, s));
        assertEquals(10, RunId.hash(s).length());
    }

    private static Object different(RecordComponent c, Object value) {
        Class<?> t = c.getType();
        if (t == int.class) {
            return (Integer) value + 10;
        }
        if (t == double.class) {
            return (Double) value == 0 ? 0.25 : (Double) value / 2;
        }
        if (t == boolean.class) {
            return !(Boolean) value;
        }
        if (t.isEnum()) {
            for (Object constant : t.getEnumConstants()) {
                String name = SettingKey.configName((Enum<?>) constant);
                if (!name.equals(value)) {
                    return name;
                }
            }
        }
        return value + "x";
    }

    /** Keys added later (dropout) leave the ids of runs recorded before them unchanged while at their defaults. */
    @Test
    void keysAddedLaterKeepOlderIdsAtTheirDefaults() {
        Settings mnistCpu = SettingsCodec.fromMap(Map.of("epochs", 30)); // mnist-cpu, labels 100, seed 1
        assertEquals("25a6ed4f3d", RunId.hash(mnistCpu), "the id recorded before input/hidden_dropout existed");
        assertEquals("25a6ed4f3d", RunId.hash(SettingsCodec.fromMap(Map.of("epochs", 30, "input_dropout", 0))));
        assertNotEquals("25a6ed4f3d", RunId.hash(SettingsCodec.fromMap(Map.of("epochs", 30, "input_dropout", 0.2))));
    }

    /** The runs committed under results/mnist-cpu, each as its directory name and the settings it recorded. */
    private static Map<String, Map<String, Object>> committedRuns() throws Exception {
        Map<String, Map<String, Object>> runs = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(Path.of("results", "mnist-cpu"))) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("config.yaml"))).toList()) {
                Map<?, ?> config = new YAMLMapper().readValue(dir.resolve("config.yaml").toFile(), Map.class);
                @SuppressWarnings("unchecked")
                Map<String, Object> settings = (Map<String, Object>) config.get("settings");
                runs.put(dir.getFileName().toString(), settings);
            }
        }
        assertEquals(8, runs.size(), "the committed mnist-cpu runs");
        return runs;
    }

    private static String hashPart(String runId) {
        return runId.substring(runId.lastIndexOf('-') + 1);
    }

    /** Recorded runs keep their ids: from what they recorded, and from their experiment files as written today. */
    @Test
    void committedRunIdsAreStable() throws Exception {
        Map<String, Map<String, Object>> committed = committedRuns();
        committed.forEach((id, settings) ->
                assertEquals(hashPart(id), RunId.hash(SettingsCodec.fromMap(settings)), id));
        List<String> planned = ExperimentLoader.load(TestDatasets.experiment("mnist-cpu.yaml"), TestDatasets.LOOKUP)
                .runs().stream().map(RunSpec::runId).sorted().toList();
        assertEquals(List.copyOf(committed.keySet()), planned);
        // mnist-paper runs in progress when run ids stopped depending on a list of later keys
        List<String> paper = ExperimentLoader.load(TestDatasets.experiment("mnist-paper.yaml"), TestDatasets.LOOKUP)
                .runs().stream().map(RunSpec::runId).toList();
        assertTrue(paper.containsAll(List.of("labels20-seed1-ed5264c678", "labels100-seed1-02fb953ec9",
                "labels100-seed10-3a4e8436bd")), paper.toString());
    }

    /**
     * A setting added tomorrow, with a default, must leave every recorded id as it is, with nothing to update but
     * the Settings record and defaults.yaml: the codec is given the new key as those two would give it.
     */
    @Test
    void aNewSettingWithADefaultLeavesRecordedIdsUnchanged() throws Exception {
        Map<String, Object> defaults = SettingsCodec.toMap(SettingsCodec.fromMap(Map.of()));
        defaults.put("new_setting", 7);
        for (Map.Entry<String, Map<String, Object>> run : committedRuns().entrySet()) {
            Map<String, Object> settings = SettingsCodec.toMap(SettingsCodec.fromMap(run.getValue()));
            settings.put("new_setting", 7);
            assertEquals(hashPart(run.getKey()), RunId.hashOf(SettingsCodec.canonicalJson(settings, defaults)),
                    run.getKey());
            settings.put("new_setting", 8);
            assertNotEquals(hashPart(run.getKey()), RunId.hashOf(SettingsCodec.canonicalJson(settings, defaults)),
                    "set away from its default, the new setting is a different computation");
        }
    }
}
