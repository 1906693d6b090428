package ssgan.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The unit a dataset's test error is reported in, named as dataset.yaml and the paper's tables write it: the
 * paper counts MNIST's misclassified images of 10,000 and gives CIFAR-10's in percent.
 */
public enum ErrorUnit {
    ERRORS_OUT_OF_10000("errors_out_of_10000", "test errors out of 10,000", 10_000, 1, 0),
    ERROR_PERCENT("error_percent", "test error (%)", 100, 2, 2);

    private final String yamlName;
    private final String label;
    private final double scale;
    private final int decimals;
    private final int runDecimals;

    ErrorUnit(String yamlName, String label, double scale, int decimals, int runDecimals) {
        this.yamlName = yamlName;
        this.label = label;
        this.scale = scale;
        this.decimals = decimals;
        this.runDecimals = runDecimals;
    }

    public String label() { return label; }

    /** As YAML files write it: {@code errors_out_of_10000}. */
    public String yamlName() { return yamlName; }

    /** Decimals worth showing for a mean in this unit. */
    public int decimals() { return decimals; }

    /** Decimals of one run's value: error counts are whole numbers. */
    public int runDecimals() { return runDecimals; }

    /** Scales a count of errors on {@code testCount} images (a run may evaluate on fewer than 10,000). */
    public double of(int errors, int testCount) {
        if (testCount <= 0) {
            return Double.NaN;
        }
        // one correctly rounded division: 79 of 10,000 is 79.0, not 79.00000000000001 as (79 / 10,000) * 10,000
        return errors * scale / testCount;
    }

    /** The unit written {@code name} in a YAML file, if there is one. */
    public static Optional<ErrorUnit> named(String name) {
        return Arrays.stream(values()).filter(u -> u.yamlName.equals(name)).findFirst();
    }

    /** The names YAML files may use, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(u -> u.yamlName).toList();
    }
}
