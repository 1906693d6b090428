package ssgan.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import ssgan.data.ErrorUnit;
import ssgan.paper.PaperTable;
import ssgan.stats.Band;
import ssgan.stats.CellSummary;
import ssgan.stats.Curves;
import ssgan.stats.Gaps;
import ssgan.stats.Judgement;
import ssgan.stats.RunResult;
import ssgan.metrics.EpochMetrics;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Renders the report's PNG charts with XChart. Curves over epochs show every seed as a thin line (flagged runs
 * dashed) and the mean over seeds as a thick one; errors and losses are on log axes with 1-2-5 ticks
 * ({@link LogAxis}). Not final: a test stands in a writer that fails, to see the report survive it.
 */
class ChartWriter {
    static final int WIDTH = 560;
    static final int HEIGHT = 340;
    /** The error-against-labels chart: a 720-pixel plot and its legend beside it. */
    static final int LABELS_WIDTH = 1080;
    static final int PANEL = 380;

    static final Color RAW = new Color(0xd62728);
    static final Color AVERAGE = new Color(0x1f77b4);
    static final Color CORRECTED = new Color(0x2ca02c);
    private static final Color[] PALETTE = {AVERAGE, RAW, CORRECTED, new Color(0x9467bd), new Color(0xff7f0e),
            new Color(0x8c564b), new Color(0x17becf)};
    /** One colour per seed (none of them the raw D's red or the averaged D's blue, which the means keep). */
    private static final Color[] SEEDS = {new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0x7f7f7f), new Color(0xbcbd22),
            new Color(0x393b79), new Color(0x637939)};
    /** One colour per protocol of a gap, the released script first: no red, which the cell charts keep for raw D. */
    private static final Color[] PROTOCOLS = {AVERAGE, new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e),
            new Color(0x8c564b), new Color(0x17becf), new Color(0xe377c2)};
    private static final BasicStroke THIN = new BasicStroke(1.0f);
    private static final BasicStroke THIN_DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {4f, 3f}, 0f);
    private static final BasicStroke THICK = new BasicStroke(2.4f);
    private static final BasicStroke THICKEST = new BasicStroke(3.2f);
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {6f, 4f}, 0f);

    /** One point of the error-against-labels chart: mean and half-width of its bar (std), NaN when none. */
    record Point(double labels, double mean, double std) {}

    /** A named series of the error-against-labels chart. */
    record LabelSeries(String name, List<Point> points, boolean dashed) {}

    /** A metric of an epoch, with its name, colour and the cell's mean curve of it. */
    private record Metric(String name, Color color, ToDoubleFunction<EpochMetrics> value, Function<Curves, Band> mean) {}

    /**
     * Test error of the raw, averaged and (where recorded) bias-corrected averaged D over epochs (log y), beside a
     * zoom on the last half of training (linear y) with the paper's mean ± std as a band: on the log axis, 80 and 95
     * errors are a hair apart.
     */
    void testErrors(CellSummary cell, Path file) {
        ErrorUnit unit = cell.unit();
        List<Metric> metrics = errorMetrics(unit);
        List<Double> extra = new ArrayList<>();
        cell.paper().ifPresent(p -> extra.add(p.mean()));
        Plot plot = new Plot("test error by seed: averaged D solid, raw D dashed", "epoch", unit.label(), WIDTH);
        plot.seeds(cell.runs(), cell.curves(), metrics, extra);
        cell.paper().ifPresent(p -> plot.horizontal("paper", p.mean()));
        writePng(sideBySide(List.of(plot.render(), lastHalf(cell, metrics))), file);
    }

    /** The zoom panel: linear y over the last half of the epochs recorded, the paper's band drawn first (beneath). */
    private static BufferedImage lastHalf(CellSummary cell, List<Metric> metrics) {
        int last = cell.runs().stream().flatMap(r -> r.metrics().stream()).mapToInt(EpochMetrics::epoch).max()
                .orElse(2);
        int from = Math.max(1, last / 2);
        XYChart chart = chart("last half of training (linear scale)", "epoch", cell.unit().label(), WIDTH);
        List<Double> values = new ArrayList<>();
        cell.paper().ifPresent(p -> {
            double std = p.std() == null ? 0 : p.std();
            double[] x = {from, Math.max(last, from + 1)};
            XYSeries band = add(chart, "paper ± std", x, new double[] {p.mean() + std, p.mean() + std});
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            band.setFillColor(new Color(0, 0, 0, 28));
            band.setLineColor(new Color(0, 0, 0, 0));
            band.setMarker(SeriesMarkers.NONE);
            XYSeries below = add(chart, "paper band, lower edge", x,
                    new double[] {p.mean() - std, p.mean() - std});
            below.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            below.setFillColor(Color.WHITE);
            below.setLineColor(new Color(0, 0, 0, 0));
            below.setMarker(SeriesMarkers.NONE);
            below.setShowInLegend(false);
            XYSeries mean = add(chart, "paper", x, new double[] {p.mean(), p.mean()});
            mean.setLineColor(Color.DARK_GRAY);
            mean.setLineStyle(DASHED);
            mean.setMarker(SeriesMarkers.NONE);
            values.add(p.mean() - std);
            values.add(p.mean() + std);
        });
        List<RunResult> bySeed = cell.runs().stream().sorted(RunResult.SEED_ORDER).toList();
        for (Metric m : metrics) {
            for (int i = 0; i < bySeed.size() && m.color() != CORRECTED; i++) {
                RunResult r = bySeed.get(i);
                List<EpochMetrics> tail = r.metrics().stream().filter(e -> e.epoch() >= from).toList();
                double[] v = tail.stream().mapToDouble(m.value()).toArray();
                if (DoubleStream.of(v).noneMatch(Double::isFinite)) {
                    continue;
                }
                DoubleStream.of(v).filter(Double::isFinite).forEach(values::add);
                XYSeries s = add(chart, m.name() + " · " + r.runId(),
                        tail.stream().mapToDouble(EpochMetrics::epoch).toArray(), v);
                s.setMarker(SeriesMarkers.NONE);
                s.setShowInLegend(false);
                s.setLineColor(SEEDS[i % SEEDS.length]);
                s.setLineStyle(m.color() == RAW ? THIN_DASHED : THIN);
            }
            Band mean = m.mean().apply(cell.curves());
            if (mean != null && !mean.isEmpty()) {
                List<Integer> at = new ArrayList<>();
                for (int i = 0; i < mean.epochs().length; i++) {
                    if (mean.epochs()[i] >= from && Double.isFinite(mean.mean()[i])) {
                        at.add(i);
                    }
                }
                if (!at.isEmpty()) {
                    XYSeries s = add(chart, m.name(),
                            at.stream().mapToDouble(i -> mean.epochs()[i]).toArray(),
                            at.stream().mapToDouble(i -> mean.mean()[i]).toArray());
                    s.setMarker(SeriesMarkers.NONE);
                    s.setLineColor(m.color());
                    s.setLineStyle(meanStroke(m));
                }
            }
        }
        var st = chart.getStyler();
        st.setXAxisMin((double) from);
        st.setXAxisMax((double) Math.max(last, from + 1));
        double low = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double pad = Math.max((high - low) * 0.05, 1e-9);
        st.setYAxisMin(Math.max(0, low - pad));   // errors are never negative
        st.setYAxisMax(high + pad);
        if (chart.getSeriesMap().isEmpty()) {
            add(chart, "no data", new double[] {from}, new double[] {0}).setShowInLegend(false);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** The three training losses, one panel each (they differ by orders of magnitude). */
    void losses(CellSummary cell, Path file) {
        List<BufferedImage> panels = new ArrayList<>();
        for (Metric m : lossMetrics()) {
            Plot plot = new Plot(m.name() + " loss", "epoch", "loss", PANEL);
            plot.seeds(cell.runs(), cell.curves(), List.of(m), List.of());
            plot.chart.getStyler().setLegendVisible(false);
            panels.add(plot.render());
        }
        writePng(sideBySide(panels), file);
    }

    /** One run: its test errors (with the paper's mean ± std, if it has one) and its losses, side by side. */
    void run(RunResult run, Optional<PaperTable.Cell> paper, Path file) {
        Plot errors = new Plot("test error" + paper.map(p -> "; paper mean ± std dashed").orElse(""), "epoch",
                run.unit().label(), WIDTH);
        List<Double> extra = new ArrayList<>();
        paper.ifPresent(p -> {
            extra.add(p.mean());
            if (p.std() != null && p.mean() - p.std() > 0) {
                extra.add(p.mean() - p.std());
                extra.add(p.mean() + p.std());
            }
        });
        errors.seeds(List.of(run), null, errorMetrics(run.unit()), extra);
        paper.ifPresent(p -> {
            errors.horizontal("paper", p.mean());
            if (p.std() != null && p.mean() - p.std() > 0) {
                errors.horizontal("paper − std", p.mean() - p.std(), false);
                errors.horizontal("paper + std", p.mean() + p.std(), false);
            }
        });
        Plot losses = new Plot("training losses (epoch means)", "epoch", "loss", WIDTH);
        losses.seeds(List.of(run), null, lossMetrics(), List.of());
        writePng(sideBySide(List.of(errors.render(), losses.render())), file);
    }

    /**
     * Final error against the number of labels (both log axes, a tick at every label count), ± 1 std bars. The
     * legend stands beside the plot: its long series names would otherwise cover the points they name.
     */
    void errorAgainstLabels(String title, ErrorUnit unit, List<LabelSeries> series, Path file) {
        XYChart chart = chart(title, "labeled examples", unit.label(), LABELS_WIDTH);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        double[] labels = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::labels).toArray();
        LogAxis x = LogAxis.at(labels, 0.08);
        LogAxis y = LogAxis.over(series.stream().flatMap(s -> s.points().stream())
                .flatMapToDouble(p -> DoubleStream.of(p.mean(), p.mean() + (Double.isFinite(p.std()) ? p.std() : 0),
                        Math.max(p.mean() - (Double.isFinite(p.std()) ? p.std() : 0), p.mean() / 2))).toArray());
        x.applyToX(chart);
        y.applyToY(chart);
        int k = 0;
        for (LabelSeries s : series) {
            Color color = PALETTE[k % PALETTE.length];
            double shift = Math.pow(1.03, k - (series.size() - 1) / 2.0); // keep overlapping bars apart
            double[] xs = s.points().stream().mapToDouble(p -> Math.log10(p.labels() * shift)).toArray();
            double[] ys = LogAxis.log(s.points().stream().mapToDouble(Point::mean).toArray());
            XYSeries line = add(chart, s.name(), xs, ys);
            line.setLineColor(color);
            line.setMarkerColor(color);
            line.setMarker(SeriesMarkers.CIRCLE);
            if (s.dashed()) {
                line.setLineStyle(DASHED);
            }
            for (int i = 0; i < xs.length; i++) {
                Point p = s.points().get(i);
                if (Double.isFinite(p.std()) && p.std() > 0) {
                    double low = Math.max(p.mean() - p.std(), p.mean() / 2); // log axis: stay above zero
                    double cap = 0.012;   // half-width of the bar's caps, in decades of the label axis
                    double lo = LogAxis.log(low);
                    double hi = LogAxis.log(p.mean() + p.std());
                    XYSeries bar = add(chart, s.name() + " bar " + i,
                            new double[] {xs[i] - cap, xs[i] + cap, xs[i], xs[i], xs[i] - cap, xs[i] + cap},
                            new double[] {lo, lo, lo, hi, hi, hi});
                    bar.setShowInLegend(false);
                    bar.setLineColor(color);
                    bar.setLineStyle(s.dashed() ? THIN : THICK);
                    bar.setMarker(SeriesMarkers.NONE);
                }
            }
            k++;
        }
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        y.labelY(chart, image, x.low());
        x.labelX(chart, image, y.low());
        writePng(image, file);
    }

    /**
     * The verdict at a glance: for each label count with finished runs of the paper's length, every seed's figure as
     * a point in its seed's colour, beside the paper's 95 % prediction interval for one run (the grey bar; its mean
     * the black dash). A mean ± std hides a collapsed seed; points do not.
     */
    void seedsAgainstPaper(String title, ErrorUnit unit, List<CellSummary> cells, Path file) {
        XYChart chart = chart(title, "labeled examples", unit.label(), LABELS_WIDTH);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        List<Double> values = new ArrayList<>();
        for (CellSummary c : cells) {
            c.finished().forEach(r -> values.add(r.finalFigure()));
            if (c.judgement().compares()) {
                values.add(c.judgement().predictionHigh());
                values.add(Math.max(c.judgement().predictionLow(), c.paper().map(p -> p.mean() / 4).orElse(1.0)));
            }
        }
        LogAxis x = LogAxis.at(cells.stream().mapToDouble(c -> c.key().labels()).toArray(), 0.08);
        LogAxis y = LogAxis.over(values.stream().mapToDouble(Double::doubleValue).toArray());
        x.applyToX(chart);
        y.applyToY(chart);
        Set<String> named = new HashSet<>();
        for (CellSummary c : cells) {
            double at = Math.log10(c.key().labels());
            if (c.judgement().compares()) {
                double low = Math.max(c.judgement().predictionLow(), c.paper().map(p -> p.mean() / 4).orElse(1.0));
                XYSeries band = chart.addSeries("paper's range · " + c.key().labels(), new double[] {at, at},
                        new double[] {LogAxis.log(low), LogAxis.log(c.judgement().predictionHigh())});
                band.setLineColor(new Color(0, 0, 0, 40));
                band.setLineStyle(new BasicStroke(14f));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(named.add("paper's range"));
                if (band.isShowInLegend()) {
                    band.setLabel("paper's 95 % range for one run");
                }
                c.paper().ifPresent(p -> {
                    XYSeries mean = chart.addSeries("paper · " + c.key().labels(), new double[] {at - 0.02, at + 0.02},
                            new double[] {LogAxis.log(p.mean()), LogAxis.log(p.mean())});
                    mean.setLineColor(Color.BLACK);
                    mean.setLineStyle(THICK);
                    mean.setMarker(SeriesMarkers.NONE);
                    mean.setShowInLegend(named.add("paper's mean"));
                    if (mean.isShowInLegend()) {
                        mean.setLabel("paper's mean");
                    }
                });
            }
            List<RunResult> bySeed = c.finished().stream().sorted(RunResult.SEED_ORDER).toList();
            for (int i = 0; i < bySeed.size(); i++) {
                RunResult r = bySeed.get(i);
                String label = "seed " + r.seed() + (r.health().collapsed() ? " · collapsed" : "");
                double dx = 0.012 * (i - (bySeed.size() - 1) / 2.0);
                XYSeries point = add(chart, label + " · " + c.key().labels() + " · " + r.runId(),
                        new double[] {at + dx}, new double[] {LogAxis.log(r.finalFigure())});
                point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                point.setMarker(r.health().collapsed() ? SeriesMarkers.CROSS : SeriesMarkers.CIRCLE);
                point.setMarkerColor(SEEDS[(r.seed() - 1 + SEEDS.length) % SEEDS.length]);
                point.setShowInLegend(named.add(label));
                if (point.isShowInLegend()) {
                    point.setLabel(label);
                }
            }
        }
        chart.getStyler().setMarkerSize(9);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        y.labelY(chart, image, x.low());
        x.labelX(chart, image, y.low());
        writePng(image, file);
    }

    /**
     * A gap at a glance: each protocol's figure over epochs in its own colour (the released script's averaged D, the
     * raw D of a protocol without an average), a thin line per run, unfinished runs included, and its mean thick
     * over the epochs that all its runs have reached (a mean that loses a run mid-curve would jump there); the
     * paper's mean dashed and its 95 % prediction interval for one run as thin dashed lines.
     */
    void protocolsOverEpochs(String title, Gaps.Gap gap, Path file) {
        List<CellSummary> protocols = new ArrayList<>(List.of(gap.faithful()));
        gap.effects().forEach(e -> protocols.add(e.cell()));
        Plot plot = new Plot(title, "epoch", gap.faithful().unit().label(), LABELS_WIDTH);
        plot.chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        plot.chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        for (int k = 0; k < protocols.size(); k++) {
            plot.protocol(k == 0 ? "released script" : protocols.get(k).key().variant(), protocols.get(k),
                    PROTOCOLS[k % PROTOCOLS.length]);
        }
        gap.paper().ifPresent(p -> plot.horizontal("paper", p.mean()));
        Judgement j = gap.faithful().judgement();
        if (j.compares()) {
            plot.range("paper's 95 % range for one run", j.predictionLow(), j.predictionHigh());
        }
        plot.write(file);
    }

    /** The averaged D (the paper's number) comes last, so that it is drawn over the others. */
    private static List<Metric> errorMetrics(ErrorUnit unit) {
        return List.of(
                new Metric("raw D", RAW, m -> unit.of(m.testErrorsRaw(), m.testCount()), Curves::testRaw),
                new Metric("bias-corrected", CORRECTED, m -> m.hasCorrected()
                        ? unit.of(m.testErrorsAverageCorrected(), m.testCount()) : Double.NaN, Curves::testCorrected),
                new Metric("averaged D", AVERAGE, m -> unit.of(m.testErrorsAverage(),
                        m.testCount()), Curves::testAverage));
    }

    private static List<Metric> lossMetrics() {
        return List.of(
                new Metric("supervised", PALETTE[3], EpochMetrics::lossSupervised, Curves::lossSupervised),
                new Metric("unsupervised", PALETTE[4], EpochMetrics::lossUnsupervised, Curves::lossUnsupervised),
                new Metric("feature matching", PALETTE[5], EpochMetrics::lossFeatureMatching,
                        Curves::lossFeatureMatching));
    }

    /** A chart over epochs with a log y axis, filled by {@link #seeds}. */
    private static final class Plot {
        final XYChart chart;
        private final List<Double> values = new ArrayList<>();
        private double lastEpoch = 1;
        private LogAxis y;

        Plot(String title, String x, String yTitle, int width) {
            chart = chart(title, x, yTitle, width);
        }

        /**
         * One thin line per run and metric (dashed for flagged runs) and the cell's mean over seeds (thick); a single
         * run (curves null) is drawn thick.
         */
        void seeds(List<RunResult> runs, Curves curves, List<Metric> metrics, List<Double> extraValues) {
            values.addAll(extraValues);
            lastEpoch = Math.max(2, runs.stream().flatMap(r -> r.metrics().stream()).mapToInt(EpochMetrics::epoch)
                    .max().orElse(2));
            boolean thin = curves != null;
            List<RunResult> bySeed = runs.stream().sorted(RunResult.SEED_ORDER).toList();
            Set<String> named = new HashSet<>();
            for (Metric m : metrics) {
                if (thin && m.color() == CORRECTED) {
                    // per seed, the corrected average would be a third line in the seed's colour: its mean suffices
                } else {
                    for (int i = 0; i < bySeed.size(); i++) {
                        RunResult r = bySeed.get(i);
                        double[] x = r.metrics().stream().mapToDouble(EpochMetrics::epoch).toArray();
                        double[] v = r.metrics().stream().mapToDouble(m.value()).toArray();
                        if (DoubleStream.of(v).noneMatch(d -> Double.isFinite(d) && d > 0)) {
                            continue;
                        }
                        DoubleStream.of(v).filter(d -> Double.isFinite(d) && d > 0).forEach(values::add);
                        String label = seedLabel(r, bySeed);
                        // the seed's legend entry is its averaged-D line (solid), drawn last
                        boolean legend = thin && (m.color() == AVERAGE || metrics.size() == 1) && named.add(label);
                        XYSeries s = add(chart, thin ? (legend ? label : m.name() + " · " + label)
                                : m.name(), x, LogAxis.log(v));
                        s.setMarker(SeriesMarkers.NONE);
                        s.setShowInLegend(!thin || legend);
                        s.setLineColor(thin ? SEEDS[i % SEEDS.length] : m.color());
                        s.setLineStyle(!thin ? THICK : m.color() == RAW ? THIN_DASHED : THIN);
                    }
                }
                Band mean = thin ? m.mean().apply(curves) : null;
                if (mean != null && !mean.isEmpty()) {
                    double[] x = IntStream.of(mean.epochs()).asDoubleStream().toArray();
                    XYSeries s = add(chart, m.name() + ", mean", x, LogAxis.log(mean.mean()));
                    s.setMarker(SeriesMarkers.NONE);
                    s.setLineColor(m.color());
                    s.setLineStyle(meanStroke(m));
                }
            }
        }

        /** One protocol in one colour: a thin line per run of its figure, its mean thick where every run has one. */
        void protocol(String name, CellSummary cell, Color color) {
            List<RunResult> runs = cell.runs().stream().filter(r -> !r.metrics().isEmpty())
                    .sorted(RunResult.SEED_ORDER).toList();
            for (RunResult r : runs) {
                double[] x = r.metrics().stream().mapToDouble(EpochMetrics::epoch).toArray();
                double[] v = r.metrics().stream().mapToDouble(r::figure).toArray();
                DoubleStream.of(v).filter(d -> Double.isFinite(d) && d > 0).forEach(values::add);
                lastEpoch = Math.max(lastEpoch, r.metrics().get(r.metrics().size() - 1).epoch());
                XYSeries s = add(chart, name + " · " + seedLabel(r, runs), x, LogAxis.log(v));
                s.setMarker(SeriesMarkers.NONE);
                s.setShowInLegend(false);
                s.setLineColor(color);
                s.setLineStyle(r.health().flagged() ? THIN_DASHED : THIN);
            }
            Band mean = cell.figureCurve();
            int[] all = IntStream.range(0, mean.epochs().length).filter(i -> mean.n()[i] == runs.size()).toArray();
            long unfinished = runs.stream().filter(r -> !r.finished()).count();
            String label = name + ", " + cell.figureName() + " (" + runs.size() + (runs.size() == 1 ? " run" : " runs")
                    + (unfinished == 0 ? "" : ", " + unfinished + " unfinished") + ")";
            if (all.length > 0) {
                XYSeries s = add(chart, label, IntStream.of(all).mapToDouble(i -> mean.epochs()[i]).toArray(),
                        LogAxis.log(IntStream.of(all).mapToDouble(i -> mean.mean()[i]).toArray()));
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(color);
                s.setLineStyle(THICK);
            }
        }

        /** A range as its two edges, thin and dashed, named once in the legend; an edge at or below 0 is left out. */
        void range(String name, double low, double high) {
            XYSeries edge = horizontal(name, high, false);
            edge.setShowInLegend(true);
            if (low > 0) {
                horizontal(name + ", lower edge", low, false);
            }
        }

        void horizontal(String name, double value) {
            horizontal(name, value, true);
        }

        /** A horizontal line across the epochs; {@code inLegend} false for the edges of a band. */
        XYSeries horizontal(String name, double value, boolean inLegend) {
            values.add(value);
            XYSeries s = add(chart, name, new double[] {1, lastEpoch},
                    new double[] {LogAxis.log(value), LogAxis.log(value)});
            s.setLineColor(inLegend ? Color.DARK_GRAY : Color.GRAY);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(inLegend ? DASHED : THIN_DASHED);
            s.setShowInLegend(inLegend);
            return s;
        }

        BufferedImage render() {
            y = LogAxis.over(values.stream().mapToDouble(Double::doubleValue).toArray());
            y.applyToY(chart);
            EpochAxis x = EpochAxis.over(Math.max(2, (int) lastEpoch), chart.getWidth());
            x.applyToX(chart);
            if (chart.getSeriesMap().isEmpty()) {
                add(chart, "no data", new double[] {1}, new double[] {y.low()}).setShowInLegend(false);
            }
            BufferedImage image = BitmapEncoder.getBufferedImage(chart);
            y.labelY(chart, image, 1.0);
            x.labelX(chart, image, y.low());
            return image;
        }

        void write(Path file) {
            writePng(render(), file);
        }
    }

    /** "seed 2", "seed 2 · flagged"; with the experiment when the chart holds that seed twice. */
    static String seedLabel(RunResult r, List<RunResult> runs) {
        boolean twice = runs.stream().filter(o -> o.seed() == r.seed()).count() > 1;
        return "seed " + r.seed() + (twice ? " · " + r.experiment() : "") + (r.health().flagged() ? " · flagged" : "");
    }

    /** The mean over seeds: the averaged D thickest, the bias-corrected one dashed. */
    private static BasicStroke meanStroke(Metric m) {
        return m.color() == AVERAGE ? THICKEST : m.color() == CORRECTED ? DASHED : THICK;
    }

    /** A series name not used yet in this chart (XChart refuses a second series of the same name). */
    static String unique(XYChart chart, String name) {
        String candidate = name;
        for (int k = 2; chart.getSeriesMap().containsKey(candidate); k++) {
            candidate = name + " (" + k + ")";
        }
        return candidate;
    }

    /**
     * Adds a series under a name no other series of the chart has: XChart refuses a name twice, and two runs or
     * paper rows of one name (a copied run directory, say) must not cost the chart.
     */
    static XYSeries add(XYChart chart, String name, double[] x, double[] y) {
        return chart.addSeries(unique(chart, name), x, y);
    }

    private static XYChart chart(String title, String x, String y, int width) {
        XYChart chart = new XYChartBuilder().width(width).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xdddddd));
        st.setLegendPosition(Styler.LegendPosition.OutsideS);   // never over the data
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setLegendFont(st.getLegendFont().deriveFont(10f));
        st.setLegendPadding(4);
        st.setMarkerSize(5);
        st.setAntiAlias(true);
        return chart;
    }

    private static BufferedImage sideBySide(List<BufferedImage> panels) {
        int width = panels.stream().mapToInt(BufferedImage::getWidth).sum();
        BufferedImage all = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        int x = 0;
        for (BufferedImage p : panels) {
            g.drawImage(p, x, 0, null);
            x += p.getWidth();
        }
        g.dispose();
        return all;
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
