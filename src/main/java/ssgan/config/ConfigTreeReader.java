package ssgan.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import ssgan.config.ConfigNode.Field;
import ssgan.config.ConfigNode.ListNode;
import ssgan.config.ConfigNode.Loc;
import ssgan.config.ConfigNode.MapNode;
import ssgan.config.ConfigNode.ScalarNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a {@link ConfigNode} tree from Jackson's streaming parser, keeping each token's location. YAML and
 * JSON go through the same code, so both formats give the same tree.
 */
public final class ConfigTreeReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private ConfigTreeReader() {}

    /** Reads a .yaml/.yml/.json file; syntax errors are fatal (the rest of the tree is unknown). */
    public static ConfigNode read(Path file, String displayName) throws ConfigException {
        JsonFactory factory = factoryFor(file.getFileName().toString());
        if (factory == null) {
            throw fatal(displayName, new Loc(1, 1), "expected a .yaml, .yml or .json file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw fatal(displayName, new Loc(1, 1), "cannot read the file: " + e);
        }
        return read(new StringReader(text), factory, displayName);
    }

    /** Reads YAML text (used for the bundled defaults and the paper tables). */
    static ConfigNode readYaml(Reader reader, String displayName) throws ConfigException {
        return read(reader, YAML, displayName);
    }

    static JsonFactory factoryFor(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        return lower.endsWith(".json") ? JSON : null;
    }

    private static ConfigNode read(Reader reader, JsonFactory factory, String displayName) throws ConfigException {
        Errors errors = new Errors();
        try (JsonParser parser = factory.createParser(reader)) {
            if (parser.nextToken() == null) {
                throw fatal(displayName, new Loc(1, 1), "the file is empty");
            }
            ConfigNode root = readValue(parser, displayName, "", errors);
            errors.throwIfAny();
            return root;
        } catch (JsonProcessingException e) {
            throw fatal(displayName, locOf(e.getLocation()), "syntax error: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw fatal(displayName, new Loc(1, 1), "cannot read the file: " + e);
        }
    }

    private static ConfigNode readValue(JsonParser p, String file, String path, Errors errors) throws IOException {
        Loc loc = locOf(p.currentTokenLocation());
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Field> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Loc keyLoc = locOf(p.currentTokenLocation());
                    p.nextToken();
                    String child = path.isEmpty() ? name : path + "." + name;
                    ConfigNode value = readValue(p, file, child, errors);
                    Field previous = fields.putIfAbsent(name, new Field(name, keyLoc, value));
                    if (previous != null) {
                        errors.add(new ConfigError(file, keyLoc.line(), keyLoc.column(), child,
                                "duplicate key (first at line " + previous.keyLoc().line() + ")"));
                    }
                }
                return new MapNode(loc, fields);
            }
            case START_ARRAY -> {
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, file, path + "[" + items.size() + "]", errors));
                }
                return new ListNode(loc, items);
            }
            case VALUE_NUMBER_INT -> {
                return new ScalarNode(loc, p.getNumberValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ScalarNode(loc, p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ScalarNode(loc, p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return new ScalarNode(loc, null);
            }
            case VALUE_STRING -> {
                return new ScalarNode(loc, p.getText());
            }
            default -> {
                // Binary/embedded objects (e.g. YAML !!binary) have no meaning in a configuration.
                return new ScalarNode(loc, p.getText());
            }
        }
    }

    private static Loc locOf(JsonLocation location) {
        if (location == null) {
            return new Loc(1, 1);
        }
        return new Loc(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed input";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    private static ConfigException fatal(String file, Loc loc, String message) {
        return new ConfigException(List.of(new ConfigError(file, loc.line(), loc.column(), "", message)));
    }
}
