package ssgan.report;

import org.knowm.xchart.XYChart;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The epoch axis of the curves, ticked at round epochs (epoch 1, then multiples of 1, 2 or 5 x 10^k: 1, 50, 100,
 * ... 300). XChart steps a 1-300 axis by 17 (1, 18, 35, ...) and packs the labels until they touch, so its labels
 * are left blank and these are drawn onto the rendered image, like {@link LogAxis}'s.
 */
final class EpochAxis {
    /** Horizontal room per tick label, in pixels of the whole chart. */
    private static final int PIXELS_PER_TICK = 80;

    private final int[] ticks;
    private final int last;

    private EpochAxis(int[] ticks, int last) {
        this.ticks = ticks;
        this.last = last;
    }

    /** Epochs 1 to {@code last} on a chart {@code width} pixels wide. */
    static EpochAxis over(int last, int width) {
        int room = Math.max(2, width / PIXELS_PER_TICK);
        int step = 1;
        for (int k = 1; step * room < last; k *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                step = m * k;
                if (step * room >= last) {
                    break;
                }
            }
        }
        List<Integer> at = new ArrayList<>();
        at.add(1);
        for (int t = step; t <= last; t += step) {
            if (t > 1) { // with a step of 1, epoch 1 is already there
                at.add(t);
            }
        }
        return new EpochAxis(at.stream().mapToInt(Integer::intValue).toArray(), last);
    }

    int[] ticks() {
        return ticks.clone();
    }

    void applyToX(XYChart chart) {
        LogAxis.ownX(chart, 1, last, IntStream.of(ticks).asDoubleStream().toArray());
    }

    /** Draws the tick labels below the plot, whose bottom is at {@code yAxisLow} (in chart coordinates). */
    void labelX(XYChart chart, BufferedImage image, double yAxisLow) {
        LogAxis.drawBelow(chart, image, yAxisLow, IntStream.of(ticks).asDoubleStream().toArray(),
                IntStream.of(ticks).mapToObj(String::valueOf).toArray(String[]::new));
    }
}
