package ssgan.stats;

import ssgan.experiment.Defaults;
import ssgan.experiment.Settings;
import ssgan.experiment.SettingsCodec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the paper did per dataset: its epoch budget and its settings, against which a run's variant is named. Both
 * come from one place, {@link Defaults}: the paper's setup on a dataset is the defaults of the model the paper
 * used on it (defaults.yaml: mnist_mlp for MNIST, cifar_cnn for CIFAR-10, dropout included).
 */
public final class PaperProtocol {

    /** Keys that are axes of their own (dataset, labels, budget) or that only vary between seeds / outputs. */
    static final Set<String> NOT_A_VARIANT = Set.of("dataset", "labels", "seed", "seed_data", "epochs",
            "sample_grid");

    private PaperProtocol() {}

    /** Whether a key describes how a run trains (the epoch budget included), not which cell or seed it is. */
    public static boolean describesSetup(String key) {
        return key.equals("epochs") || !NOT_A_VARIANT.contains(key);
    }

    /** The paper's epochs: 300 for MNIST, 1200 for CIFAR-10 (spec sections 2.1 and 3.1). */
    public static int paperEpochs(String dataset) {
        return ((Number) setup(dataset).get("epochs")).intValue();
    }

    /**
     * Settings of the paper's run for this dataset, config form (snake_case keys, lowercase enums); for a dataset
     * the paper did not use, the defaults of the default model.
     */
    public static Map<String, Object> setup(String dataset) {
        Settings paper = Defaults.of(Defaults.paperModel(normalise(dataset))
                .orElse(SettingsCodec.fromMap(Map.of()).model()));
        return new TreeMap<>(SettingsCodec.toMap(paper));
    }

    /**
     * The settings (other than seeds, labels, dataset and epochs) where a run differs from the paper, as
     * "key=value" in key order, or "faithful" when there are none.
     */
    public static String variant(Map<String, ?> settings) {
        String dataset = String.valueOf(settings.get("dataset"));
        Map<String, Object> paper = setup(dataset);
        List<String> differences = new TreeMap<>(settings).entrySet().stream()
                .filter(e -> !NOT_A_VARIANT.contains(e.getKey()))
                .filter(e -> !same(e.getValue(), paper.get(e.getKey())))
                .map(e -> e.getKey() + "=" + text(e.getValue()))
                .toList();
        return differences.isEmpty() ? "faithful" : String.join(", ", differences);
    }

    /**
     * A run's variant: the name its experiment gave it ({@code variant} in config.yaml's cell), else the derived
     * {@link #variant}. A run named "faithful" that differs from the paper keeps its derived name, so the
     * reference of the ablation table is always the paper's setup.
     */
    public static String variantName(Object cell, Map<String, ?> settings) {
        String derived = variant(settings);
        if (cell instanceof Map<?, ?> map && map.get("variant") instanceof String name && !name.isBlank()) {
            return name.equals("faithful") && !derived.equals("faithful") ? derived : name;
        }
        return derived;
    }

    /** Whether a setting's value equals the paper's: numbers by value, everything else by text. */
    public static boolean sameValue(Object a, Object b) {
        return same(a, b);
    }

    /** YAML may give 1 or 1.0 or 1.0E-4: compare numbers by value, everything else by text. */
    static boolean same(Object a, Object b) {
        return text(a).equals(text(b));
    }

    static String text(Object value) {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value).toLowerCase(Locale.ROOT);
    }

    private static String normalise(String dataset) {
        return dataset == null ? "" : dataset.toLowerCase(Locale.ROOT).replace("-", "");
    }
}
