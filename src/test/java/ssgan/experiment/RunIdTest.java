package ssgan.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            assertEquals(true, hashes.add(RunId.hash(settings)), "hash unchanged by " + key.name());
        }
        assertEquals(SettingKey.all().size() + 1, hashes.size());
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
}
