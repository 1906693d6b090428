package ssgan.experiment;

import ssgan.config.ConfigNode.Field;
import ssgan.config.ConfigNode.ListNode;
import ssgan.config.ConfigNode.MapNode;
import ssgan.config.ConfigNode.ScalarNode;
import ssgan.config.ConfigNode;
import ssgan.config.Errors;
import ssgan.config.Located;
import ssgan.config.Origin;
import ssgan.config.RunId;
import ssgan.config.SettingKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the located tree of an experiment file into an {@link ExperimentDraft}, reporting structural and type
 * errors (unknown keys, wrong types, bad ranges, duplicates) without stopping at the first.
 */
final class ExperimentReader {

    static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");
    private static final List<String> TOP_LEVEL =
            List.of("experiment", "description", "settings", "sweep", "variants", "include", "exclude");

    private final String file;
    private final Errors errors;
    private final ExperimentDraft draft = new ExperimentDraft();

    private ExperimentReader(String file, Errors errors) {
        this.file = file;
        this.errors = errors;
    }

    static ExperimentDraft read(ConfigNode root, String file, String defaultName, Errors errors) {
        ExperimentReader reader = new ExperimentReader(file, errors);
        reader.draft.name = defaultName;
        reader.draft.nameOrigin = new Origin(file, 1, 1, "experiment");
        if (!(root instanceof MapNode map)) {
            errors.add(origin(file, root, ""), "expected a map with the keys " + String.join(", ", TOP_LEVEL)
                    + ", got " + ConfigNode.describe(root));
            return reader.draft;
        }
        reader.readTopLevel(map);
        return reader.draft;
    }

    private void readTopLevel(MapNode root) {
        Field settings = null;
        for (Field field : root.fields().values()) {
            switch (field.name()) {
                case "experiment" -> readName(field);
                case "description" -> string(field, field.name()).ifPresent(s -> draft.description = s);
                case "settings" -> settings = field;
                case "sweep" -> readSweep(field);
                case "variants" -> readVariants(field);
                case "include" -> readEntries(field, draft.includes);
                case "exclude" -> {
                    draft.excludeOrigin = keyOrigin(field, "exclude");
                    readEntries(field, draft.excludes);
                }
                default -> errors.add(keyOrigin(field, field.name()),
                        "unknown key" + Suggest.hint(field.name(), TOP_LEVEL)
                                + " (allowed: " + String.join(", ", TOP_LEVEL) + ")");
            }
        }
        if (settings != null) {
            readSettings(settings); // after the sweep, so a key set in both places can be reported
        }
    }

    private void readName(Field field) {
        string(field, "experiment").ifPresent(name -> {
            if (NAME.matcher(name).matches()) {
                draft.name = name;
                draft.nameOrigin = valueOrigin(field, "experiment");
            } else {
                errors.add(valueOrigin(field, "experiment"),
                        "expected a name of lowercase letters, digits, '_' and '-', got '" + name + "'");
            }
        });
    }

    private void readSettings(Field section) {
        MapNode map = map(section, "settings");
        if (map == null) {
            return;
        }
        for (Field field : map.fields().values()) {
            String path = "settings." + field.name();
            SettingKey key = settingKey(field, path);
            if (key == null) {
                continue;
            }
            ExperimentDraft.Axis axis = draft.axes.get(key.name());
            if (axis != null) {
                errors.add(keyOrigin(field, path), "'" + key.name() + "' is also a sweep axis (at "
                        + axis.keyOrigin().shortPosition() + "); set it in one place");
                continue;
            }
            scalarSetting(key, field, path).ifPresentOrElse(v -> draft.settings.put(key.name(), v),
                    () -> draft.broken.add(key.name()));
        }
    }

    private void readSweep(Field section) {
        MapNode map = map(section, "sweep");
        if (map == null) {
            return;
        }
        for (Field field : map.fields().values()) {
            String path = "sweep." + field.name();
            SettingKey key = settingKey(field, path);
            if (key == null) {
                continue;
            }
            List<Located> values = new ArrayList<>();
            boolean ok = true;
            if (field.value() instanceof ListNode list) {
                if (list.items().isEmpty()) {
                    errors.add(valueOrigin(field, path), "expected at least one value, got an empty list");
                    ok = false;
                }
                for (int i = 0; i < list.items().size(); i++) {
                    ConfigNode item = list.items().get(i);
                    Origin at = origin(file, item, path + "[" + i + "]");
                    if (item instanceof ScalarNode scalar) {
                        ok &= AxisValues.expand(key, scalar.value(), at, values, errors);
                    } else {
                        errors.add(at, "expected " + key.expected() + ", got " + ConfigNode.describe(item));
                        ok = false;
                    }
                }
            } else if (field.value() instanceof ScalarNode scalar) {
                ok = AxisValues.expand(key, scalar.value(), valueOrigin(field, path), values, errors);
            } else {
                errors.add(valueOrigin(field, path), "expected a list, a value or a range like 1..10, got a map");
                ok = false;
            }
            values = AxisValues.withoutDuplicates(values, errors);
            if (!ok) {
                draft.broken.add(key.name());
            }
            if (!values.isEmpty()) {
                draft.axes.put(key.name(), new ExperimentDraft.Axis(keyOrigin(field, path), values));
            }
        }
    }

