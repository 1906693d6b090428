package ssgan.stats;

import ssgan.data.DatasetCatalog;
import ssgan.data.DatasetSpec.Reporting;
import ssgan.data.DatasetSpec;
import ssgan.paper.PaperTable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the statistics and the report know of each dataset, from its dataset.yaml: the only place where datasets
 * differ, so a dataset added by a declaration alone is reported in its own unit against its own references.
 */
public final class DatasetFacts {
    private final Map<String, Reporting> byName;

    /**
     * Reads every declaration up front, so that a broken one fails before anything is written and the lookups
     * (from parallel streams) share an immutable map.
     *
     * @throws ssgan.data.DataException when a dataset.yaml is invalid (the message names file and field)
     */
    public DatasetFacts(DatasetCatalog catalog) {
        this.byName = catalog.names().stream().map(catalog::get)
                .collect(Collectors.toUnmodifiableMap(DatasetSpec::name, DatasetSpec::reporting));
    }

    /** The dataset's declaration, or {@link Reporting#PLAIN} for a name the catalog does not declare. */
    public Reporting of(String dataset) {
        return byName.getOrDefault(dataset, Reporting.PLAIN);
    }

    public boolean declared(String dataset) {
        return byName.containsKey(dataset);
    }

    /**
     * One line per paper table whose unit is not the one its dataset declares: the report would compare the
     * table's numbers with ours across units (e.g. 93 errors with 0.93 %).
     */
    public List<String> unitConflicts(List<PaperTable> tables) {
        return tables.stream().filter(t -> declared(t.dataset()))
                .flatMap(t -> tableUnit(t).filter(u -> !u.equals(of(t.dataset()).unit().yamlName()))
                        .map(u -> "paper table " + t.table() + " gives " + u + ", but the dataset.yaml of "
                                + t.dataset() + " declares unit " + of(t.dataset()).unit().yamlName())
                        .stream())
                .toList();
    }

    private static Optional<String> tableUnit(PaperTable table) {
        return table.rows().stream().flatMap(r -> r.cells().stream()).map(PaperTable.Cell::unit).findFirst();
    }
}
