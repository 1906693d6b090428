package ssgan.experiment;

import ssgan.config.ConfigError;
import ssgan.config.ConfigException;
import ssgan.config.ConfigNode;
import ssgan.config.ConfigTreeReader;
import ssgan.config.Defaults;
import ssgan.config.Errors;
import ssgan.config.Located;
import ssgan.config.Origin;
import ssgan.config.RunId;
import ssgan.config.SettingKey;
import ssgan.config.Settings;
import ssgan.config.SettingsCodec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an experiment file (YAML or JSON), applies command-line overrides, validates everything and expands
 * the sweep into runs. All problems are collected and thrown together as one {@link ConfigException}.
 *
 * <p>Run order: the cartesian product of the named variants (outermost, file order) and the sweep axes (first
 * axis outermost, values in written order) minus the cells matching an {@code exclude} entry, then the
 * {@code include} entries in file order (excludes do not apply to includes: an include is an explicit request).
 * Each cell resolves as defaults, then {@code settings}, then its variant's settings, then the cell's values. A
 * variant may not set a key that is also a fixed setting or an axis: which one should win would be a guess, so
 * that is an error. The schema is described in {@code experiments/README.md}.
 */
public final class ExperimentLoader {

    private ExperimentLoader() {}

    /** Same as {@link #load(Path, List, DatasetLookup)} without overrides. */
    public static Plan load(Path file, DatasetLookup datasets) throws ConfigException {
        return load(file, List.of(), datasets);
    }

    /**
     * Loads, validates and expands an experiment.
     *
     * @param file      an experiment file (.yaml, .yml or .json); errors name it as given
     * @param overrides command-line overrides ({@code key=value}, {@code key=a,b}, {@code key=1..3}); errors
     *                  name their 1-based position in this list
     * @param datasets  finds dataset declarations (class count, split sizes)
     * @throws ConfigException with every problem found
     */
    public static Plan load(Path file, List<String> overrides, DatasetLookup datasets) throws ConfigException {
        String display = file.toString();
        ConfigNode root = ConfigTreeReader.read(file, display);
        Errors errors = new Errors();
        ExperimentDraft draft = ExperimentReader.read(root, display, defaultName(file), errors);
        if (!ExperimentReader.NAME.matcher(draft.name).matches()) {
            errors.add(draft.nameOrigin, "no 'experiment:' given and the file name '" + draft.name
                    + "' is not a valid name (lowercase letters, digits, '_' and '-')");
        }
        Overrides.apply(overrides, draft, errors);
        checkVariantKeys(draft, errors);
        checkExcludeKeys(draft, errors);
        checkIncludeVariants(draft, errors);
        List<RunSpec> runs = expand(draft, datasets, errors);
        errors.throwIfAny();
        return new Plan(draft.name, file, runs);
    }

    private static String defaultName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * A variant key that is also a fixed setting or an axis is rejected where the variant sets it, or at the
     * override that made the clash.
     */
    private static void checkVariantKeys(ExperimentDraft draft, Errors errors) {
        for (ExperimentDraft.Variant variant : draft.variants.values()) {
            variant.settings().forEach((key, value) -> {
                Located fixed = draft.settings.get(key);
                ExperimentDraft.Axis axis = draft.axes.get(key);
                Origin other = fixed != null ? fixed.origin() : axis != null ? axis.keyOrigin() : null;
                if (other == null) {
                    return;
                }
                String what = fixed != null ? "a fixed setting" : "a sweep axis";
                if (ConfigError.COMMAND_LINE.equals(other.file())) {
                    errors.add(other, "'" + key + "' is set by variant '" + variant.name() + "' (at "
                            + value.origin().shortPosition() + "); select variants with variant=... instead");
                } else {
                    errors.add(value.origin(), "'" + key + "' is also " + what + " (at " + other.shortPosition()
                            + "); a variant may only set keys that are neither");
                }
            });
        }
    }

