package ssgan.experiment;

import ssgan.config.Errors;
import ssgan.config.Located;
import ssgan.config.Origin;
import ssgan.config.SettingsCodec;
import ssgan.data.DataException;
import ssgan.data.DatasetSpec;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Range and consistency rules of one fully resolved cell. Each error is reported where the offending value was
 * written; when that value is a default, at the other key of the rule if that one was written.
 */
final class SettingsRules {

    private final Map<String, Located> values;
    private final Set<String> broken;
    private final Errors errors;

    private SettingsRules(Map<String, Located> values, Set<String> broken, Errors errors) {
        this.values = values;
        this.broken = broken;
        this.errors = errors;
    }

    /** Checks one resolved cell (every key present, seed_data already resolved). */
    static void check(Map<String, Located> values, Set<String> broken, DatasetLookup datasets, Errors errors) {
        new SettingsRules(values, broken, errors).check(datasets);
    }

    private void check(DatasetLookup datasets) {
        atLeast("epochs", 1);
        atLeast("batch_size", 1);
        atLeast("iterations_per_epoch", 0);
        atLeast("train_images", 0);
        atLeast("test_images", 0);
        atLeast("lr_decay_start", 0);
        atLeast("lr_decay_end", 0);
        atLeast("init_images", 1);
        atLeast("z_dim", 1);
        atLeast("minibatch_kernels", 0);
        atLeast("sample_grid", 0);
        positive("learning_rate");
        positive("adam_epsilon");
        nonNegative("unlabeled_weight");
        nonNegative("input_noise");
        nonNegative("hidden_noise");
        unitInterval("input_dropout");
        unitInterval("hidden_dropout");
        unitInterval("beta1");
        unitInterval("beta2");
        if (usable("average_rate") && !(dbl("average_rate") > 0 && dbl("average_rate") <= 1)) {
            report("average_rate", "expected a number in (0, 1], got " + text("average_rate"));
        }
        if (usable("data_rng", "seed_data") && "numpy".equals(SettingsCodec.configValue(values.get("data_rng").value()))
                && integer("seed_data") < 0) {
            report("seed_data", "data_rng", "data_rng numpy draws as NumPy's RandomState, whose seeds are >= 0, got"
                    + " seed_data " + integer("seed_data"));
        }
        if (usable("lr_decay_start", "lr_decay_end") && integer("lr_decay_end") < integer("lr_decay_start")) {
            report("lr_decay_end", "lr_decay_start",
                    "lr_decay_end (" + integer("lr_decay_end") + ") must be >= lr_decay_start ("
                            + integer("lr_decay_start") + ")");
        }
        if (usable("lr_decay_start", "lr_decay_end") && integer("lr_decay_start") == 0
                && integer("lr_decay_end") > 0) {
            report("lr_decay_end", "lr_decay_start", "lr_decay_start 0 means a constant learning rate, so "
                    + "lr_decay_end must be 0 too; to decay, set lr_decay_start to an epoch >= 1, got lr_decay_end "
                    + integer("lr_decay_end"));
        }
        if (usable("generator_output_norm", "model")
                && "weight_norm".equals(SettingsCodec.configValue(values.get("generator_output_norm").value()))
                && !"mnist_mlp".equals(SettingsCodec.configValue(values.get("model").value()))) {
            report("generator_output_norm", "model", "generator_output_norm weight_norm is the MNIST generator's "
                    + "output layer (spec section 8); model "
                    + SettingsCodec.configValue(values.get("model").value()) + " has its own");
        }
        if (usable("dataset")) {
            String name = (String) values.get("dataset").value();
            try {
                Optional<DatasetSpec> spec = datasets.find(name);
                if (spec.isEmpty()) {
                    report("dataset", "unknown dataset '" + name + "': no data/" + name + "/dataset.yaml");
                } else {
                    checkAgainst(spec.get());
                }
            } catch (DataException e) {
                // an invalid name (e.g. a path such as ../../etc) or an unreadable dataset.yaml: the value written
                // here is what has to change, so it is reported here like any other bad value
                report("dataset", e.getMessage());
            }
        }
    }

    /** Rules that need the dataset's class count and split sizes. */
    private void checkAgainst(DatasetSpec spec) {
        String of = " of " + spec.name();
        if (usable("train_images") && integer("train_images") > spec.trainSize()) {
            report("train_images", "expected at most the " + spec.trainSize() + " training images" + of
                    + ", got " + integer("train_images"));
        }
        if (usable("test_images") && integer("test_images") > spec.testSize()) {
            report("test_images", "expected at most the " + spec.testSize() + " test images" + of
                    + ", got " + integer("test_images"));
        }
        int training = usable("train_images") && integer("train_images") > 0
                ? Math.min(integer("train_images"), spec.trainSize()) : spec.trainSize();
        String trainingText = training == spec.trainSize()
                ? "the " + training + " training images" + of
                : "the " + training + " training images (train_images)";
        if (usable("labels")) {
            int labels = integer("labels");
            int classes = spec.classes();
            if (labels < classes) {
                report("labels", "expected at least one label per class (>= " + classes + " for " + spec.name()
                        + "), got " + labels);
            } else if (labels % classes != 0) {
                report("labels", "expected a multiple of the " + classes + " classes" + of
                        + " (labels are class-balanced), got " + labels);
            } else if (labels > training && usable("train_images")) {
                report("labels", "train_images", "labels (" + labels + ") must be <= " + trainingText);
            }
        }
        if (usable("init_images", "data_init", "train_images") && (Boolean) values.get("data_init").value()
                && integer("init_images") > training) {
            report("init_images", "train_images",
                    "init_images (" + integer("init_images") + ") must be <= " + trainingText);
        }
    }

    private void atLeast(String key, int min) {
        if (usable(key) && integer(key) < min) {
            report(key, "expected an integer >= " + min + ", got " + integer(key));
        }
    }

    private void positive(String key) {
        if (usable(key) && !(dbl(key) > 0)) {
            report(key, "expected a number > 0, got " + text(key));
        }
    }

    private void nonNegative(String key) {
        if (usable(key) && dbl(key) < 0) {
            report(key, "expected a number >= 0, got " + text(key));
        }
    }

    private void unitInterval(String key) {
        if (usable(key) && !(dbl(key) >= 0 && dbl(key) < 1)) {
            report(key, "expected a number in [0, 1), got " + text(key));
        }
    }

    /** A rule may read these keys: all present and none of them had a conversion error. */
    private boolean usable(String... keys) {
        return Arrays.stream(keys).noneMatch(broken::contains);
    }

    private int integer(String key) {
        return (Integer) values.get(key).value();
    }

    private double dbl(String key) {
        return (Double) values.get(key).value();
    }

    private String text(String key) {
        return SettingsCodec.stableNumber(dbl(key)).toPlainString();
    }

    private void report(String key, String message) {
        errors.add(values.get(key).origin(), message);
    }

    /** Reports at {@code key}, or at {@code other} when key's value is a default and other's is not. */
    private void report(String key, String other, String message) {
        Origin at = values.get(key).origin();
        Origin alternative = values.get(other).origin();
        if (at.isDefault() && !alternative.isDefault()) {
            at = alternative;
        }
        errors.add(at, message);
    }
}
