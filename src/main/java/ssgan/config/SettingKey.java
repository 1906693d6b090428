package ssgan.config;

import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One configuration key, derived by reflection from a {@link Settings} record component (so adding a setting
 * means adding a component and its default in defaults.yaml, under common or in every model block, nothing else:
 * run ids recorded before it stay as they were while it is at its default, see {@link SettingsCodec#FIRST_KEYS}).
 * Converts parsed scalars to the component's Java type, strictly: a float is not an integer, a quoted "100" is not
 * a number.
 */
public record SettingKey(String name, RecordComponent component) {

    /** The one key whose config value may be null: {@code seed_data: null} means "same as seed". */
    public static final String SEED_DATA = "seed_data";

    /** Keys that may differ between the runs of one cell: its seeds and the size of the sample grid. */
    public static final Set<String> PER_RUN = Set.of("seed", SEED_DATA, "sample_grid");

    private static final Map<String, SettingKey> BY_NAME = Collections.unmodifiableMap(
            Arrays.stream(Settings.class.getRecordComponents())
                    .map(c -> new SettingKey(snakeCase(c.getName()), c))
                    .collect(Collectors.toMap(SettingKey::name, k -> k, (a, b) -> a, LinkedHashMap::new)));

    /** All keys in record-component order. */
    public static List<SettingKey> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<SettingKey> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    public Class<?> type() {
        return component.getType();
    }

    boolean nullable() {
        return SEED_DATA.equals(name);
    }

    /** What a value of this key must look like, for messages. */
    public String expected() {
        Class<?> t = type();
        if (nullable()) {
            return "an integer or null (same as seed)";
        }
        if (t == int.class) {
            return "an integer";
        }
        if (t == double.class) {
            return "a number";
        }
        if (t == boolean.class) {
            return "true or false";
        }
        if (t.isEnum()) {
            return "one of " + String.join(", ", enumNames(t));
        }
        return "a string";
    }

    /**
     * Converts a parsed scalar (Integer, Long, BigInteger, Double, Boolean, String or null) to this key's type.
     *
     * @throws IllegalArgumentException with an "expected ..., got ..." message
     */
    public Object convert(Object raw) {
        Class<?> t = type();
        if (raw == null) {
            if (nullable()) {
                return null;
            }
            throw mismatch(raw);
        }
        if (t == int.class) {
            if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger) {
                BigInteger big = new BigInteger(raw.toString());
                if (big.bitLength() >= 32) {
                    throw new IllegalArgumentException("expected an integer that fits in 32 bits, got " + raw);
                }
                return big.intValue();
            }
            throw mismatch(raw);
        }
        if (t == double.class) {
            if (raw instanceof Number n && !(raw instanceof Boolean)) {
                double d = n.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("expected a finite number, got " + raw);
                }
                return d;
            }
            throw mismatch(raw);
        }
        if (t == boolean.class) {
            if (raw instanceof Boolean) {
                return raw;
            }
            throw mismatch(raw);
        }
        if (!(raw instanceof String s)) {
            throw mismatch(raw);
        }
        if (t.isEnum()) {
            for (Object constant : t.getEnumConstants()) {
                if (configName((Enum<?>) constant).equals(s)) {
                    return constant;
                }
            }
            throw mismatch(raw);
        }
        return s;
    }

    private IllegalArgumentException mismatch(Object raw) {
        String hint = raw instanceof String s && s.contains("..") && type() == int.class
                ? " (ranges are only allowed as sweep values)" : "";
        return new IllegalArgumentException(
                "expected " + expected() + ", got " + ConfigNode.describeScalar(raw) + hint);
    }

    /** The config spelling of an enum constant: lowercase snake ({@code MNIST_MLP -> mnist_mlp}). */
    static String configName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> enumNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> configName((Enum<?>) c)).toList();
    }
}
