package ssgan.paper;

import ssgan.config.Defaults;
import ssgan.config.SettingKey;
import ssgan.config.Settings;
import ssgan.config.SettingsCodec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the paper did per dataset: its epoch budget and its settings, against which a run's variant is named. Both
 * come from one place, {@link Defaults}: the paper's setup on a dataset is the defaults of the model the paper
 * used on it (defaults.yaml: mnist_mlp for MNIST, cifar_cnn for CIFAR-10, dropout included).
 */
public final class PaperProtocol {

    /** Keys that are axes of their own (dataset, labels, budget) or that only vary between seeds / outputs. */
    static final Set<String> NOT_A_VARIANT = Stream.concat(Stream.of("dataset", "labels", "epochs"),
            SettingKey.PER_RUN.stream()).collect(Collectors.toUnmodifiableSet());

    private PaperProtocol() {}

    /** Whether a key describes how a run trains (the epoch budget included), not which cell or seed it is. */
    public static boolean describesSetup(String key) {
        return key.equals("epochs") || !NOT_A_VARIANT.contains(key);
    }

    /** The paper's epochs: 300 for MNIST, 1200 for CIFAR-10 (spec sections 2.1 and 3.1). */
    public static int paperEpochs(String dataset) {
        return paperSettings(dataset).epochs();
    }

    /**
     * Settings of the paper's run for this dataset, config form (snake_case keys, lowercase enums); for a dataset
     * the paper did not use, the defaults of the default model.
     */
    public static Map<String, Object> setup(String dataset) {
        return new TreeMap<>(SettingsCodec.toMap(paperSettings(dataset)));
    }

    private static Settings paperSettings(String dataset) {
        return Defaults.of(Defaults.paperModel(normalise(dataset)).orElse(SettingsCodec.fromMap(Map.of()).model()));
    }

    /**
     * The settings (other than seeds, labels, dataset and epochs) where a run differs from the paper, as
     * "key=value" in key order, or "faithful" when there are none.
     */
    public static String variant(Settings settings) {
        List<String> differences = differences(settings).entrySet().stream()
                .map(e -> e.getKey() + "=" + text(e.getValue()))
                .toList();
        return differences.isEmpty() ? "faithful" : String.join(", ", differences);
    }

    /** The settings (other than seeds, labels, dataset and epochs) where a run differs from the paper, config form. */
    public static Map<String, Object> differences(Settings settings) {
        Map<String, Object> paper = setup(settings.dataset());
        Map<String, Object> out = new TreeMap<>();
        new TreeMap<>(SettingsCodec.toMap(settings)).forEach((key, value) -> {
            if (!NOT_A_VARIANT.contains(key) && !sameValue(value, paper.get(key))) {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * A run's variant: the name its experiment gave it ({@code variant} in config.yaml's cell), else the derived
     * {@link #variant}. A run named "faithful" that differs from the paper keeps its derived name, so the
     * reference of the ablation table is always the paper's setup.
     */
    public static String variantName(Object cell, Settings settings) {
        String derived = variant(settings);
        if (cell instanceof Map<?, ?> map && map.get("variant") instanceof String name && !name.isBlank()) {
            return name.equals("faithful") && !derived.equals("faithful") ? derived : name;
        }
        return derived;
    }

    /** Whether two config-form values (both from {@link SettingsCodec#toMap}, so of one type per key) agree. */
    public static boolean sameValue(Object a, Object b) {
        return Objects.equals(a, b);
    }

    /** A config-form value as a variant name shows it: 0.0001, not 1.0E-4. */
    static String text(Object value) {
        return value instanceof Double d ? SettingsCodec.stableNumber(d).toPlainString() : String.valueOf(value);
    }

    private static String normalise(String dataset) {
        return dataset == null ? "" : dataset.toLowerCase(Locale.ROOT).replace("-", "");
    }
}
