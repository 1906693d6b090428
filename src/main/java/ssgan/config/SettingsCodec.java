package ssgan.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts {@link Settings} to and from the config form: snake_case keys, enums as lowercase strings. The
 * results store writes {@link #toMap} as YAML/JSON and reads it back with {@link #fromMap}; {@link RunId}
 * hashes {@link #canonicalJson}.
 */
public final class SettingsCodec {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /**
     * The keys the first recorded runs hashed (results/mnist-cpu). Frozen: never add to it. A key added since is
     * hashed only when set away from its default (a new setting defaults to what the older runs did), so adding a
     * setting leaves every recorded id as it was, with nothing to update here.
     */
    public static final Set<String> FIRST_KEYS = Set.of("adam_epsilon", "adam_epsilon_form", "average_bias_correction",
            "average_rate", "average_start", "batch_size", "beta1", "beta2", "data_init", "dataset", "epochs",
            "feature_loss", "generator_output", "hidden_noise", "init_images", "input_noise", "iterations_per_epoch",
            "labels", "learning_rate", "lr_decay_end", "lr_decay_start", "mode", "model", "sample_grid", "seed",
            "seed_data", "test_images", "train_images", "unlabeled_weight", "z_dim");

    /**
     * Keys that change no computation, only how a finished run is read (which D's error is its figure). They are
     * never hashed: two runs that differ only in them are one computation, trained once, in one directory.
     */
    public static final Set<String> NOT_HASHED = Set.of("reported_d");

    private SettingsCodec() {}

    /** Settings as an ordered map (keys sorted), values Integer, Double, Boolean or String. */
    public static Map<String, Object> toMap(Settings settings) {
        Map<String, Object> map = new TreeMap<>();
        for (SettingKey key : SettingKey.all()) {
            map.put(key.name(), configValue(read(key.component(), settings)));
        }
        return new LinkedHashMap<>(map);
    }

    /**
     * Settings from a config-form map, as read back from a results file. Integers are accepted for number
     * keys (JSON writes 1.0 as 1); {@code seed_data} null means "same as seed"; missing keys take their
     * defaults (a setting added later defaults to the behaviour older runs had).
     *
     * @throws IllegalArgumentException listing every unknown key and bad value
     */
    public static Settings fromMap(Map<String, ?> map) {
        Map<String, Object> typed = new LinkedHashMap<>();
        Defaults.values(modelOf(map)).forEach((k, v) -> typed.put(k, v.value()));
        List<String> problems = new ArrayList<>();
        map.forEach((name, raw) -> {
            var key = SettingKey.find(name);
            if (key.isEmpty()) {
                problems.add("unknown key '" + name + "'");
                return;
            }
            try {
                // a float as the decimal it prints as (1.0E-4f is 0.0001, not 9.9999997e-5)
                typed.put(name, key.get().convert(raw instanceof Float f ? (Object) Double.valueOf(f.toString()) : raw));
            } catch (IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid settings: " + String.join("; ", problems));
        }
        return build(typed);
    }

    /** The model a config-form map names, or the default model (a bad name is reported by the caller). */
    private static Settings.Model modelOf(Map<String, ?> map) {
        try {
            Object raw = map.get("model");
            return raw == null ? Defaults.defaultModel() : (Settings.Model) SettingKey.find("model").orElseThrow().convert(raw);
        } catch (IllegalArgumentException e) {
            return Defaults.defaultModel();
        }
    }

    /**
     * The canonical JSON hashed by {@link RunId}: keys sorted, no whitespace, enums lowercase, numbers as plain
     * decimals without trailing zeros (so 1, 1.0 and 1.00 agree, and 1e-8 is written 0.00000001); keys added after
     * {@link #FIRST_KEYS} are left out while at their defaults (those of the default model: what older runs did), and
     * {@link #NOT_HASHED} keys always.
     */
    public static String canonicalJson(Settings settings) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Defaults.values().forEach((k, v) -> defaults.put(k, configValue(v.value())));
        return canonicalJson(toMap(settings), defaults);
    }

    /** {@link #canonicalJson(Settings)} of config-form settings against config-form defaults. */
    public static String canonicalJson(Map<String, Object> settings, Map<String, Object> defaults) {
        Map<String, Object> map = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (NOT_HASHED.contains(k)) {
                return;
            }
            if (FIRST_KEYS.contains(k) || !v.equals(defaults.get(k))) {
                map.put(k, v instanceof Double d ? stableNumber(d) : v);
            }
        });
        try {
            return CANONICAL.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A double in a form that does not depend on how it was written (1.0 -> 1, 1e-4 -> 0.0001). */
    public static BigDecimal stableNumber(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros();
    }

    /** Config form of a typed value: enums become their lowercase names. */
    public static Object configValue(Object typed) {
        return typed instanceof Enum<?> e ? SettingKey.configName(e) : typed;
    }

    /** Builds Settings from typed values of every key; seed_data null resolves to seed. */
    public static Settings build(Map<String, Object> typed) {
        RecordComponent[] components = Settings.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = SettingKey.snakeCase(components[i].getName());
            Object value = typed.get(name);
            if (value == null && SettingKey.SEED_DATA.equals(name)) {
                value = typed.get("seed");
            }
            if (value == null) {
                throw new IllegalArgumentException("no value for " + name);
            }
            args[i] = value;
            types[i] = components[i].getType();
        }
        try {
            return Settings.class.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException
                 | NoSuchMethodException e) {
            throw new IllegalStateException("cannot construct Settings", e);
        }
    }

    private static Object read(RecordComponent component, Settings settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
