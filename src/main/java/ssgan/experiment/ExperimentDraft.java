package ssgan.experiment;

import ssgan.config.Located;
import ssgan.config.Origin;
import ssgan.config.RunId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An experiment file after reading and type conversion, before overrides and expansion. */
final class ExperimentDraft {

    /** A swept key and its values in written order. */
    record Axis(Origin keyOrigin, List<Located> values) {}

    /** One include or exclude entry: key to value ({@link RunId#VARIANT} maps to a variant name). */
    record Entry(Origin origin, Map<String, Located> values) {}

    /**
     * A named variant: a partial settings map layered over {@code settings}.
     *
     * @param origin   where its name was written
     * @param settings the keys it sets (none may also be a fixed setting or a sweep axis)
     */
    record Variant(String name, Origin origin, Map<String, Located> settings) {}

    String name;
    Origin nameOrigin;
    String description = "";
    final Map<String, Located> settings = new LinkedHashMap<>();
    final Map<String, Axis> axes = new LinkedHashMap<>();
    final List<Entry> includes = new ArrayList<>();
    final List<Entry> excludes = new ArrayList<>();
    Origin excludeOrigin;
    /** Named variants in file order; empty when the file has no {@code variants} section. */
    final Map<String, Variant> variants = new LinkedHashMap<>();
    /** The variants an override {@code variant=a,b} selected, in file order; null = all. */
    List<String> selectedVariants;

    /**
     * Keys with a value that could not be converted. Rules that read them are skipped, so one typo does not
     * also produce errors about the default that stood in for it.
     */
    final Set<String> broken = new HashSet<>();

    /** The variants that enter the product: all, or those an override selected. */
    List<Variant> activeVariants() {
        return variants.values().stream()
                .filter(v -> selectedVariants == null || selectedVariants.contains(v.name())).toList();
    }

    /** Makes {@code key} a fixed setting (an override {@code key=value} of a key that is not an axis). */
    void setFixed(String key, Located value) {
        settings.put(key, value);
    }

    /** Makes {@code key} an axis, replacing an axis of that name in place, or appending a new one. */
    void setAxis(String key, Axis axis) {
        settings.remove(key);
        axes.put(key, axis); // a LinkedHashMap keeps the position of a replaced key
    }
}
