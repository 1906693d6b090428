package ssgan.runs;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import ssgan.metrics.EpochMetrics;
import ssgan.train.StepLosses;
import ssgan.train.Trainer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of one run: a progress bar (epoch, iteration, ETA, current losses) on a terminal, one plain line per
 * epoch otherwise (CI, batch jobs). Epoch lines are printed in both cases.
 */
abstract class Progress implements Trainer.Observer, AutoCloseable {
    protected final String label;
    /** The run's epoch budget, for "epoch 3/300". */
    protected final int epochs;
    protected final PrintStream out;

    Progress(String label, int epochs, PrintStream out) {
        this.label = label;
        this.epochs = epochs;
        this.out = out;
    }

    static Progress create(String label, int epochs, int epochsDone, int iterations, PrintStream out) {
        return System.console() != null ? new Bar(label, epochs, epochsDone, iterations, out)
                : new Lines(label, epochs, out);
    }

    static String describe(EpochMetrics m, int epochs) {
        return String.format(Locale.ROOT,
                "epoch %d/%d: test errors %d raw, %d averaged (of %d); losses sup %.4f unsup %.4f fm %.4f; "
                        + "train error %.2f%%; %.1f s (%.1f it/s)",
                m.epoch(), epochs, m.testErrorsRaw(), m.testErrorsAverage(), m.testCount(), m.lossSupervised(),
                m.lossUnsupervised(), m.lossFeatureMatching(), 100 * m.trainError(), m.seconds(),
                m.iterationsPerSecond());
    }

    @Override
    public void epoch(EpochMetrics m) {
        out.println(label + " " + describe(m, epochs));
    }

    @Override
    public void close() {}

    /** Plain lines, for logs. */
    static final class Lines extends Progress {
        Lines(String label, int epochs, PrintStream out) {
            super(label, epochs, out);
        }
    }

    /** A terminal progress bar over all iterations of the run. */
    static final class Bar extends Progress {
        private final ProgressBar bar;
        private final int iterations;

        Bar(String label, int epochs, int epochsDone, int iterations, PrintStream out) {
            super(label, epochs, out);
            this.iterations = iterations;
            this.bar = new ProgressBarBuilder().setTaskName(label).setInitialMax((long) epochs * iterations)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed()
                    .startsFrom((long) epochsDone * iterations, Duration.ZERO).build();
        }

        @Override
        public void iteration(int epoch, int iteration, int its, StepLosses l) {
            bar.stepTo((long) (epoch - 1) * iterations + iteration);
            if (iteration % 20 == 0) {
                bar.setExtraMessage(String.format(Locale.ROOT, " ep %d/%d sup %.3f unsup %.3f fm %.3f", epoch, epochs,
                        l.supervised(), l.unsupervised(), l.featureMatching()));
            }
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
