package ssgan.config;

import ssgan.config.ConfigNode.Field;
import ssgan.config.ConfigNode.MapNode;
import ssgan.config.ConfigNode.ScalarNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The defaults of every setting, read from the resource {@code ssgan/config/defaults.yaml}: the single place
 * where defaults are written down, and so the single source of the paper's setup. Keys every model shares are
 * under {@code common}; the rest come with the model, one block per model, each set to the paper's setup on that
 * model's dataset. A broken resource is a packaging bug, so it fails loudly.
 */
public final class Defaults {

    public static final String RESOURCE_NAME = "ssgan/config/defaults.yaml";
    private static final String COMMON = "common";
    private static final String MODELS = "models";

    /** The parsed resource: the common defaults and, per model, the defaults that come with it. */
    private record Resource(Map<String, Located> common, Map<Settings.Model, Map<String, Located>> models) {}

    private static volatile Resource cached;

    private Defaults() {}

    /** The defaults a run of this model starts from, as Settings (seed_data resolved to seed). */
    public static Settings of(Settings.Model model) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values(model).forEach((k, v) -> typed.put(k, v.value()));
        return SettingsCodec.build(typed);
    }

    /** The model whose defaults are the paper's setup on this dataset, if the paper used it. */
    public static Optional<Settings.Model> paperModel(String dataset) {
        return Arrays.stream(Settings.Model.values())
                .filter(model -> values(model).get("dataset").value().equals(dataset))
                .findFirst();
    }

    /** The model a run gets when nothing names one. */
    public static Settings.Model defaultModel() {
        return (Settings.Model) resource().common().get("model").value();
    }

    /** Every key in record-component order, with its typed default and its position in defaults.yaml. */
    public static Map<String, Located> values(Settings.Model model) {
        Resource r = resource();
        Map<String, Located> values = new LinkedHashMap<>();
        for (SettingKey key : SettingKey.all()) {
            Located common = r.common().get(key.name());
            values.put(key.name(), common != null ? common : r.models().get(model).get(key.name()));
        }
        values.put("model", new Located(model, r.common().get("model").origin())); // common names the default one
        return Collections.unmodifiableMap(values);
    }

    /** The defaults of the default model. */
    public static Map<String, Located> values() {
        return values(defaultModel());
    }

    /** Every key written in defaults.yaml, once, common keys first (for the completeness test). */
    static List<String> keysInResource() {
        Set<String> keys = new LinkedHashSet<>();
        MapNode root = readResource();
        for (Field section : root.fields().values()) {
            if (section.value() instanceof MapNode map) {
                if (section.name().equals(MODELS)) {
                    map.fields().values().stream().filter(b -> b.value() instanceof MapNode)
                            .forEach(b -> keys.addAll(((MapNode) b.value()).fields().keySet()));
                } else {
                    keys.addAll(map.fields().keySet());
                }
            }
        }
        return new ArrayList<>(keys);
    }

    private static Resource resource() {
        Resource r = cached;
        if (r == null) {
            r = load();
            cached = r;
        }
        return r;
    }

    private static Resource load() {
        MapNode root = readResource();
        List<String> problems = new ArrayList<>();
        for (String name : root.fields().keySet()) {
            if (!name.equals(COMMON) && !name.equals(MODELS)) {
                problems.add(name + ": expected only '" + COMMON + "' and '" + MODELS + "' at the top level");
            }
        }
        Map<String, Located> common = section(root, COMMON, COMMON, problems);
        Map<Settings.Model, Map<String, Located>> models = new EnumMap<>(Settings.Model.class);
        MapNode blocks = map(root, MODELS, problems);
        for (Settings.Model model : Settings.Model.values()) {
            String name = SettingKey.configName(model);
            if (blocks != null && !blocks.fields().containsKey(name)) {
                problems.add(MODELS + "." + name + ": missing (every model needs its block)");
            }
            models.put(model, blocks == null ? Map.of() : section(blocks, name, MODELS + "." + name, problems));
        }
        if (blocks != null) {
            for (String name : blocks.fields().keySet()) {
                if (Arrays.stream(Settings.Model.values()).map(SettingKey::configName).noneMatch(name::equals)) {
                    problems.add(MODELS + "." + name + ": not a model");
                }
            }
        }
        for (SettingKey key : SettingKey.all()) {
            long inModels = models.values().stream().filter(m -> m.containsKey(key.name())).count();
            if (common.containsKey(key.name()) && inModels > 0) {
                problems.add(key.name() + ": both in common and in a model block");
            } else if (!common.containsKey(key.name()) && inModels < models.size()) {
                problems.add(key.name() + ": " + (inModels == 0 ? "missing" : "missing from some model blocks"));
            }
        }
        if (!common.containsKey("model")) {
            problems.add("model: must be in common (it chooses the model block)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE_NAME + " is inconsistent with Settings: " + problems);
        }
        return new Resource(common, models);
    }

    /** One section's scalars, typed, with their positions; records unknown keys and bad values. */
    private static Map<String, Located> section(MapNode parent, String name, String path, List<String> problems) {
        MapNode map = map(parent, name, problems);
        Map<String, Located> values = new LinkedHashMap<>();
        if (map == null) {
            return values;
        }
        for (Field field : map.fields().values()) {
            String at = path + "." + field.name();
            Optional<SettingKey> key = SettingKey.find(field.name());
            if (key.isEmpty()) {
                problems.add(at + ": not a Settings component");
            } else if (!(field.value() instanceof ScalarNode scalar)) {
                problems.add(at + ": expected a scalar");
            } else {
                try {
                    values.put(field.name(), new Located(key.get().convert(scalar.value()),
                            Origin.of(RESOURCE_NAME, scalar.loc(), field.name())));
                } catch (IllegalArgumentException e) {
                    problems.add(at + ": " + e.getMessage());
                }
            }
        }
        return values;
    }

    private static MapNode map(MapNode parent, String name, List<String> problems) {
        Field field = parent.fields().get(name);
        if (field == null || !(field.value() instanceof MapNode map)) {
            problems.add(name + ": expected a map");
            return null;
        }
        return map;
    }

    private static MapNode readResource() {
        try (InputStream in = Defaults.class.getClassLoader().getResourceAsStream(RESOURCE_NAME)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE_NAME);
            }
            ConfigNode root = ConfigTreeReader.readYaml(new InputStreamReader(in, StandardCharsets.UTF_8),
                    RESOURCE_NAME);
            if (!(root instanceof MapNode map)) {
                throw new IllegalStateException(RESOURCE_NAME + " must be a map");
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
