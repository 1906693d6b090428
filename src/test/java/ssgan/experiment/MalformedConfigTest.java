package ssgan.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ssgan.config.ConfigError;
import ssgan.config.ConfigException;
import ssgan.data.DatasetCatalog;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each case is a small broken experiment file and the single error it must produce, at an exact position. */
class MalformedConfigTest {

    @TempDir
    Path dir;

    record Case(String name, String file, String content, int line, int column, String key, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("unknown setting with suggestion", "unknown.yaml", """
                        settings:
                          seeddata: 3
                        """, 2, 3, "settings.seeddata", "unknown setting; did you mean 'seed_data'?"),
                new Case("unknown top-level key", "top.yaml", """
                        settings: {epochs: 3}
                        sweeps:
                          seed: [1, 2]
                        """, 2, 1, "sweeps", "did you mean 'sweep'?"),
                new Case("string for integer", "string.yaml", """
                        settings:
                          epochs: ten
                        """, 2, 11, "settings.epochs", "expected an integer, got string 'ten'"),
                new Case("float for integer", "float.yaml", """
                        settings:
                          batch_size: 1.5
                        """, 2, 15, "settings.batch_size", "expected an integer, got 1.5"),
                new Case("list where a scalar is expected", "list.yaml", """
                        settings:
                          learning_rate: [0.1, 0.2]
                        """, 2, 18, "settings.learning_rate", "expected a number, got a list"),
                new Case("bad enum value", "enum.yaml", """
                        settings:
                          model: resnet
                        """, 2, 10, "settings.model", "expected one of mnist_mlp, cifar_cnn, got string 'resnet'"),
                new Case("epochs below 1", "epochs.yaml", """
                        experiment: e
                        settings:
                          epochs: 0
                        """, 3, 11, "settings.epochs", "expected an integer >= 1, got 0"),
                new Case("batch size below 1", "batch.yaml", """
                        settings: {batch_size: -5}
                        """, 1, 24, "settings.batch_size", "expected an integer >= 1, got -5"),
                new Case("labels not a multiple of the classes (axis value)", "multiple.yaml", """
                        sweep:
                          labels: [100, 25]
                          seed: [1]
                        """, 2, 17, "sweep.labels[1]", "expected a multiple of the 10 classes of mnist"),
                new Case("fewer labels than classes", "few.yaml", """
                        settings:
                          labels: 5
                        """, 2, 11, "settings.labels", "expected at least one label per class (>= 10 for mnist)"),
                new Case("more labels than training images (axis value)", "many.yaml", """
                        settings:
                          dataset: cifar10
                          model: cifar_cnn
                        sweep:
                          labels: [4000, 60000]
                        """, 5, 18, "sweep.labels[1]", "labels (60000) must be <= the 50000 training images of cifar10"),
                new Case("labels above train_images", "subset.yaml", """
                        settings:
                          train_images: 1000
                          labels: 2000
                        """, 3, 11, "settings.labels", "must be <= the 1000 training images (train_images)"),
                new Case("train_images above the dataset", "train.yaml", """
                        settings:
                          train_images: 70000
                        """, 2, 17, "settings.train_images", "expected at most the 60000 training images of mnist"),
                new Case("test_images above the dataset", "test.yaml", """
                        settings:
                          test_images: 10001
                        """, 2, 16, "settings.test_images", "expected at most the 10000 test images of mnist"),
                new Case("default init_images above train_images", "init.yaml", """
                        settings:
                          train_images: 200
                        """, 2, 17, "settings.train_images", "init_images (500) must be <= the 200 training images"),
                new Case("learning rate not positive", "lr.yaml", """
                        settings:
                          learning_rate: 0
                        """, 2, 18, "settings.learning_rate", "expected a number > 0, got 0"),
                new Case("beta1 outside [0, 1)", "beta.yaml", """
                        settings:
                          beta1: 1.0
                        """, 2, 10, "settings.beta1", "expected a number in [0, 1), got 1"),
                new Case("adam epsilon not positive", "eps.yaml", """
                        settings:
                          adam_epsilon: -1.0e-8
                        """, 2, 17, "settings.adam_epsilon", "expected a number > 0"),
                new Case("average rate outside (0, 1]", "avg.yaml", """
                        settings:
                          average_rate: 1.5
                        """, 2, 17, "settings.average_rate", "expected a number in (0, 1], got 1.5"),
                new Case("negative noise", "noise.yaml", """
                        settings:
                          hidden_noise: -0.1
                        """, 2, 17, "settings.hidden_noise", "expected a number >= 0, got -0.1"),
                new Case("negative unlabeled weight", "weight.yaml", """
                        settings:
                          unlabeled_weight: -1
                        """, 2, 21, "settings.unlabeled_weight", "expected a number >= 0, got -1"),
                new Case("numpy draw with a negative data seed", "numpyseed.yaml", """
                        settings:
                          data_rng: numpy
                          seed_data: -3
                        """, 3, 14, "settings.seed_data", "NumPy's RandomState, whose seeds are >= 0, got seed_data -3"),
                new Case("lr decay ends before it starts", "decay.yaml", """
                        settings:
                          epochs: 10
                          lr_decay_start: 8
                          lr_decay_end: 4
                        """, 4, 17, "settings.lr_decay_end", "lr_decay_end (4) must be >= lr_decay_start (8)"),
                new Case("decay end with the constant-rate decay start", "decay0.yaml", """
                        settings:
                          lr_decay_end: 30
                        """, 2, 17, "settings.lr_decay_end", "lr_decay_start 0 means a constant learning rate"),
                new Case("the MNIST generator's output layer on the CIFAR model", "wn.yaml", """
                        settings:
                          model: cifar_cnn
                          generator_output_norm: weight_norm
                        """, 3, 26, "settings.generator_output_norm", "is the MNIST generator's output layer"),
                new Case("an unknown reported D", "figure.yaml", """
                        settings:
                          reported_d: ensemble
                        """, 2, 15, "settings.reported_d", "averaged"),
                new Case("range with a non-integer end", "range.yaml", """
                        sweep:
                          seed: 1..x
                        """, 2, 9, "sweep.seed", "expected an integer range like 1..10, got '1..x'"),
                new Case("reversed range", "reversed.yaml", """
                        sweep:
                          seed: [1, 5..1]
                        """, 2, 13, "sweep.seed[1]", "range '5..1' is empty"),
                new Case("empty axis", "empty.yaml", """
                        sweep:
                          labels: []
                        """, 2, 11, "sweep.labels", "expected at least one value, got an empty list"),
                new Case("duplicate axis value", "dup.yaml", """
                        sweep:
                          seed: [1, 2, 1]
                        """, 2, 16, "sweep.seed[2]", "duplicate value 1 (already at line 2, column 10)"),
                new Case("duplicate value through a range", "dup-range.yaml", """
                        sweep:
                          seed: [1..3, 3]
                        """, 2, 16, "sweep.seed[1]", "duplicate value 3"),
                new Case("unknown dataset", "dataset.yaml", """
                        settings:
                          dataset: mnsit
                        """, 2, 12, "settings.dataset", "unknown dataset 'mnsit': no data/mnsit/dataset.yaml"),
                new Case("key both fixed and swept", "both.yaml", """
                        sweep:
                          seed: 1..3
                        settings:
                          seed: 4
                        """, 4, 3, "settings.seed", "'seed' is also a sweep axis (at line 2, column 3)"),
                new Case("include with an unknown key", "include.yaml", """
                        sweep:
                          labels: [100]
                        include:
                          - {labls: 20}
                        """, 4, 6, "include[0].labls", "did you mean 'labels'?"),
                new Case("exclude naming a key that is not an axis", "exclude.yaml", """
                        settings: {epochs: 3}
                        sweep:
                          seed: [1, 2]
                        exclude:
                          - {epochs: 3}
                        """, 5, 14, "exclude[0].epochs", "'epochs' is not a sweep axis (axes: seed)"),
                new Case("exclude removing every run", "all.yaml", """
                        sweep:
                          seed: [1, 2]
                        exclude:
                          - {seed: 1}
                          - {seed: 2}
                        """, 3, 1, "exclude", "removes every run of the sweep"),
                new Case("include repeating a swept cell", "repeat.yaml", """
                        sweep:
                          seed: [1, 2]
                        include:
                          - {seed: 2}
                        """, 4, 5, "include[0]", "gives the same settings as run 1"),
                new Case("invalid experiment name", "name.yaml", """
                        experiment: My Experiment
                        """, 1, 13, "experiment", "expected a name of lowercase letters"),
                new Case("duplicate key", "dupkey.yaml", """
                        settings:
                          epochs: 3
                          epochs: 4
                        """, 3, 3, "settings.epochs", "duplicate key (first at line 2)"),
                new Case("malformed YAML", "syntax.yaml", """
                        settings:
                          epochs: 3
                            labels: 20
                        """, 3, 11, "", "syntax error: mapping values are not allowed here"),
                new Case("malformed JSON", "syntax.json", """
                        {"settings": {"epochs": 3,
                                      "labels": }}
                        """, 2, 25, "", "syntax error: Unexpected character ('}'"),
                new Case("wrong type in JSON", "type.json", """
                        {"settings": {"epochs": "3"}}
                        """, 1, 25, "settings.epochs", "expected an integer, got string '3'"),
                new Case("not a map at top level", "list.json", """
                        [1, 2]
                        """, 1, 1, "", "expected a map with the keys experiment"),
                // ---- named variants ----
                new Case("unknown setting inside a variant", "v-unknown.yaml", """
                        variants:
                          a: {mde: supervised}
                        """, 2, 7, "variants.a.mde", "unknown setting; did you mean 'mode'?"),
                new Case("wrong type inside a variant", "v-type.yaml", """
                        variants:
                          a:
                            epochs: ten
                        """, 3, 13, "variants.a.epochs", "expected an integer, got string 'ten'"),
                new Case("bad value inside a variant", "v-value.yaml", """
                        variants:
                          a: {}
                          b: {epochs: 0}
                        """, 3, 15, "variants.b.epochs", "expected an integer >= 1, got 0"),
                new Case("variant key that is also a sweep axis", "v-axis.yaml", """
                        sweep:
                          seed: 1..2
                        variants:
                          a: {seed: 3}
                        """, 4, 13, "variants.a.seed", "'seed' is also a sweep axis (at line 2, column 3)"),
                new Case("variant key that is also a fixed setting", "v-fixed.yaml", """
                        settings:
                          mode: gan
                        variants:
                          a: {mode: supervised}
                        """, 4, 13, "variants.a.mode", "'mode' is also a fixed setting (at line 2, column 9)"),
                new Case("invalid variant name", "v-name.yaml", """
                        variants:
                          Faithful: {}
                        """, 2, 3, "variants.Faithful", "expected a variant name of lowercase letters"),
                new Case("empty variants", "v-empty.yaml", """
                        variants: {}
                        """, 1, 11, "variants", "expected at least one variant, got an empty map"),
                new Case("variants as a list", "v-list.yaml", """
                        variants: [faithful, supervised_only]
                        """, 1, 11, "variants", "expected a map of variant names to settings maps, got a list"),
                new Case("variant that is not a map", "v-scalar.yaml", """
                        variants:
                          a: supervised
                        """, 2, 6, "variants.a", "expected a map, got string 'supervised'"),
                new Case("two variants with the same settings", "v-same.yaml", """
                        variants:
                          a: {}
                          b: {mode: gan}
                        """, 3, 3, "variants.b", "gives the same settings as variant 'a'"),
                new Case("exclude naming an unknown variant", "v-exclude.yaml", """
                        sweep:
                          seed: [1, 2]
                        variants:
                          a: {}
                          b: {mode: supervised}
                        exclude:
                          - {variant: c}
                        """, 7, 15, "exclude[0].variant", "unknown variant 'c'"),
                new Case("exclude naming a variant without a variants section", "v-none.yaml", """
                        sweep:
                          seed: [1, 2]
                        exclude:
                          - {variant: a}
                        """, 4, 15, "exclude[0].variant", "this experiment has no 'variants' section"),
                new Case("include without a variant", "v-include.yaml", """
                        sweep:
                          seed: [1]
                        variants:
                          a: {}
                        include:
                          - {seed: 5}
                        """, 6, 5, "include[0]", "expected a 'variant' key naming one of a"),
                new Case("variant as a sweep axis", "v-sweep.yaml", """
                        sweep:
                          variant: [a, b]
                        """, 2, 3, "sweep.variant", "not a setting: name variants in the top-level 'variants'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsOneErrorAtTheRightPlace(Case c) {
        Path file = TestDatasets.write(dir, c.file(), c.content());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentLoader.load(file, TestDatasets.LOOKUP));
        assertEquals(1, e.errors().size(), e.getMessage());
        ConfigError error = e.errors().get(0);
        assertEquals(file.toString(), error.file());
        assertTrue(error.file().endsWith(c.file()));
        assertEquals(c.line(), error.line(), error.toString());
        assertEquals(c.column(), error.column(), error.toString());
        assertEquals(c.key(), error.key(), error.toString());
        assertTrue(error.message().contains(c.fragment()), error.toString());
        assertTrue(error.toString().startsWith(file + ":" + c.line() + ":" + c.column() + ": "), error.toString());
    }

