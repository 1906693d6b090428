package ssgan.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and validates a dataset.yaml. Validation is by hand (not data binding) so that every error names the
 * file and the field in words a user can act on.
 */
final class SpecParser {
    static final Set<String> FORMATS = Set.of("idx", "cifar-binary");
    static final List<String> IDX_ROLES = List.of("train_images", "train_labels", "test_images", "test_labels");
    static final List<String> CIFAR_ROLES = List.of("archive");

    private static final Set<String> KEYS = Set.of("name", "format", "classes", "shape", "train_size", "test_size",
            "pixel_offset", "pixel_scale", "files", "mirrors", "unit", "sample_diversity", "unavailable", "description",
            "source", "license");
    private static final Set<String> FILE_KEYS = Set.of("name", "sha256", "md5");

    private final Path file;

    private SpecParser(Path file) {
        this.file = file;
    }

    /** Parses {@code file}; {@code expectedName} (the directory name) must match its {@code name}. */
    static DatasetSpec parse(Path file, String expectedName) {
        return new SpecParser(file).parse(expectedName);
    }

    private DatasetSpec parse(String expectedName) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw fail("is not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw fail("must be a YAML mapping of dataset fields");
        }
        checkKeys(root, KEYS, "");

        String name = text(root, "name");
        if (expectedName != null && !name.equals(expectedName)) {
            throw fail("field 'name' is '" + name + "' but the directory is '" + expectedName + "'");
        }
        String format = text(root, "format");
        if (!FORMATS.contains(format)) {
            throw fail("field 'format': unknown format '" + format + "' (known: idx, cifar-binary)");
        }
        int classes = positiveInt(root, "classes");
        List<Integer> shape = shape(root);
        int trainSize = positiveInt(root, "train_size");
        int testSize = positiveInt(root, "test_size");
        double offset = number(root, "pixel_offset");
        double scale = number(root, "pixel_scale");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw fail("field 'pixel_scale' must be a positive number, found " + scale);
        }
        Map<String, DatasetSpec.FileSpec> files = files(root, format.equals("idx") ? IDX_ROLES : CIFAR_ROLES);
        List<String> mirrors = mirrors(root);
        return new DatasetSpec(name, format, classes, List.copyOf(shape), trainSize, testSize, offset, scale,
                files, mirrors, file.getParent(), reporting(root));
    }

    private DatasetSpec.Reporting reporting(JsonNode root) {
        String unitName = text(root, "unit");
        ErrorUnit unit = ErrorUnit.named(unitName).orElseThrow(() -> fail("field 'unit': unknown unit '" + unitName
                + "' (known: " + String.join(", ", ErrorUnit.names()) + ")"));
        OptionalDouble diversity = OptionalDouble.empty();
        JsonNode d = root.get("sample_diversity");
        if (d != null && !d.isNull()) {
            if (!d.isNumber() || !(d.doubleValue() > 0) || Double.isInfinite(d.doubleValue())) {
                throw fail("field 'sample_diversity' must be a positive number (the real images' mean pairwise"
                        + " distance), found " + d);
            }
            diversity = OptionalDouble.of(d.doubleValue());
        }
        Optional<String> unavailable = root.hasNonNull("unavailable")
                ? Optional.of(text(root, "unavailable")) : Optional.empty();
        return new DatasetSpec.Reporting(unit, diversity, unavailable);
    }

    private List<Integer> shape(JsonNode root) {
        JsonNode node = required(root, "shape");
        if (!node.isArray() || node.isEmpty()) {
            throw fail("field 'shape' must be a list of dimensions, channels first (e.g. [1, 28, 28])");
        }
        List<Integer> shape = new ArrayList<>();
        for (JsonNode d : node) {
            if (!d.isInt() || d.intValue() <= 0) {
                throw fail("field 'shape' must hold positive integers, found " + node);
            }
            shape.add(d.intValue());
        }
        return shape;
    }

    private Map<String, DatasetSpec.FileSpec> files(JsonNode root, List<String> roles) {
        JsonNode node = required(root, "files");
        if (!node.isObject()) {
            throw fail("field 'files' must map roles " + roles + " to {name, sha256, md5}");
        }
        checkKeys(node, Set.copyOf(roles), "files.");
        Map<String, DatasetSpec.FileSpec> files = new LinkedHashMap<>();
        for (String role : roles) {
            String where = "files." + role;
            JsonNode f = node.get(role);
            if (f == null || !f.isObject()) {
                throw fail("missing field '" + where + "' (a mapping with name and sha256/md5)");
            }
            checkKeys(f, FILE_KEYS, where + ".");
            String fileName = text(f, "name", where + ".name");
            if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
                throw fail("field '" + where + ".name' must be a plain file name, found '" + fileName + "'");
            }
            files.put(role, new DatasetSpec.FileSpec(fileName, hash(f, "sha256", 64, where),
                    hash(f, "md5", 32, where)));
        }
        return Map.copyOf(files);
    }

    private List<String> mirrors(JsonNode root) {
        JsonNode node = root.get("mirrors");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw fail("field 'mirrors' must be a list of base URLs");
        }
        List<String> mirrors = new ArrayList<>();
        for (JsonNode m : node) {
            String url = m.isTextual() ? m.textValue() : "";
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw fail("field 'mirrors' must hold http(s) base URLs, found " + m);
            }
            mirrors.add(url.endsWith("/") ? url : url + "/");
        }
        return List.copyOf(mirrors);
    }

    private String hash(JsonNode f, String key, int hexLength, String where) {
        JsonNode node = f.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.isTextual() ? node.textValue().toLowerCase() : "";
        if (!value.matches("[0-9a-f]{" + hexLength + "}")) {
            throw fail("field '" + where + "." + key + "' must be " + hexLength + " hex digits or null, found "
                    + node);
        }
        return value;
    }

    private void checkKeys(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw fail("unknown field '" + prefix + key + "' (allowed: " + new TreeSet<>(allowed)
                        + ")");
            }
        }
    }

    private JsonNode required(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw fail("missing field '" + key + "'");
        }
        return value;
    }

    private String text(JsonNode node, String key) {
        return text(node, key, key);
    }

    private String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw fail("missing field '" + where + "'");
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw fail("field '" + where + "' must be a non-empty string, found " + value);
        }
        return value.textValue();
    }

    private int positiveInt(JsonNode node, String key) {
        JsonNode value = required(node, key);
        if (!value.isInt() || value.intValue() <= 0) {
            throw fail("field '" + key + "' must be a positive integer, found " + value);
        }
        return value.intValue();
    }

    private double number(JsonNode node, String key) {
        JsonNode value = required(node, key);
        if (!value.isNumber()) {
            throw fail("field '" + key + "' must be a number, found " + value);
        }
        return value.doubleValue();
    }

    private DataException fail(String what) {
        return new DataException("dataset spec " + file + ": " + what);
    }
}
