package ssgan.paper;

import org.junit.jupiter.api.Test;
import ssgan.config.ConfigException;
import ssgan.config.Settings;
import ssgan.config.SettingsCodec;
import ssgan.data.DatasetCatalog;
import ssgan.experiment.ExperimentLoader;
import ssgan.experiment.RunSpec;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which runs are the authors' own scripts (spec section 8), read from the experiment files as a user writes them. */
class AuthorsScriptsTest {

    private static Map<String, Settings> screen() throws ConfigException {
        Map<String, Settings> byVariant = new HashMap<>();
        for (RunSpec run : ExperimentLoader.load(Path.of("experiments", "mnist-screen20.yaml"), List.of("seed=1"),
                new DatasetCatalog(Path.of("data"))::find).runs()) {
            byVariant.put((String) run.cell().get("variant"), run.settings());
        }
        return byVariant;
    }

    private static Optional<String> commit(Settings settings) {
        return AuthorsScripts.of(settings).map(AuthorsScripts.Script::commit);
    }

    @Test
    void theReleasedAndThePaperWeeksScriptsAreTheAuthorsAndNoSingleSwitchIs() throws ConfigException {
        Map<String, Settings> screen = screen();
        assertEquals(Optional.of("0fa06b5"), commit(screen.get("faithful")));
        assertEquals(Optional.of("30d4beb"), commit(screen.get("orig_30d4beb")));
        for (String variant : List.of("pytorch_port", "no_data_init", "softplus_output", "output_weight_norm")) {
            assertEquals(Optional.empty(), commit(screen.get(variant)), variant);
        }
    }

    @Test
    void halfAScriptIsNotTheScriptAndTheFirstScriptAddsItsOutputLayer() throws ConfigException {
        Map<String, Object> orig = new HashMap<>(SettingsCodec.toMap(screen().get("orig_30d4beb")));
        Map<String, Object> lrOnly = new HashMap<>(SettingsCodec.toMap(screen().get("faithful")));
        lrOnly.put("learning_rate", 0.001);
        assertEquals(Optional.empty(), commit(SettingsCodec.fromMap(lrOnly)), "lr 0.001 without the decay or raw D");
        orig.put("generator_output_norm", "weight_norm");
        assertEquals(Optional.of("2b81a18"), commit(SettingsCodec.fromMap(orig)));
        orig.put("data_init", false);
        assertEquals(Optional.empty(), commit(SettingsCodec.fromMap(orig)), "a script plus a change of ours");
    }

    /**
     * The protocols at the paper's budget train on mnist-paper's labeled subsets seed for seed (so every difference
     * from the released script is paired), and are what their files say: 30d4beb's script, or a change of ours.
     */
    @Test
    void theProtocolFilesPairWithTheReleasedScriptsRunsSeedForSeed() throws ConfigException {
        Map<String, Settings> released = new HashMap<>();
        for (RunSpec run : load("mnist-paper.yaml")) {
            released.put(run.settings().labels() + "/" + run.settings().seed(), run.settings());
        }
        Map<String, Optional<String>> files = Map.of("mnist-orig-30d4beb.yaml", Optional.of("30d4beb"),
                "mnist-no-data-init.yaml", Optional.empty());
        files.forEach((file, script) -> {
            List<RunSpec> runs = load(file);
            assertEquals(false, runs.isEmpty(), file);
            for (RunSpec run : runs) {
                Settings s = run.settings();
                Settings twin = released.get(s.labels() + "/" + s.seed());
                assertEquals(twin.seedData(), s.seedData(), file + " " + run.runId());
                assertEquals(twin.dataRng(), s.dataRng(), file + " " + run.runId());
                assertEquals(twin.epochs(), s.epochs(), file + " " + run.runId());
                assertEquals(script, commit(s), file + " " + run.runId());
            }
        });
    }

    private static List<RunSpec> load(String file) {
        try {
            return ExperimentLoader.load(Path.of("experiments", file), List.of(),
                    new DatasetCatalog(Path.of("data"))::find).runs();
        } catch (ConfigException e) {
            throw new AssertionError(file, e);
        }
    }

    @Test
    void theHistoryIsMnists() {
        Map<String, Object> cifar = new HashMap<>(Map.of("dataset", "cifar10", "model", "cifar_cnn"));
        assertEquals(Optional.empty(), commit(SettingsCodec.fromMap(cifar)));
    }
}