    /** The real catalog refuses names that are not a plain directory name; that is a config error like any other. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"../../../etc", "/etc", ".hidden", "a b"})
    void anInvalidDatasetNameIsReportedAtItsValue(String name) {
        Path file = TestDatasets.write(dir, "name.yaml", "settings:\n  dataset: '" + name + "'\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentLoader.load(file, new DatasetCatalog(Path.of("data"))::find));
        assertEquals(1, e.errors().size(), e.getMessage());
        ConfigError error = e.errors().get(0);
        assertEquals(file + ":2:12: settings.dataset: invalid dataset name '" + name + "': expected a directory "
                + "name under the data root of letters, digits, '.', '_' and '-', not starting with '.'",
                error.toString());
    }

    @Test
    void collectsEveryErrorInPositionOrder() {
        Path file = TestDatasets.write(dir, "many.yaml", """
                settings:
                  epochs: 0
                  beta2: 2
                  feature_loss: l3
                sweep:
                  labels: [20, 33]
                  seed: 1..x
                """);
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentLoader.load(file, List.of("z_dim=0"), TestDatasets.LOOKUP));
        List<String> keys = e.errors().stream().map(ConfigError::key).toList();
        assertEquals(List.of("settings.epochs", "settings.beta2", "settings.feature_loss", "sweep.labels[1]",
                "sweep.seed", "z_dim"), keys, e.getMessage());
        assertEquals(file + ":2:11: settings.epochs: expected an integer >= 1, got 0",
                e.errors().get(0).toString());
        assertTrue(e.getMessage().startsWith("6 configuration errors:"), e.getMessage());
    }

    @Test
    void anErrorInOneAxisValueIsReportedOnceNotPerCell() {
        Path file = TestDatasets.write(dir, "once.yaml", """
                sweep:
                  labels: [20, 200000]
                  seed: 1..10
                """);
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentLoader.load(file, TestDatasets.LOOKUP));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("sweep.labels[1]", e.errors().get(0).key());
    }

    @Test
    void unsupportedExtension() {
        Path file = TestDatasets.write(dir, "exp.toml", "x = 1\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentLoader.load(file, TestDatasets.LOOKUP));
        assertTrue(e.errors().get(0).message().contains(".yaml, .yml or .json"));
    }
}
