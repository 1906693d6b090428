package ssgan.paper;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import ssgan.config.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import ssgan.data.ErrorUnit;

/**
 * A results table of the paper (or of a study reproducing it), read from {@code experiments/paper/*.yaml}, so
 * the report can put our numbers next to the published ones together with how trustworthy each one is.
 *
 * @param table   table id (e.g. {@code mnist-table1})
 * @param title   human-readable title
 * @param dataset the dataset the table is about (matches {@link Settings#dataset()})
 * @param sources source letter to description
 * @param rows    method rows in file order
 */
public record PaperTable(String table, String title, String dataset, Map<String, String> sources,
                         List<Row> rows) {

    public static final List<String> UNITS = ErrorUnit.names();
    public static final Set<String> KINDS = Set.of("paper", "ensemble", "baseline", "reproduction");

    /**
     * One method.
     *
     * @param id     stable id ({@code improved_gan} is the method this project reproduces)
     * @param kind   paper, ensemble, baseline or reproduction
     * @param cells  one per label count, in file order
     * @param ran     for a reproduction: what it ran, as far as its own text says; else null
     * @param variant for a reproduction: our ablation variant that imitates what it ran; else null
     */
    public record Row(String id, String method, String kind, String note, List<Cell> cells, String ran,
                      String variant) {
        public Row(String id, String method, String kind, String note, List<Cell> cells) {
            this(id, method, kind, note, cells, null, null);
        }

        public Optional<Cell> cell(int labels) {
            return cells.stream().filter(c -> c.labels() == labels).findFirst();
        }
    }

    /**
     * One published value.
     *
     * @param std     null when the table gives none
     * @param runs    number of runs behind mean and std; null when not known
     * @param unit    one of {@link #UNITS} ({@link ErrorUnit}'s names)
     * @param checked whether a secondary source quoting this value was found
     * @param sources letters of those sources (keys of {@link PaperTable#sources()})
     * @param note    free text, or null
     */
    public record Cell(int labels, double mean, Double std, Integer runs, String unit, boolean checked,
                       List<String> sources, String note) {}

    public Optional<Row> row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Every label count of any row, ascending. */
    public List<Integer> labelCounts() {
        Set<Integer> labels = new TreeSet<>();
        rows.forEach(r -> r.cells().forEach(c -> labels.add(c.labels())));
        return List.copyOf(labels);
    }

    /** Reads and checks one table file. */
    public static PaperTable load(Path file) throws IOException {
        TableFile raw = MAPPER.readValue(file.toFile(), TableFile.class);
        List<String> problems = new ArrayList<>();
        Map<String, String> sources = raw.sources() == null ? Map.of() : raw.sources();
        require(raw.table() != null && raw.dataset() != null && raw.rows() != null, problems,
                "table, dataset and rows are required");
        require(UNITS.contains(raw.unit()), problems, "unit must be one of " + UNITS + ", got " + raw.unit());
        List<Row> rows = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (RowFile r : raw.rows() == null ? List.<RowFile>of() : raw.rows()) {
            require(r.id() != null && ids.add(r.id()), problems, "missing or duplicate row id " + r.id());
            require(KINDS.contains(r.kind()), problems, r.id() + ": kind must be one of " + KINDS);
            List<Cell> cells = new ArrayList<>();
            Map<Integer, CellFile> written = r.cells() == null ? Map.of() : r.cells();
            written.forEach((labels, c) -> {
                List<String> letters = c.sources() == null ? List.of() : List.copyOf(c.sources());
                letters.stream().filter(l -> !sources.containsKey(l)).forEach(l ->
                        problems.add(r.id() + "." + labels + ": unknown source '" + l + "'"));
                require(c.mean() != null, problems, r.id() + "." + labels + ": mean is required");
                require(!Boolean.TRUE.equals(c.checked()) || !letters.isEmpty(), problems,
                        r.id() + "." + labels + ": a checked value needs its sources");
                cells.add(new Cell(labels, c.mean() == null ? Double.NaN : c.mean(), c.std(),
                        c.runs() != null ? c.runs() : r.runs(), raw.unit(), Boolean.TRUE.equals(c.checked()),
                        letters, c.note()));
            });
            require(r.ran() == null && r.variant() == null || "reproduction".equals(r.kind()), problems,
                    "row " + r.id() + ": 'ran' and 'variant' belong to rows of kind reproduction");
            rows.add(new Row(r.id(), r.method(), r.kind(), r.note(), List.copyOf(cells), r.ran(), r.variant()));
        }
        if (!problems.isEmpty()) {
            throw new IOException(file + ": " + String.join("; ", problems));
        }
        return new PaperTable(raw.table(), raw.title(), raw.dataset(), Map.copyOf(sources), List.copyOf(rows));
    }

    /** Every {@code *.yaml} table in a directory (e.g. {@code experiments/paper}), sorted by file name. */
    public static List<PaperTable> loadAll(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        List<PaperTable> tables = new ArrayList<>();
        for (Path file : files) {
            tables.add(load(file));
        }
        return tables;
    }

    private static void require(boolean ok, List<String> problems, String message) {
        if (!ok) {
            problems.add(message);
        }
    }

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    // The file layout; unknown keys are errors so a typo ("std_dev") is not silently dropped.
    private record TableFile(String table, String title, String dataset, String unit, Map<String, String> sources,
                             List<RowFile> rows) {}

    private record RowFile(String id, String method, String kind, Integer runs, String note, String ran,
                           String variant, LinkedHashMap<Integer, CellFile> cells) {}

    private record CellFile(Double mean, Double std, Integer runs, Boolean checked, List<String> sources,
                            String note) {}
}
