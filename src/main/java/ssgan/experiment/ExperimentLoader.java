package ssgan.experiment;

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
 * <p>Run order: the cartesian product of the sweep axes (first axis outermost, values in written order) minus
 * the cells matching an {@code exclude} entry, then the {@code include} entries in file order (excludes do not
 * apply to includes: an include is an explicit request). Each cell resolves as defaults, then
 * {@code settings}, then the cell's values. The schema is described in {@code experiments/README.md}.
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
        checkExcludeKeys(draft, errors);
        List<RunSpec> runs = expand(draft, datasets, errors);
        errors.throwIfAny();
        return new Plan(draft.name, file, runs);
    }

    private static String defaultName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** An exclude can only match swept values; anything else is a typo or a leftover. */
    private static void checkExcludeKeys(ExperimentDraft draft, Errors errors) {
        for (ExperimentDraft.Entry entry : draft.excludes) {
            entry.values().forEach((key, value) -> {
                if (!draft.axes.containsKey(key) && !draft.broken.contains(key)) { // broken: reported already
                    errors.add(value.origin(), "'" + key + "' is not a sweep axis (axes: "
                            + String.join(", ", draft.axes.keySet()) + ")");
                }
            });
        }
    }

    private static List<RunSpec> expand(ExperimentDraft draft, DatasetLookup datasets, Errors errors) {
        List<Map<String, Located>> cells = new ArrayList<>();
        for (Map<String, Located> cell : product(new ArrayList<>(draft.axes.entrySet()), 0)) {
            if (draft.excludes.stream().noneMatch(exclude -> matches(exclude, cell))) {
                cells.add(cell);
            }
        }
        List<Origin> cellOrigins = new ArrayList<>(Collections.nCopies(cells.size(), null));
        for (ExperimentDraft.Entry include : draft.includes) {
            cells.add(include.values());
            cellOrigins.add(include.origin());
        }
        if (cells.isEmpty() && draft.excludeOrigin != null && !draft.axes.isEmpty()) {
            errors.add(draft.excludeOrigin, "removes every run of the sweep");
        }

        List<RunSpec> runs = new ArrayList<>();
        Map<String, Integer> indexById = new LinkedHashMap<>();
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
            Integer previous = indexById.putIfAbsent(id, runs.size());
            if (previous != null) {
                Origin at = cellOrigins.get(i) != null ? cellOrigins.get(i) : draft.axes.values().iterator()
                        .next().keyOrigin();
                errors.add(at, "gives the same settings as run " + previous + " (" + id + ")");
                continue;
            }
            runs.add(new RunSpec(draft.name, id, runs.size(), Collections.unmodifiableMap(cell), settings));
        }
        return runs;
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

    /** Defaults, then fixed settings, then the cell; seed_data null becomes the seed. */
    private static Map<String, Located> resolve(ExperimentDraft draft, Map<String, Located> cell) {
        Map<String, Located> resolved = new LinkedHashMap<>(Defaults.values());
        resolved.putAll(draft.settings);
        resolved.putAll(cell);
        Located seedData = resolved.get(SettingKey.SEED_DATA);
        if (seedData.value() == null) {
            resolved.put(SettingKey.SEED_DATA, new Located(resolved.get("seed").value(), seedData.origin()));
        }
        return resolved;
    }

    /**
     * The cell recorded in a RunSpec, in config form: every axis in axis order (an include that leaves an axis
     * out shows its resolved value, so ids stay comparable), then the include's extra keys.
     */
    private static Map<String, Object> cellView(ExperimentDraft draft, Map<String, Located> cell,
                                                Map<String, Object> typed) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String axis : draft.axes.keySet()) {
            view.put(axis, SettingsCodec.configValue(typed.get(axis)));
        }
        for (String key : cell.keySet()) {
            view.putIfAbsent(key, SettingsCodec.configValue(typed.get(key)));
        }
        return view;
    }
}
