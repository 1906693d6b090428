package ssgan.report;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A logarithmic axis with readable ticks. XChart 3.8 labels a log axis at decades only, so values are plotted as
 * log10 on a linear axis, grid lines go at the ticks and the tick labels are drawn onto the rendered image: 1, 2 and
 * 5 x 10^k, or given values (the label counts of the paper's tables). XChart reserves room for its own y labels
 * only when it formats them itself (a custom formatter gets a fixed width, too narrow for "0.005"), so they stay,
 * formatted as wide as the widest of ours and drawn in an invisible colour.
 */
final class LogAxis {
    /** XChart's own tick labels: drawn, so that they take room, but not seen. */
    private static final Color INVISIBLE = new Color(0, 0, 0, 0);
    private static final Color LABELS = Color.BLACK;
    private static final Color GRID = new Color(0xdddddd);
    private static final int MAX_TICKS = 10;

    private final double[] ticks;
    private final double low;
    private final double high;

    private LogAxis(double[] ticks, double low, double high) {
        this.ticks = ticks;
        this.low = low;
        this.high = high;
    }

    /** An axis over positive values, from the 1-2-5 tick at or below the smallest to the one at or above the largest. */
    static LogAxis over(double... values) {
        double min = Arrays.stream(values).filter(v -> v > 0 && Double.isFinite(v)).min().orElse(1);
        double max = Arrays.stream(values).filter(v -> v > 0 && Double.isFinite(v)).max().orElse(10);
        List<Double> all = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(min)) - 1; k <= (int) Math.ceil(Math.log10(max)); k++) {
            for (double m : new double[] {1, 2, 5}) {
                all.add(m * Math.pow(10, k));
            }
        }
        double from = all.stream().filter(t -> t <= min * 1.0000001).max(Double::compare).orElse(min);
        double to = all.stream().filter(t -> t >= max / 1.0000001).min(Double::compare).orElse(max);
        double[] inRange = all.stream().filter(t -> t >= from * 0.999 && t <= to * 1.001).mapToDouble(d -> d)
                .toArray();
        if (inRange.length > MAX_TICKS) { // many decades: label the decades only
            inRange = Arrays.stream(inRange).filter(t -> Math.abs(mantissa(t) - 1) < 1e-6).toArray();
        }
        while (inRange.length > MAX_TICKS) {
            double[] thinned = new double[(inRange.length + 1) / 2];
            for (int i = 0; i < thinned.length; i++) {
                thinned[i] = inRange[2 * i];
            }
            inRange = thinned;
        }
        return new LogAxis(inRange, Math.log10(from), Math.log10(to));
    }

    /** An axis with ticks exactly at the given values (e.g. 20, 50, 100, 200 labels), padded a little. */
    static LogAxis at(double[] ticks, double pad) {
        double[] sorted = Arrays.stream(ticks).filter(t -> t > 0).sorted().distinct().toArray();
        return new LogAxis(sorted, Math.log10(sorted[0]) - pad, Math.log10(sorted[sorted.length - 1]) + pad);
    }

    static double[] log(double[] values) {
        return Arrays.stream(values).map(v -> v > 0 ? Math.log10(v) : Double.NaN).toArray();
    }

    static double log(double value) {
        return value > 0 ? Math.log10(value) : Double.NaN;
    }

    void applyToY(XYChart chart) {
        chart.getStyler().setYAxisMin(low);
        chart.getStyler().setYAxisMax(high);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        String widest = Arrays.stream(ticks).mapToObj(LogAxis::text).max(Comparator.comparingInt(String::length))
                .orElse("0");
        chart.getStyler().setAxisTickLabelsColor(INVISIBLE);
        chart.getStyler().setYAxisDecimalPattern("0".repeat(widest.length()));
        horizontalGridLines(chart);
    }

    void applyToX(XYChart chart) {
        ownX(chart, low, high, Arrays.stream(ticks).map(Math::log10).toArray());
    }

    /**
     * An x axis from {@code low} to {@code high} whose grid lines stand at {@code at} and whose labels are drawn by
     * {@link #drawBelow} (XChart's own are left blank).
     */
    static void ownX(XYChart chart, double low, double high, double[] at) {
        chart.getStyler().setXAxisMin(low);
        chart.getStyler().setXAxisMax(high);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.setCustomXAxisTickLabelsFormatter(v -> "");
        chart.getStyler().setAnnotationLineColor(GRID);
        for (double x : at) {
            chart.addAnnotation(new AnnotationLine(x, true, false));
        }
    }

    private void horizontalGridLines(XYChart chart) {
        chart.getStyler().setAnnotationLineColor(GRID);
        for (double t : ticks) {
            chart.addAnnotation(new AnnotationLine(Math.log10(t), false, false));
        }
    }

    /** Draws the tick labels left of the plot; call on the image XChart rendered from {@code chart}. */
    void labelY(XYChart chart, BufferedImage image, double xAxisLow) {
        Graphics2D g = graphics(chart, image);
        FontMetrics fm = g.getFontMetrics();
        int right = (int) Math.round(chart.getScreenXFromChart(xAxisLow)) - 6;
        for (double t : ticks) {
            int y = (int) Math.round(chart.getScreenYFromChart(Math.log10(t)));
            String text = text(t);
            g.drawString(text, right - fm.stringWidth(text), y + fm.getAscent() / 2 - 1);
        }
        g.dispose();
    }

    /** Draws the tick labels below the plot. */
    void labelX(XYChart chart, BufferedImage image, double yAxisLow) {
        drawBelow(chart, image, yAxisLow, Arrays.stream(ticks).map(Math::log10).toArray(),
                Arrays.stream(ticks).mapToObj(LogAxis::text).toArray(String[]::new));
    }

    /** Draws {@code texts} centred under the x positions {@code at}, below the plot (bottom at {@code yAxisLow}). */
    static void drawBelow(XYChart chart, BufferedImage image, double yAxisLow, double[] at, String[] texts) {
        Graphics2D g = graphics(chart, image);
        FontMetrics fm = g.getFontMetrics();
        int top = (int) Math.round(chart.getScreenYFromChart(yAxisLow)) + 4;
        for (int i = 0; i < at.length; i++) {
            int x = (int) Math.round(chart.getScreenXFromChart(at[i]));
            g.drawString(texts[i], x - fm.stringWidth(texts[i]) / 2, top + fm.getAscent());
        }
        g.dispose();
    }

    double low() { return low; }

    private static Graphics2D graphics(XYChart chart, BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(LABELS);
        g.setFont(chart.getStyler().getAxisTickLabelsFont());
        return g;
    }

    /** "2000", "0.05", "2e-5". */
    static String text(double t) {
        if (t >= 1e-3) {
            return new BigDecimal(String.format(Locale.ROOT, "%.6g", t)).stripTrailingZeros().toPlainString();
        }
        int exponent = (int) Math.floor(Math.log10(t) + 1e-9);
        return String.format(Locale.ROOT, "%de%d", Math.round(mantissa(t)), exponent);
    }

    private static double mantissa(double t) {
        return t / Math.pow(10, Math.floor(Math.log10(t) + 1e-9));
    }
}
