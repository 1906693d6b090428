package ssgan.stats;

import ssgan.data.ErrorUnit;
import ssgan.paper.PaperProtocol;

import java.util.Comparator;
import java.util.Locale;

/**
 * The unit results are pooled over: dataset x labels x variant x epoch budget. Seeds vary within a cell. The budget
 * is part of the key so that 30-epoch runs are never averaged with 300-epoch runs.
 *
 * @param unit the dataset's error unit (its dataset.yaml's), carried here so that every figure of the cell and
 *             its runs is in it without a lookup by name
 */
public record CellKey(String dataset, int labels, String variant, int epochs, ErrorUnit unit)
        implements Comparable<CellKey> {

    private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::dataset)
            .thenComparing(k -> !k.faithful())
            .thenComparing(CellKey::variant)
            .thenComparing(k -> -k.epochs)
            .thenComparingInt(CellKey::labels);

    public boolean faithful() { return "faithful".equals(variant); }

    public int paperEpochs() { return PaperProtocol.paperEpochs(dataset); }

    public boolean fullBudget() { return epochs >= paperEpochs(); }

    /** "300 epochs (the paper's)" or "30 of 300 epochs". */
    public String budget() {
        return fullBudget() ? epochs + " epochs (the paper's)" : epochs + " of " + paperEpochs() + " epochs";
    }

    /** The same cell at another label count: the rows of the paper's tables. */
    public String series() {
        return variant + ", " + budget();
    }

    /** Safe in file names: used for chart files. */
    public String slug() {
        String v = (dataset + "-" + labels + "-" + variant + "-" + epochs).toLowerCase(Locale.ROOT);
        return v.replaceAll("[^a-z0-9.]+", "_");
    }

    @Override
    public int compareTo(CellKey o) {
        return ORDER.compare(this, o);
    }
}
