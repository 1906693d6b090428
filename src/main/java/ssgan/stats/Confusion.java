package ssgan.stats;

import ssgan.metrics.Misclassified;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a discriminator's test errors are: its confusion matrix (true class × predicted class, the argmax that
 * {@link Misclassified} counts) and the two figures that tell a semi-supervised failure from a near miss. With few
 * labels the GAN can find the digit clusters and still tie a whole cluster to the wrong label: that shows as a class
 * predicted mostly as another, and as errors concentrated in a few pairs rather than spread along class boundaries.
 *
 * @param counts counts[actual][predicted], classes × classes
 */
public record Confusion(int[][] counts) {
    /** How many of the largest pairs {@link #text()} sums, against all errors. */
    static final int TOP = 3;

    /** One true class predicted as another, and how often. */
    public record Pair(int actual, int predicted, int count) {}

    /** The matrix of row-major scores (probabilities or logits) against the true labels. */
    public static Confusion of(int[] labels, float[] scores, int classes) {
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][Misclassified.argmax(scores, i, classes)]++;
        }
        return new Confusion(counts);
    }

    public int classes() { return counts.length; }

    public int total() {
        int n = 0;
        for (int[] row : counts) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }

    public int errors() {
        int correct = 0;
        for (int k = 0; k < classes(); k++) {
            correct += counts[k][k];
        }
        return total() - correct;
    }

    /** Test images of one true class. */
    public int support(int actual) {
        int n = 0;
        for (int c : counts[actual]) {
            n += c;
        }
        return n;
    }

    /** Every off-diagonal pair that occurs, largest first (ties in class order). */
    public List<Pair> pairs() {
        List<Pair> out = new ArrayList<>();
        for (int a = 0; a < classes(); a++) {
            for (int p = 0; p < classes(); p++) {
                if (a != p && counts[a][p] > 0) {
                    out.add(new Pair(a, p, counts[a][p]));
                }
            }
        }
        out.sort(Comparator.comparingInt(Pair::count).reversed());
        return out;
    }

    /** Classes whose most frequent prediction is another class (first on ties, as the argmax): a mislabelled cluster. */
    public List<Pair> misassigned() {
        List<Pair> out = new ArrayList<>();
        for (int a = 0; a < classes(); a++) {
            int best = 0;
            for (int p = 1; p < classes(); p++) {
                if (counts[a][p] > counts[a][best]) {
                    best = p;
                }
            }
            if (best != a && counts[a][best] > 0) { // a class with no test images is not misassigned
                out.add(new Pair(a, best, counts[a][best]));
            }
        }
        return out;
    }

    /** Share of all errors in the {@code n} largest pairs (NaN without errors). */
    public double topShare(int n) {
        return share(pairs(), n, errors());
    }

    private static double share(List<Pair> pairs, int n, int errors) {
        return errors == 0 ? Double.NaN : pairs.stream().limit(n).mapToInt(Pair::count).sum() / (double) errors;
    }

    /**
     * In words: "353 errors; no class predicted mostly as another; largest pair 2 → 0: 158 (45 % of errors); the 3
     * largest: 54 %".
     */
    public String text() {
        int errors = errors();
        if (errors == 0) {
            return "no errors";
        }
        StringBuilder s = new StringBuilder().append(errors).append(errors == 1 ? " error; " : " errors; ");
        List<Pair> misassigned = misassigned();
        if (misassigned.isEmpty()) {
            s.append("no class predicted mostly as another");
        } else {
            s.append(misassigned.size()).append(" of ").append(classes()).append(" classes predicted mostly as another: ");
            s.append(String.join(", ", misassigned.stream().map(p -> p.actual() + " as " + p.predicted()
                    + " (" + p.count() + " of " + support(p.actual()) + ")").toList()));
        }
        List<Pair> pairs = pairs();
        Pair largest = pairs.get(0);
        s.append("; largest pair ").append(largest.actual()).append(" → ").append(largest.predicted()).append(": ")
                .append(largest.count()).append(" (").append(percent(share(pairs, 1, errors)))
                .append(" of errors)");
        if (pairs.size() > TOP) {
            s.append("; the ").append(TOP).append(" largest: ").append(percent(share(pairs, TOP, errors)));
        }
        return s.toString();
    }

    private static String percent(double share) {
        return Math.round(100 * share) + " %";
    }
}
