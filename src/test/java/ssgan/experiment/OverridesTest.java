package ssgan.experiment;

import org.junit.jupiter.api.Test;
import ssgan.config.ConfigError;
import ssgan.config.ConfigException;
import ssgan.config.Settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverridesTest {

    private static final Path PAPER = TestDatasets.experiment("mnist-paper.yaml");
    private static final Path QUICK = TestDatasets.experiment("quickstart.yaml");

    private static Plan load(Path file, String... overrides) throws ConfigException {
        return ExperimentLoader.load(file, List.of(overrides), TestDatasets.LOOKUP);
    }

    @Test
    void scalarSetsAFixedSetting() throws Exception {
        Plan plan = load(QUICK, "epochs=1", "learning_rate=0.001", "data_init=false", "mode=supervised");
        assertEquals(2, plan.runs().size());
        Settings s = plan.runs().get(0).settings();
        assertEquals(1, s.epochs());
        assertEquals(0.001, s.learningRate());
        assertEquals(false, s.dataInit());
        assertEquals(Settings.Mode.SUPERVISED, s.mode());
        assertEquals(Map.of("labels", 100, "seed", 1), plan.runs().get(0).cell(), "a fixed setting is not an axis");
    }

    @Test
    void scalarOnAnAxisNarrowsItToOneValue() throws Exception {
        Plan plan = load(PAPER, "seed=3");
        assertEquals(4, plan.runs().size());
        assertEquals(Map.of("labels", 20, "seed", 3), plan.runs().get(0).cell());
    }

    @Test
    void listAndRangeMakeOrReplaceAxes() throws Exception {
        Plan plan = load(QUICK, "seed=5..7", "labels=20,50", "z_dim=50,100");
        // Replaced axes keep their position; a new axis is appended.
        assertEquals(12, plan.runs().size());
        assertEquals(List.of("labels", "seed", "z_dim"), List.copyOf(plan.runs().get(0).cell().keySet()));
        assertEquals(Map.of("labels", 20, "seed", 5, "z_dim", 50), plan.runs().get(0).cell());
        assertEquals(Map.of("labels", 20, "seed", 5, "z_dim", 100), plan.runs().get(1).cell());
        assertEquals(Map.of("labels", 50, "seed", 7, "z_dim", 100), plan.runs().get(11).cell());
        assertEquals(50, plan.runs().get(11).settings().labels());
        assertEquals(100, plan.runs().get(11).settings().zDim());
    }

    @Test
    void listOverrideOfAFixedSettingMakesItAnAxis() throws Exception {
        Plan plan = load(QUICK, "epochs=1,2");
        assertEquals(4, plan.runs().size());
        assertEquals(Map.of("labels", 100, "seed", 1, "epochs", 1), plan.runs().get(0).cell());
        assertEquals(2, plan.runs().get(3).settings().epochs());
    }

    @Test
    void overrideErrorsNameTheArgumentPosition() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(QUICK, "epochs=1", "labels=20,x", "sed=1", "batch_size"));
        List<ConfigError> errors = e.errors();
        assertEquals(3, errors.size(), errors.toString());
        ConfigError labels = errors.get(0);
        assertEquals(ConfigError.COMMAND_LINE, labels.file());
        assertEquals(2, labels.line());
        assertEquals(11, labels.column());
        assertEquals("labels[1]", labels.key());
        assertTrue(labels.message().contains("expected an integer, got string 'x'"), labels.message());
        assertEquals("<command line>:argument 2: labels[1]: expected an integer, got string 'x'",
                labels.toString());
        assertEquals(3, errors.get(1).line());
        assertTrue(errors.get(1).message().contains("did you mean 'seed'?"), errors.get(1).message());
        assertEquals(4, errors.get(2).line());
        assertTrue(errors.get(2).message().contains("expected key=value"));
    }

    @Test
    void overrideValuesGetTheSameRules() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(PAPER, "labels=20,25", "beta1=1"));
        assertEquals(List.of("labels[1]", "beta1"), e.errors().stream().map(ConfigError::key).toList());
        assertEquals(11, e.errors().get(0).column());
        assertTrue(e.errors().get(0).message().contains("multiple of the 10 classes"));
        assertTrue(e.errors().get(1).message().contains("[0, 1)"));
    }

    @Test
    void scalarTyping() {
        assertEquals(3L, Overrides.scalar("3"));
        assertEquals(0.5, Overrides.scalar("0.5"));
        assertEquals(1e-8, Overrides.scalar("1e-8"));
        assertEquals(true, Overrides.scalar("true"));
        assertEquals(null, Overrides.scalar("null"));
        assertEquals("3", Overrides.scalar("'3'"));
        assertEquals("mnist", Overrides.scalar("mnist"));
    }
}