    /** An exclude or include naming a variant must name one of the file's variants. */
    private static boolean knownVariant(ExperimentDraft draft, Located name, Errors errors) {
        if (draft.variants.isEmpty()) {
            errors.add(name.origin(), "this experiment has no 'variants' section");
            return false;
        }
        if (!draft.variants.containsKey((String) name.value())) {
            errors.add(name.origin(), "unknown variant '" + name.value() + "'"
                    + Suggest.hint((String) name.value(), draft.variants.keySet())
                    + " (variants: " + String.join(", ", draft.variants.keySet()) + ")");
            return false;
        }
        return true;
    }

    /** With variants, an include must say which one it extends; without, it may not name one. */
    private static void checkIncludeVariants(ExperimentDraft draft, Errors errors) {
        for (ExperimentDraft.Entry include : draft.includes) {
            Located name = include.values().get(RunId.VARIANT);
            if (name != null) {
                knownVariant(draft, name, errors);
            } else if (!draft.variants.isEmpty()) {
                errors.add(include.origin(), "expected a 'variant' key naming one of "
                        + String.join(", ", draft.variants.keySet()));
            }
        }
    }

    /** An exclude can only match swept values; anything else is a typo or a leftover. */
    private static void checkExcludeKeys(ExperimentDraft draft, Errors errors) {
        for (ExperimentDraft.Entry entry : draft.excludes) {
            entry.values().forEach((key, value) -> {
                if (key.equals(RunId.VARIANT)) {
                    knownVariant(draft, value, errors);
                } else if (!draft.axes.containsKey(key) && !draft.broken.contains(key)) { // broken: reported already
                    errors.add(value.origin(), "'" + key + "' is not a sweep axis (axes: "
                            + String.join(", ", draft.axes.keySet()) + ")");
                }
            });
        }
    }

