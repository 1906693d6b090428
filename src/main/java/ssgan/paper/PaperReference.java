package ssgan.paper;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Looks up the paper's own value (row {@code improved_gan}) for a dataset and label count. */
public final class PaperReference {
    public static final String PAPER_ROW = "improved_gan";
    /** The paper's "Ensemble of 10 Improved GAN models" row. */
    public static final String ENSEMBLE_ROW = "improved_gan_ensemble";
    /** Salimans et al. average over 10 labeled subsets (spec section 0, source F); used when a cell omits runs. */
    public static final int DEFAULT_RUNS = 10;

    private final List<PaperTable> tables;

    public PaperReference(List<PaperTable> tables) {
        // Table 1 (MNIST) before Table 2 (CIFAR-10), whatever the file names sort like.
        this.tables = tables.stream().sorted(Comparator.comparing(PaperTable::title,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    public List<PaperTable> tables() { return tables; }

    public Optional<PaperTable> table(String dataset) {
        return tables.stream().filter(t -> t.dataset().equalsIgnoreCase(dataset)).findFirst();
    }

    public Optional<PaperTable.Cell> paperCell(String dataset, int labels) {
        return table(dataset).flatMap(t -> t.row(PAPER_ROW)).flatMap(r -> r.cell(labels));
    }

    public Optional<PaperTable.Cell> paperEnsembleCell(String dataset, int labels) {
        return table(dataset).flatMap(t -> t.row(ENSEMBLE_ROW)).flatMap(r -> r.cell(labels));
    }

    public static int runs(PaperTable.Cell cell) {
        return cell.runs() != null ? cell.runs() : DEFAULT_RUNS;
    }
}
