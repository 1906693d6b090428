package ssgan.stats;

import java.util.Locale;

/** The unit each paper table uses: MNIST counts misclassified images of 10,000, CIFAR-10 gives percent. */
public enum PaperUnit {
    ERRORS_OUT_OF_10000("errors_out_of_10000", "test errors out of 10,000", 1),
    ERROR_PERCENT("error_percent", "test error (%)", 2);

    private final String tableName;
    private final String label;
    private final int decimals;

    PaperUnit(String tableName, String label, int decimals) {
        this.tableName = tableName;
        this.label = label;
        this.decimals = decimals;
    }

    public String label() { return label; }

    /** Decimals worth showing for a mean in this unit. */
    public int decimals() { return decimals; }

    /** Decimals of one run's value: MNIST error counts are whole numbers. */
    public int runDecimals() { return this == ERRORS_OUT_OF_10000 ? 0 : decimals; }

    /** Scales a count of errors on {@code testCount} images (a run may evaluate on fewer than 10,000). */
    public double of(int errors, int testCount) {
        if (testCount <= 0) {
            return Double.NaN;
        }
        // one correctly rounded division: 79 of 10,000 is 79.0, not 79.00000000000001 as (79 / 10,000) * 10,000
        double scale = this == ERRORS_OUT_OF_10000 ? 10_000 : 100;
        return errors * scale / testCount;
    }

    public static PaperUnit forDataset(String dataset) {
        return dataset != null && dataset.toLowerCase(Locale.ROOT).startsWith("mnist") ? ERRORS_OUT_OF_10000
                : ERROR_PERCENT;
    }

    public static PaperUnit fromTable(String unit) {
        for (PaperUnit u : values()) {
            if (u.tableName.equals(unit)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown unit " + unit);
    }
}
