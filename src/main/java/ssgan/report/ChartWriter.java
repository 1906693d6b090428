package ssgan.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import ssgan.stats.Band;
import ssgan.stats.CellSummary;
import ssgan.stats.PaperUnit;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders the report's PNG charts with XChart. Bands (mean ± 1 std over seeds) are drawn as translucent polygons;
 * error bars on log axes are drawn as vertical segments, because a symmetric bar can reach below zero there.
 */
final class ChartWriter {
    static final int WIDTH = 560;
    static final int HEIGHT = 340;
    static final int MAX_POINTS = 300;

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf)};

    /** One point of the error-against-labels chart: mean and half-width of its bar (std), NaN when none. */
    record Point(double labels, double mean, double std) {}

    /** A named series of the error-against-labels chart. */
    record LabelSeries(String name, List<Point> points, boolean dashed) {}

    /** The three training losses side by side (they differ by orders of magnitude, so one panel each). */
    void losses(CellSummary cell, Path file) {
        var c = cell.curves();
        BufferedImage a = panel("supervised loss", "loss", List.of(new Named("supervised", c.lossSupervised())), 0);
        BufferedImage b = panel("unsupervised loss", "loss",
                List.of(new Named("unsupervised", c.lossUnsupervised())), 1);
        BufferedImage f = panel("feature-matching loss", "loss",
                List.of(new Named("feature matching", c.lossFeatureMatching())), 2);
        BufferedImage all = new BufferedImage(3 * 380, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, 380, 0, null);
        g.drawImage(f, 760, 0, null);
        g.dispose();
        writePng(all, file);
    }

    /** Test error of the raw and the averaged D over epochs (log y: early averaged errors are huge). */
    void testErrors(CellSummary cell, Path file) {
        PaperUnit unit = cell.unit();
        XYChart chart = chart("test error over epochs, mean ± 1 std over seeds", "epoch", unit.label(), WIDTH);
        addBand(chart, "raw D", cell.curves().testRaw(), PALETTE[1]);
        addBand(chart, "averaged D", cell.curves().testAverage(), PALETTE[0]);
        cell.paper().ifPresent(p -> {
            Band avg = cell.curves().testAverage();
            if (!avg.isEmpty()) {
                double last = Math.max(avg.epochs()[avg.epochs().length - 1], 2);
                XYSeries s = chart.addSeries("paper (final epoch " + cell.key().paperEpochs() + ")",
                        new double[] {1, last}, new double[] {p.mean(), p.mean()});
                s.setLineColor(Color.DARK_GRAY);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
                        java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            }
        });
        chart.getStyler().setYAxisLogarithmic(true);
        writePng(BitmapEncoder.getBufferedImage(chart), file);
    }

    /** Final error against the number of labels: ours with ±1 std bars next to the paper's. */
    void errorAgainstLabels(String title, PaperUnit unit, List<LabelSeries> series, Path file) {
        XYChart chart = chart(title, "labeled examples (log scale)", unit.label() + " (log scale)", 720);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        int k = 0;
        for (LabelSeries s : series) {
            Color color = PALETTE[k % PALETTE.length];
            double shift = Math.pow(1.04, k - (series.size() - 1) / 2.0); // keep overlapping bars apart
            double[] x = s.points().stream().mapToDouble(p -> p.labels() * shift).toArray();
            double[] y = s.points().stream().mapToDouble(Point::mean).toArray();
            XYSeries line = chart.addSeries(s.name(), x, y);
            line.setLineColor(color);
            line.setMarkerColor(color);
            line.setMarker(SeriesMarkers.CIRCLE);
            if (s.dashed()) {
                line.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
                        java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            }
            for (int i = 0; i < x.length; i++) {
                Point p = s.points().get(i);
                if (Double.isFinite(p.std()) && p.std() > 0) {
                    double low = Math.max(p.mean() - p.std(), p.mean() / 20); // log axis: stay above zero
                    XYSeries bar = chart.addSeries(s.name() + " bar " + i, new double[] {x[i], x[i]},
                            new double[] {low, p.mean() + p.std()});
                    bar.setShowInLegend(false);
                    bar.setLineColor(color);
                    bar.setMarker(SeriesMarkers.NONE);
                }
            }
            k++;
        }
        writePng(BitmapEncoder.getBufferedImage(chart), file);
    }

    private record Named(String name, Band band) {}

    private BufferedImage panel(String title, String yTitle, List<Named> bands, int colorIndex) {
        XYChart chart = chart(title, "epoch", yTitle, 380);
        for (Named n : bands) {
            addBand(chart, n.name(), n.band(), PALETTE[colorIndex]);
        }
        chart.getStyler().setLegendVisible(false);
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static XYChart chart(String title, String x, String y, int width) {
        XYChart chart = new XYChartBuilder().width(width).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xdddddd));
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setMarkerSize(5);
        st.setAntiAlias(true);
        return chart;
    }

    /** The mean as a line, ±1 std as a translucent polygon under it; a no-op for an empty band. */
    private static void addBand(XYChart chart, String name, Band full, Color color) {
        if (full.isEmpty()) {
            return;
        }
        Band band = thin(full, MAX_POINTS);
        int n = band.epochs().length;
        double[] x = new double[n == 1 ? 2 : n];
        double[] mean = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int j = Math.min(i, n - 1); // a single epoch is drawn as a short flat segment
            x[i] = band.epochs()[j] + (n == 1 ? i * 0.1 : 0);
            mean[i] = band.mean()[j];
        }
        if (hasSpread(band)) {
            double floor = positiveFloor(band);
            double[] px = new double[2 * x.length];
            double[] py = new double[2 * x.length];
            for (int i = 0; i < x.length; i++) {
                int j = Math.min(i, n - 1);
                px[i] = x[i];
                py[i] = band.mean()[j] + band.std()[j];
                px[px.length - 1 - i] = x[i];
                py[px.length - 1 - i] = Math.max(band.mean()[j] - band.std()[j], floor);
            }
            XYSeries area = chart.addSeries(name + " ± 1 std", px, py);
            area.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            area.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
            area.setLineColor(new Color(0, 0, 0, 0));
            area.setMarker(SeriesMarkers.NONE);
            area.setShowInLegend(false);
        }
        XYSeries line = chart.addSeries(name, x, mean);
        line.setLineColor(color);
        line.setMarker(SeriesMarkers.NONE);
    }

    /** A chart 560 px wide cannot show 1200 epochs: keep every k-th epoch and always the last one. */
    static Band thin(Band band, int maxPoints) {
        int n = band.epochs().length;
        if (n <= maxPoints) {
            return band;
        }
        int step = (n + maxPoints - 1) / maxPoints;
        int size = (n - 1) / step + 1 + ((n - 1) % step == 0 ? 0 : 1);
        Band out = new Band(new int[size], new double[size], new double[size], new int[size]);
        for (int i = 0; i < size; i++) {
            int j = Math.min(i * step, n - 1);
            out.epochs()[i] = band.epochs()[j];
            out.mean()[i] = band.mean()[j];
            out.std()[i] = band.std()[j];
            out.n()[i] = band.n()[j];
        }
        return out;
    }

    private static boolean hasSpread(Band band) {
        for (double s : band.std()) {
            if (s > 0) {
                return true;
            }
        }
        return false;
    }

    /** Lower band edge for log axes: a fraction of the smallest positive mean. */
    private static double positiveFloor(Band band) {
        double min = Double.MAX_VALUE;
        for (double m : band.mean()) {
            if (m > 0) {
                min = Math.min(min, m);
            }
        }
        return min == Double.MAX_VALUE ? 1e-6 : min / 10;
    }

    private static void writePng(BufferedImage image, Path file) {
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file, e);
        }
    }
}
