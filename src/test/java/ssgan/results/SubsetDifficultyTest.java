package ssgan.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubsetDifficultyTest {
    private static SubsetDifficulty with(int errors, int... reference) {
        return new SubsetDifficulty(SubsetDifficulty.METHOD, 20, 1, errors, 10_000, 1001, reference, Map.of(),
                "abc", "2026-12-04T00:00:00Z");
    }

    @Test
    void percentileCountsEasierSubsetsAndHalfOfTheTies() {
        assertEquals(100.0, with(900, 100, 200, 300, 400).percentile(), "harder than all four");
        assertEquals(0.0, with(50, 100, 200, 300, 400).percentile(), "easier than all four");
        assertEquals(37.5, with(200, 100, 200, 300, 400).percentile(), "one easier, one tie: 1.5 of 4");
        assertTrue(Double.isNaN(with(200).percentile()), "no reference, no rank");
    }

    @Test
    void quantilesInterpolateBetweenSortedReferenceErrors() {
        SubsetDifficulty d = with(0, 400, 100, 300, 200);
        assertEquals(100, d.referenceQuantile(0), 1e-12);
        assertEquals(250, d.referenceQuantile(0.5), 1e-12, "median of an even count: midway");
        assertEquals(400, d.referenceQuantile(1), 1e-12);
        assertEquals(385, d.referenceQuantile(0.95), 1e-12, "0.95 × 3 = 2.85: 300 + 0.85 × 100");
        assertEquals(4, d.referenceDraws());
    }

    @Test
    void roundTripsThroughItsJsonFile(@TempDir Path dir) {
        RunDirectory run = new RunDirectory(dir);
        SubsetDifficulty d = with(6121, 4756, 4300, 5300);
        run.writeSubset(d);
        SubsetDifficulty back = run.readSubset().orElseThrow();
        assertEquals(6121, back.testErrors());
        assertEquals(List.of(4756, 4300, 5300), Arrays.stream(back.referenceErrors()).boxed()
                .toList());
        assertEquals(d.percentile(), back.percentile());
    }
}
