package ssgan.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The value of {@code sbatch --array}: plan indices compressed to ranges ("0,2,5-7"), optionally "%K" throttled. */
public final class ArraySpec {
    private ArraySpec() {}

    public static String of(List<Integer> indices, Integer maxParallel) {
        if (indices.isEmpty()) {
            throw new IllegalArgumentException("an array needs at least one index");
        }
        return compress(indices) + (maxParallel != null ? "%" + maxParallel : "");
    }

    static String compress(List<Integer> indices) {
        List<String> parts = new ArrayList<>();
        Integer start = null, prev = null;
        for (int i : new TreeSet<>(indices)) {
            if (prev != null && i == prev + 1) {
                prev = i;
                continue;
            }
            if (start != null) {
                parts.add(range(start, prev));
            }
            start = i;
            prev = i;
        }
        parts.add(range(start, prev));
        return String.join(",", parts);
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
