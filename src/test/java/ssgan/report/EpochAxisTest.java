package ssgan.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Epoch ticks at round numbers, as many as the chart's width has room for. */
class EpochAxisTest {

    @Test
    void roundEpochsThatFitTheWidth() {
        assertArrayEquals(new int[] {1, 50, 100, 150, 200, 250, 300}, EpochAxis.over(300, 560).ticks());
        assertArrayEquals(new int[] {1, 100, 200, 300}, EpochAxis.over(300, 380).ticks());
        assertArrayEquals(new int[] {1, 5, 10, 15, 20, 25, 30}, EpochAxis.over(30, 560).ticks());
        assertArrayEquals(new int[] {1, 2, 3}, EpochAxis.over(3, 560).ticks());
        assertArrayEquals(new int[] {1, 200, 400, 600, 800, 1000, 1200}, EpochAxis.over(1200, 560).ticks());
    }

    @Test
    void epochOneIsAlwaysTickedAndOnlyOnce() {
        assertArrayEquals(new int[] {1, 5, 10}, EpochAxis.over(12, 240).ticks());
        assertArrayEquals(new int[] {1, 2, 3, 4}, EpochAxis.over(4, 560).ticks());
        assertArrayEquals(new int[] {1, 2}, EpochAxis.over(2, 100).ticks());
    }
}