    /**
     * variants: a map of names to partial settings maps ({@code name: {}} or {@code name:} for none). Whether a
     * variant's key clashes with a fixed setting or an axis is checked after the overrides, in the loader.
     */
    private void readVariants(Field section) {
        if (!(section.value() instanceof MapNode map)) {
            errors.add(valueOrigin(section, "variants"), "expected a map of variant names to settings maps, got "
                    + ConfigNode.describe(section.value()));
            return;
        }
        if (map.fields().isEmpty()) {
            errors.add(valueOrigin(section, "variants"), "expected at least one variant, got an empty map");
            return;
        }
        for (Field variant : map.fields().values()) {
            String path = "variants." + variant.name();
            if (!NAME.matcher(variant.name()).matches()) {
                errors.add(keyOrigin(variant, path), "expected a variant name of lowercase letters, digits, '_'"
                        + " and '-', got '" + variant.name() + "'");
                continue;
            }
            MapNode settings = map(variant, path);
            if (settings == null) {
                continue;
            }
            Map<String, Located> values = new LinkedHashMap<>();
            for (Field field : settings.fields().values()) {
                SettingKey key = settingKey(field, path + "." + field.name());
                if (key != null) {
                    scalarSetting(key, field, path + "." + field.name()).ifPresentOrElse(
                            v -> values.put(key.name(), v), () -> draft.broken.add(key.name()));
                }
            }
            draft.variants.put(variant.name(),
                    new ExperimentDraft.Variant(variant.name(), keyOrigin(variant, path), values));
        }
    }

    /** A setting's value converted to its key's type, or empty after reporting why it cannot be. */
    private Optional<Located> scalarSetting(SettingKey key, Field field, String path) {
        Origin at = valueOrigin(field, path);
        if (!(field.value() instanceof ScalarNode scalar)) {
            errors.add(at, "expected " + key.expected() + ", got " + ConfigNode.describe(field.value()));
            return Optional.empty();
        }
        try {
            return Optional.of(new Located(key.convert(scalar.value()), at));
        } catch (IllegalArgumentException e) {
            errors.add(at, e.getMessage());
            return Optional.empty();
        }
    }

    /** include/exclude: a list of maps of setting keys (or {@code variant}) to single values. */
    private void readEntries(Field section, List<ExperimentDraft.Entry> out) {
        String name = section.name();
        if (!(section.value() instanceof ListNode list)) {
            errors.add(valueOrigin(section, name),
                    "expected a list of maps, got " + ConfigNode.describe(section.value()));
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            ConfigNode item = list.items().get(i);
            String entryPath = name + "[" + i + "]";
            if (!(item instanceof MapNode map) || map.fields().isEmpty()) {
                errors.add(origin(file, item, entryPath),
                        "expected a non-empty map of setting keys to values, got " + ConfigNode.describe(item));
                continue;
            }
            Map<String, Located> values = new LinkedHashMap<>();
            boolean complete = true; // an entry with a bad key or value is dropped, or it would match too much
            for (Field field : map.fields().values()) {
                String path = entryPath + "." + field.name();
                if (field.name().equals(RunId.VARIANT)) {
                    // a name; whether such a variant exists is checked in the loader, after all sections are read
                    var variant = string(field, path);
                    variant.ifPresent(v -> values.put(RunId.VARIANT, new Located(v, valueOrigin(field, path))));
                    complete &= variant.isPresent();
                    continue;
                }
                SettingKey key = settingKey(field, path);
                if (key == null) {
                    complete = false;
                    continue;
                }
                Optional<Located> value = scalarSetting(key, field, path);
                value.ifPresent(v -> values.put(key.name(), v));
                complete &= value.isPresent();
            }
            if (complete) {
                out.add(new ExperimentDraft.Entry(origin(file, item, entryPath), values));
            }
        }
    }

    private SettingKey settingKey(Field field, String path) {
        var key = SettingKey.find(field.name());
        if (key.isEmpty() && field.name().equals(RunId.VARIANT)) {
            errors.add(keyOrigin(field, path), "not a setting: name variants in the top-level 'variants' section");
            return null;
        }
        if (key.isEmpty()) {
            errors.add(keyOrigin(field, path), "unknown setting" + Suggest.hint(field.name(), SettingKey.names()));
            return null;
        }
        return key.get();
    }

    private MapNode map(Field field, String path) {
        if (field.value() instanceof MapNode map) {
            return map;
        }
        if (field.value() instanceof ScalarNode s && s.value() == null) {
            return new MapNode(s.loc(), Map.of()); // "settings:" with nothing under it
        }
        errors.add(valueOrigin(field, path), "expected a map, got " + ConfigNode.describe(field.value()));
        return null;
    }

    private Optional<String> string(Field field, String path) {
        if (field.value() instanceof ScalarNode s && s.value() instanceof String text) {
            return Optional.of(text);
        }
        errors.add(valueOrigin(field, path), "expected a string, got " + ConfigNode.describe(field.value()));
        return Optional.empty();
    }

    private Origin keyOrigin(Field field, String path) {
        return Origin.of(file, field.keyLoc(), path);
    }

    private Origin valueOrigin(Field field, String path) {
        return origin(file, field.value(), path);
    }

    private static Origin origin(String file, ConfigNode node, String path) {
        return Origin.of(file, node.loc(), path);
    }
}
