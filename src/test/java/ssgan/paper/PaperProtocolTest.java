package ssgan.paper;

import org.junit.jupiter.api.Test;
import ssgan.config.ConfigException;
import ssgan.config.SettingsCodec;
import ssgan.data.DatasetCatalog;
import ssgan.data.ErrorUnit;
import ssgan.experiment.ExperimentLoader;
import ssgan.experiment.RunSpec;
import ssgan.stats.DatasetFacts;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs are named against the paper's protocol; the runs here come from the experiment files, as a user's would. */
class PaperProtocolTest {

    /** Config-form settings of each run of an experiment file, as config.yaml records them. */
    private static List<Map<String, Object>> runs(String file, String... overrides) throws ConfigException {
        return ExperimentLoader.load(Path.of("experiments", file), List.of(overrides),
                        new DatasetCatalog(Path.of("data"))::find)
                .runs().stream().map(RunSpec::settings).map(SettingsCodec::toMap).toList();
    }

    private static Map<String, Object> mnistPaperRun() throws ConfigException {
        return new HashMap<>(runs("mnist-paper.yaml").get(0));
    }

    @Test
    void thePapersExperimentFilesAreFaithful() throws ConfigException {
        for (String file : List.of("mnist-paper.yaml", "cifar10-paper.yaml")) {
            List<Map<String, Object>> runs = runs(file);
            assertEquals(40, runs.size(), file);
            for (Map<String, Object> run : runs) {
                assertEquals("faithful", PaperProtocol.variant(SettingsCodec.fromMap(run)), file + ": " + run);
            }
        }
    }

    /** The paper's CIFAR-10 D has dropout (0.2 on the input, 0.5 after each stride-2 block) and no noise. */
    @Test
    void aCifarRunWithoutThePapersDropoutOrWithMnistsNoiseIsAVariant() throws ConfigException {
        assertEquals("hidden_dropout=0, input_dropout=0",
                PaperProtocol.variant(SettingsCodec.fromMap(runs("cifar10-paper.yaml", "input_dropout=0", "hidden_dropout=0").get(0))));
        assertEquals("hidden_noise=0.5, input_noise=0.3",
                PaperProtocol.variant(SettingsCodec.fromMap(runs("cifar10-paper.yaml", "input_noise=0.3", "hidden_noise=0.5").get(0))));
        assertEquals("feature_loss=l2, learning_rate=0.003", PaperProtocol.variant(SettingsCodec.fromMap(
                runs("cifar10-paper.yaml", "feature_loss=l2", "learning_rate=0.003").get(0))));
    }

    @Test
    void theCifarSetupIsTheSpecs() {
        Map<String, Object> cifar = PaperProtocol.setup("cifar10");
        Map<String, Object> expected = Map.of("model", "cifar_cnn", "epochs", 1200, "learning_rate", 3e-4,
                "lr_decay_start", 800, "lr_decay_end", 1200, "feature_loss", "l1", "input_noise", 0.0,
                "hidden_noise", 0.0, "input_dropout", 0.2, "hidden_dropout", 0.5);
        expected.forEach((key, value) -> assertEquals(value, cifar.get(key), key));
    }

    @Test
    void defaultsAreFaithfulWhateverTheSeedsLabelsAndEpochs() throws ConfigException {
        Map<String, Object> s = mnistPaperRun();
        s.put("seed", 7);
        s.put("seed_data", 8);
        s.put("labels", 20);
        s.put("epochs", 30);
        assertEquals("faithful", PaperProtocol.variant(SettingsCodec.fromMap(s)));
    }

    @Test
    void differencesAreNamedInKeyOrder() throws ConfigException {
        Map<String, Object> s = mnistPaperRun();
        s.put("mode", "supervised");
        s.put("average_start", "params");
        assertEquals("average_start=params, mode=supervised", PaperProtocol.variant(SettingsCodec.fromMap(s)));
    }

    @Test
    void numbersCompareByValue() throws ConfigException {
        Map<String, Object> s = mnistPaperRun();
        s.put("unlabeled_weight", 1);          // YAML may read 1.0 back as an integer
        s.put("average_rate", 0.0001f);
        s.put("learning_rate", 3.0E-3);
        assertEquals("faithful", PaperProtocol.variant(SettingsCodec.fromMap(s)));
    }

    @Test
    void paperEpochs() {
        assertEquals(300, PaperProtocol.paperEpochs("mnist"));
        assertEquals(1200, PaperProtocol.paperEpochs("cifar10"));
    }

    @Test
    void unitsScaleToThePapers() {
        assertEquals(93.0, ErrorUnit.ERRORS_OUT_OF_10000.of(93, 10_000), 1e-12);
        assertEquals(100.0, ErrorUnit.ERRORS_OUT_OF_10000.of(10, 1_000), 1e-12); // a 1,000-image test subset
        assertEquals(18.63, ErrorUnit.ERROR_PERCENT.of(1863, 10_000), 1e-12);
        // the repository's declarations give each dataset the unit of its paper table
        DatasetFacts facts = new DatasetFacts(new DatasetCatalog(Path.of("data")));
        assertEquals(ErrorUnit.ERRORS_OUT_OF_10000, facts.of("mnist").unit());
        assertEquals(ErrorUnit.ERROR_PERCENT, facts.of("cifar10").unit());
        assertEquals(ErrorUnit.ERROR_PERCENT, facts.of("undeclared").unit(), "an undeclared dataset: percent");
    }
}
