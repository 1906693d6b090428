package ssgan.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ssgan.experiment.ConfigNode.Field;
import ssgan.experiment.ConfigNode.MapNode;
import ssgan.experiment.ConfigNode.ScalarNode;

/**
 * The defaults of every setting, read from the resource {@code ssgan/experiment/defaults.yaml}: the single
 * place where defaults are written down. A broken resource is a packaging bug, so it fails loudly.
 */
final class Defaults {

    static final String RESOURCE_NAME = "ssgan/experiment/defaults.yaml";

    private static volatile Map<String, Located> cached;

    private Defaults() {}

    /** Every key in record-component order, with its typed default and its position in defaults.yaml. */
    static Map<String, Located> values() {
        Map<String, Located> result = cached;
        if (result == null) {
            result = Collections.unmodifiableMap(load());
            cached = result;
        }
        return result;
    }

    /** The raw keys written in defaults.yaml, in file order (for the completeness test). */
    static List<String> keysInResource() {
        return new ArrayList<>(readResource().fields().keySet());
    }

    private static Map<String, Located> load() {
        MapNode root = readResource();
        List<String> problems = new ArrayList<>();
        Map<String, Located> values = new LinkedHashMap<>();
        for (SettingKey key : SettingKey.all()) {
            Field field = root.fields().get(key.name());
            if (field == null) {
                problems.add(key.name() + ": missing");
                continue;
            }
            if (!(field.value() instanceof ScalarNode scalar)) {
                problems.add(key.name() + ": expected a scalar");
                continue;
            }
            try {
                values.put(key.name(), new Located(key.convert(scalar.value()),
                        Origin.of(RESOURCE_NAME, scalar.loc(), key.name())));
            } catch (IllegalArgumentException e) {
                problems.add(key.name() + ": " + e.getMessage());
            }
        }
        for (String name : root.fields().keySet()) {
            if (SettingKey.find(name).isEmpty()) {
                problems.add(name + ": not a Settings component");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE_NAME + " is inconsistent with Settings: " + problems);
        }
        return values;
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
