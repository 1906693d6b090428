package ssgan.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.experiment.ExperimentLoader;
import ssgan.experiment.Plan;
import ssgan.experiment.TestDatasets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultsTest {

    @Test
    void defaultsYamlCoversEverySettingsComponentAndNothingElse() {
        List<String> components = Arrays.stream(Settings.class.getRecordComponents())
                .map(c -> SettingKey.snakeCase(c.getName())).sorted().toList();
        assertEquals(components, Defaults.keysInResource().stream().sorted().toList(), "same keys");
        for (Settings.Model model : Settings.Model.values()) {
            assertEquals(components, Defaults.values(model).keySet().stream().sorted().toList(), model.name());
        }
    }

    /** The paper's CIFAR-10 setup (spec section 3), written out here by hand, comes with model: cifar_cnn. */
    @Test
    void theCifarModelBringsThePapersCifarSetupNotMnists() {
        Settings s = SettingsCodec.fromMap(Map.of("model", "cifar_cnn"));
        assertEquals("cifar10", s.dataset());
        assertEquals(1200, s.epochs());
        assertEquals(3e-4, s.learningRate());
        assertEquals(800, s.lrDecayStart());
        assertEquals(1200, s.lrDecayEnd());
        assertEquals(Settings.FeatureLoss.L1, s.featureLoss());
        assertEquals(0.0, s.inputNoise());
        assertEquals(0.0, s.hiddenNoise());
        assertEquals(0.2, s.inputDropout());
        assertEquals(0.5, s.hiddenDropout());
        assertEquals(500, s.initImages(), "a common default");
        assertEquals(s, Defaults.of(Settings.Model.CIFAR_CNN));
        assertEquals(SettingsCodec.fromMap(Map.of()), Defaults.of(Settings.Model.MNIST_MLP));
    }

    /** The model's defaults apply wherever the model is named (here a sweep axis); written values still win. */
    @Test
    void aModelNamedAnywhereBringsItsDefaults(@TempDir Path dir) throws Exception {
        Plan plan = ExperimentLoader.load(TestDatasets.write(dir, "m.yaml", """
                settings: {input_dropout: 0.1}
                sweep: {model: [mnist_mlp, cifar_cnn]}
                """), TestDatasets.LOOKUP);
        Settings mnist = plan.runs().get(0).settings();
        Settings cifar = plan.runs().get(1).settings();
        assertEquals("mnist", mnist.dataset());
        assertEquals(0.003, mnist.learningRate());
        assertEquals(0.3, mnist.inputNoise());
        assertEquals("cifar10", cifar.dataset());
        assertEquals(3e-4, cifar.learningRate());
        assertEquals(0.0, cifar.inputNoise());
        assertEquals(0.5, cifar.hiddenDropout());
        assertEquals(0.1, mnist.inputDropout(), "written in the file");
        assertEquals(0.1, cifar.inputDropout(), "written in the file");
    }

    /** The paper's dataset of each model is where its defaults come from. */
    @Test
    void paperModelOfEachDataset() {
        assertEquals(Optional.of(Settings.Model.MNIST_MLP), Defaults.paperModel("mnist"));
        assertEquals(Optional.of(Settings.Model.CIFAR_CNN), Defaults.paperModel("cifar10"));
        assertEquals(Optional.empty(), Defaults.paperModel("svhn"));
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
            List<String> lines = text.lines().filter(l -> l.trim().startsWith(key + ":")).toList();
            assertFalse(lines.isEmpty(), key);
            for (String line : lines) {
                assertTrue(line.matches(".*#\\s*\\S.*"), "no comment on " + line);
            }
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