    private static List<RunSpec> expand(ExperimentDraft draft, DatasetLookup datasets, Errors errors) {
        List<Map<String, Located>> cells = new ArrayList<>();
        List<Map.Entry<String, ExperimentDraft.Axis>> axes = new ArrayList<>();
        if (!draft.variants.isEmpty()) { // the variants are the outermost axis
            List<Located> names = draft.activeVariants().stream()
                    .map(v -> new Located(v.name(), v.origin())).toList();
            axes.add(Map.entry(RunId.VARIANT, new ExperimentDraft.Axis(null, names)));
        }
        axes.addAll(draft.axes.entrySet());
        for (Map<String, Located> cell : product(axes, 0)) {
            if (draft.excludes.stream().noneMatch(exclude -> matches(exclude, cell))) {
                cells.add(cell);
            }
        }
        List<Origin> cellOrigins = new ArrayList<>(Collections.nCopies(cells.size(), null));
        for (ExperimentDraft.Entry include : draft.includes) {
            cells.add(include.values());
            cellOrigins.add(include.origin());
        }
        if (cells.isEmpty() && draft.excludeOrigin != null && !axes.isEmpty()) {
            errors.add(draft.excludeOrigin, "removes every run of the sweep");
        }

        List<RunSpec> runs = new ArrayList<>();
        Map<String, Integer> indexByHash = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            Map<String, Located> resolved = resolve(draft, cells.get(i));
            Errors cellErrors = new Errors();
            SettingsRules.check(resolved, draft.broken, datasets, cellErrors);
            if (!cellErrors.isEmpty() || !draft.broken.isEmpty()) {
                cellErrors.forEach(errors::add);
                continue; // no Settings for a cell with errors; the plan is not returned anyway
            }
            Map<String, Object> typed = new LinkedHashMap<>();
            resolved.forEach((k, v) -> typed.put(k, v.value()));
            Settings settings = SettingsCodec.build(typed);
            Map<String, Object> cell = cellView(draft, cells.get(i), typed);
            String id = RunId.of(cell, settings);
            // by hash, not id: two variants with different names can still resolve to the same computation
            Integer previous = indexByHash.putIfAbsent(RunId.hash(settings), runs.size());
            if (previous != null) {
                reportDuplicate(draft, cells.get(i), cellOrigins.get(i), runs.get(previous), errors);
                continue;
            }
            runs.add(new RunSpec(draft.name, id, runs.size(), Collections.unmodifiableMap(cell), settings));
        }
        return runs;
    }

    private static void reportDuplicate(ExperimentDraft draft, Map<String, Located> cell, Origin includeOrigin,
                                        RunSpec previous, Errors errors) {
        Located variant = cell.get(RunId.VARIANT);
        Object previousVariant = previous.cell().get(RunId.VARIANT);
        if (includeOrigin == null && variant != null && !variant.value().equals(previousVariant)) {
            // one message per variant, not per cell
            errors.add(variant.origin().withKey("variants." + variant.value()), "gives the same settings as"
                    + " variant '" + previousVariant + "'; variants must differ");
            return;
        }
        Origin at = includeOrigin != null ? includeOrigin : draft.axes.values().iterator().next().keyOrigin();
        errors.add(at, "gives the same settings as run " + previous.index() + " (" + previous.runId() + ")");
    }

    /** Cartesian product, first axis outermost (slowest), values in written order. */
    private static List<Map<String, Located>> product(List<Map.Entry<String, ExperimentDraft.Axis>> axes,
                                                      int from) {
        if (from == axes.size()) {
            List<Map<String, Located>> single = new ArrayList<>();
            single.add(new LinkedHashMap<>());
            return single;
        }
        List<Map<String, Located>> rest = product(axes, from + 1);
        List<Map<String, Located>> result = new ArrayList<>();
        for (Located value : axes.get(from).getValue().values()) {
            for (Map<String, Located> tail : rest) {
                Map<String, Located> cell = new LinkedHashMap<>();
                cell.put(axes.get(from).getKey(), value);
                cell.putAll(tail);
                result.add(cell);
            }
        }
        return result;
    }

    private static boolean matches(ExperimentDraft.Entry exclude, Map<String, Located> cell) {
        return exclude.values().entrySet().stream().allMatch(e ->
                cell.containsKey(e.getKey())
                        && Objects.equals(cell.get(e.getKey()).value(), e.getValue().value()));
    }

    /**
     * Defaults, then fixed settings, then the variant, then the cell; seed_data null becomes the seed. The defaults
     * are those of the model the other layers name (or of the default model).
     */
    private static Map<String, Located> resolve(ExperimentDraft draft, Map<String, Located> cell) {
        Map<String, Located> written = new LinkedHashMap<>(draft.settings);
        Located variant = cell.get(RunId.VARIANT);
        if (variant != null && draft.variants.containsKey((String) variant.value())) {
            written.putAll(draft.variants.get((String) variant.value()).settings());
        }
        cell.forEach((key, value) -> {
            if (!key.equals(RunId.VARIANT)) {
                written.put(key, value);
            }
        });
        Located model = written.get("model");
        Map<String, Located> resolved = new LinkedHashMap<>(Defaults.values(
                model != null && model.value() instanceof Settings.Model m ? m : Defaults.defaultModel()));
        resolved.putAll(written);
        Located seedData = resolved.get(SettingKey.SEED_DATA);
        if (seedData.value() == null) {
            resolved.put(SettingKey.SEED_DATA, new Located(resolved.get("seed").value(), seedData.origin()));
        }
        return resolved;
    }

    /**
     * The cell recorded in a RunSpec, in config form: the variant name first (when the file has variants), every
     * axis in axis order (an include that leaves an axis out shows its resolved value, so ids stay comparable),
     * then the include's extra keys.
     */
    private static Map<String, Object> cellView(ExperimentDraft draft, Map<String, Located> cell,
                                                Map<String, Object> typed) {
        Map<String, Object> view = new LinkedHashMap<>();
        Located variant = cell.get(RunId.VARIANT);
        if (variant != null) {
            view.put(RunId.VARIANT, variant.value());
        }
        for (String axis : draft.axes.keySet()) {
            view.put(axis, SettingsCodec.configValue(typed.get(axis)));
        }
        for (String key : cell.keySet()) {
            if (!key.equals(RunId.VARIANT)) {
                view.putIfAbsent(key, SettingsCodec.configValue(typed.get(key)));
            }
        }
        return view;
    }
}
