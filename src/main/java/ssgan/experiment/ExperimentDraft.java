package ssgan.experiment;

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

    /** One include or exclude entry: key to value. */
    record Entry(Origin origin, Map<String, Located> values) {}

    String name;
    Origin nameOrigin;
    String description = "";
    final Map<String, Located> settings = new LinkedHashMap<>();
    final Map<String, Axis> axes = new LinkedHashMap<>();
    final List<Entry> includes = new ArrayList<>();
    final List<Entry> excludes = new ArrayList<>();
    Origin excludeOrigin;

    /**
     * Keys with a value that could not be converted. Rules that read them are skipped, so one typo does not
     * also produce errors about the default that stood in for it.
     */
    final Set<String> broken = new HashSet<>();

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
