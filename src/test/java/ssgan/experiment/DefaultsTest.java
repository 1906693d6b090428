package ssgan.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultsTest {

    @Test
    void defaultsYamlCoversEverySettingsComponentAndNothingElse() {
        List<String> components = Arrays.stream(Settings.class.getRecordComponents())
                .map(c -> SettingKey.snakeCase(c.getName())).toList();
        assertEquals(components, Defaults.keysInResource(), "same keys, in record order");
        assertEquals(components.size(), Defaults.values().size());
    }

    @Test
    void defaultsAreTheAuthorsMnistSetup() {
        Settings s = SettingsCodec.fromMap(Map.of());
        assertEquals("mnist", s.dataset());
        assertEquals(Settings.Model.MNIST_MLP, s.model());
        assertEquals(100, s.labels());
        assertEquals(1, s.seedData(), "seed_data null = same as seed");
        assertEquals(300, s.epochs());
        assertEquals(0.003, s.learningRate());
        assertEquals(1e-8, s.adamEpsilon());
        assertEquals(1e-4, s.averageRate());
        assertEquals(Settings.AverageStart.ZERO, s.averageStart());
        assertEquals(0.3, s.inputNoise());
        assertEquals(0.5, s.hiddenNoise());
        assertEquals(500, s.initImages());
        assertNull(Defaults.values().get("seed_data").value());
    }

    @Test
    void everyDefaultHasAComment() throws Exception {
        String text = new String(getClass().getClassLoader()
                .getResourceAsStream(Defaults.RESOURCE_NAME).readAllBytes());
        for (String key : Defaults.keysInResource()) {
            String line = text.lines().filter(l -> l.startsWith(key + ":")).findFirst().orElseThrow();
            assertTrue(line.matches(".*#\\s*\\S.*"), "no comment on " + key);
        }
    }

    @Test
    void codecRoundTripsThroughJsonAndYaml() throws Exception {
        Settings s = SettingsCodec.fromMap(Map.of("seed", 4, "labels", 20, "generator_output", "softplus",
                "adam_epsilon", 1e-3, "average_bias_correction", true));
        Map<String, Object> map = SettingsCodec.toMap(s);
        assertEquals("softplus", map.get("generator_output"));
        assertEquals(4, map.get("seed_data"));
        assertEquals(List.copyOf(new java.util.TreeSet<>(map.keySet())), List.copyOf(map.keySet()), "sorted");
        for (ObjectMapper mapper : List.of(new ObjectMapper(), new YAMLMapper())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> back = mapper.readValue(mapper.writeValueAsString(map), Map.class);
            assertEquals(s, SettingsCodec.fromMap(back));
        }
        assertTrue(SettingsCodec.canonicalJson(s).contains("\"adam_epsilon\":0.001,"),
                SettingsCodec.canonicalJson(s));
    }

    @Test
    void fromMapRejectsUnknownKeysAndBadValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SettingsCodec.fromMap(Map.of("epoch", 3, "mode", "GAN")));
        assertTrue(e.getMessage().contains("unknown key 'epoch'"), e.getMessage());
        assertTrue(e.getMessage().contains("mode: expected one of gan, supervised"), e.getMessage());
    }
}
