package ssgan.experiment;

import ssgan.config.ConfigError;
import ssgan.config.Errors;
import ssgan.config.Located;
import ssgan.config.Origin;
import ssgan.config.RunId;
import ssgan.config.SettingKey;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hydra-style overrides from the command line: {@code key=value} sets a fixed setting (or narrows an existing
 * axis to that one value), {@code key=a,b,c} and {@code key=1..3} make or replace an axis. Values are typed like
 * YAML scalars ({@code 0.001} is a number, {@code true} a boolean, {@code null} null, the rest strings).
 * Errors name {@link ConfigError#COMMAND_LINE}, the 1-based argument position and the column inside it.
 */
final class Overrides {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private Overrides() {}

    static void apply(List<String> arguments, ExperimentDraft draft, Errors errors) {
        for (int i = 0; i < arguments.size(); i++) {
            apply(arguments.get(i), i + 1, draft, errors);
        }
    }

    private static void apply(String argument, int position, ExperimentDraft draft, Errors errors) {
        int eq = argument.indexOf('=');
        if (eq <= 0) {
            errors.add(new Origin(ConfigError.COMMAND_LINE, position, 1, argument),
                    "expected key=value, key=a,b,c or key=1..3");
            return;
        }
        String name = argument.substring(0, eq).trim();
        if (name.equals(RunId.VARIANT)) {
            selectVariants(argument.substring(eq + 1), eq + 2, position, draft, errors);
            return;
        }
        var key = SettingKey.find(name);
        if (key.isEmpty()) {
            errors.add(new Origin(ConfigError.COMMAND_LINE, position, 1, name),
                    "unknown setting" + Suggest.hint(name, SettingKey.names()));
            return;
        }
        String text = argument.substring(eq + 1);
        boolean isAxis = text.contains(",") || text.contains("..") || draft.axes.containsKey(name);
        List<Located> values = new ArrayList<>();
        boolean ok = true;
        int start = 0;
        String[] items = text.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            String itemKey = items.length > 1 ? name + "[" + i + "]" : name;
            Origin at = new Origin(ConfigError.COMMAND_LINE, position, eq + 2 + start, itemKey);
            start += item.length() + 1;
            ok &= AxisValues.expand(key.get(), scalar(item.trim()), at, values, errors);
        }
        values = AxisValues.withoutDuplicates(values, errors);
        draft.broken.remove(name); // the override replaces whatever the file had for this key
        if (!ok) {
            draft.broken.add(name);
        }
        if (values.isEmpty()) {
            return;
        }
        if (isAxis) {
            Origin keyOrigin = new Origin(ConfigError.COMMAND_LINE, position, 1, name);
            draft.setAxis(name, new ExperimentDraft.Axis(keyOrigin, values));
        } else {
            draft.setFixed(name, values.get(0));
        }
    }

    /**
     * {@code variant=a,b}: keeps only the named variants (in file order). Unknown names are errors, so a typo
     * cannot silently select nothing.
     */
    private static void selectVariants(String text, int column, int position, ExperimentDraft draft,
                                       Errors errors) {
        String key = RunId.VARIANT;
        if (draft.variants.isEmpty()) {
            errors.add(new Origin(ConfigError.COMMAND_LINE, position, 1, key),
                    "this experiment has no 'variants' section to select from");
            return;
        }
        List<String> selected = new ArrayList<>();
        String[] items = text.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            String name = items[i].trim();
            Origin at = new Origin(ConfigError.COMMAND_LINE, position, column,
                    items.length > 1 ? key + "[" + i + "]" : key);
            column += items[i].length() + 1;
            if (!draft.variants.containsKey(name)) {
                errors.add(at, "unknown variant '" + name + "'" + Suggest.hint(name, draft.variants.keySet())
                        + " (variants: " + String.join(", ", draft.variants.keySet()) + ")");
            } else if (selected.contains(name)) {
                errors.add(at, "duplicate variant '" + name + "'");
            } else {
                selected.add(name);
            }
        }
        if (!selected.isEmpty()) {
            draft.selectedVariants = List.copyOf(selected);
        }
    }

    /** Types a command-line value like a YAML plain scalar would be typed. */
    static Object scalar(String text) {
        if (text.equals("null") || text.equals("~")) {
            return null;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        if (INTEGER.matcher(text).matches()) {
            BigInteger big = new BigInteger(text);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (NUMBER.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (text.length() >= 2 && (text.startsWith("'") && text.endsWith("'")
                || text.startsWith("\"") && text.endsWith("\""))) {
            return text.substring(1, text.length() - 1); // quoted: a string even if it looks like a number
        }
        return text;
    }
}
