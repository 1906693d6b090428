package ssgan.report;

import ssgan.config.Settings;
import ssgan.config.SettingKey;
import ssgan.config.SettingsCodec;
import ssgan.format.Formats;
import ssgan.metrics.EpochMetrics;
import ssgan.paper.PaperProtocol;
import ssgan.results.KnownDefects;
import ssgan.results.Provenance;
import ssgan.results.Replay;
import ssgan.stats.Confusion;
import ssgan.stats.RunConfusion;
import ssgan.stats.RunSubset;
import ssgan.stats.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * A run's own page ({@code runs/<experiment>/<run-id>.html}): its curves, its samples at integer scale, its full
 * config with the keys that differ from the paper's setup and from its sibling seeds marked, its provenance and
 * health, its errors every 25 epochs, once finished where its final errors are (confusion matrices) and, from its
 * subset.json, how hard its labeled subset is.
 * Formatting only, like {@link PageBuilder}.
 */
record RunPage(String title, Links links, Status status, String chart, List<Milestone> milestones,
               List<ConfusionView> confusions, String subset, Samples samples, List<ConfigRow> config,
               List<Row> provenance, Sittings sittings, Restarts restarts) {
    static final int MILESTONE_EVERY = 25;
    /** Sample grids are shown at twice their size, a whole multiple, so pixels stay sharp. */
    static final int SAMPLE_SCALE = 2;

    public boolean hasConfusions() { return !confusions.isEmpty(); }

    public boolean hasMilestones() { return !milestones.isEmpty(); }

    /** Back to the report's root, and to the run's cell on the index. */
    record Links(String root, String cellHref) {}

    /**
     * State, epochs, final errors and health findings (empty when healthy).
     *
     * @param defects one {@link KnownDefects.Fix#mark()} per known-defect fix the run's training predates
     * @param cleared one {@link KnownDefects.Clearance#text()} per such fix that provably did not change the run
     */
    /**
     * @param figure  which D is the run's figure, in words
     * @param leftOut why the run is kept out of every statistic (its record does not stand); empty when it is not
     * @param damage  what of its record could not be read
     */
    record Status(String state, String epochs, PageModel.RunErrors errors, String figure, List<String> health,
                  List<String> defects, List<String> cleared, List<String> leftOut, List<String> damage) {
        public boolean hasHealth() { return !health.isEmpty(); }
    }

    /** samples.png, shown at {@code size} pixels square. */
    record Samples(String src, int size) {}

    /** {@code css} is "paper" (differs from the paper's setup), "siblings" (from another seed of the cell) or both. */
    record ConfigRow(String key, String value, String paper, String css) {}

    record Row(String key, String value) {}

    /**
     * The processes that trained the run, oldest first, and what to know about them: sittings missing from the
     * history (a run begun by an older version), and sittings run by different code.
     */
    record Sittings(List<SittingRow> rows, List<String> notes) {
        public boolean hasRows() { return !rows.isEmpty(); }
    }

    record SittingRow(String number, String started, String ended, String epochs, String commit, String host,
                      String device, String threads) {}

    /** The run's restarts from epoch 0, oldest first, each with how its replay compares with the epochs it lost. */
    record Restarts(List<RestartRow> rows) {
        public boolean hasRows() { return !rows.isEmpty(); }
    }

    /** @param replay "replayed epochs 1-179 bit-identical to the kept record" or where it first differs */
    record RestartRow(String number, String at, String reason, String epochsLost, String kept, String replay,
                      boolean differs) {}

    /**
     * One discriminator's confusion matrix: a row per true class, a column per predicted class, the class's error
     * last. {@code css} of a count: "diagonal", "major" (at least {@link #MAJOR} of its row) or "minor" (above 0).
     */
    record ConfusionView(String title, String summary, List<String> predicted, List<ConfusionRow> rows) {}

    record ConfusionRow(String actual, List<Count> counts, String error) {}

    record Count(String value, String css) {}

    /** An off-diagonal count that is at least this share of its true class stands out: a cluster given the wrong label. */
    static final double MAJOR = 0.1;

    record Milestone(String epoch, String raw, String average, String corrected, String featureMatching,
                     String seconds) {}

    /** Which D the run's statistics use, and why: its protocol's reported_d. */
    static String figureText(RunResult run) {
        return run.settings().reportedD() == Settings.ReportedD.RAW
                ? "Its figure, in every table and statistic, is the raw D (reported_d: raw): its protocol has no"
                + " moving average of D; the averaged D is recorded beside it."
                : "Its figure, in every table and statistic, is the averaged D (reported_d: averaged), as in the"
                + " authors' released script and the paper's tables.";
    }

    /**
     * @param siblings the other runs of the run's cell
     * @param samplesWidth the width of samples.png in pixels (0 without samples)
     */
    static RunPage of(RunResult run, List<RunResult> siblings, Optional<RunConfusion> confusion,
                      Optional<RunSubset> subset, int samplesWidth, boolean hasChart) {
        String root = Assets.FROM_RUN_PAGE;
        int d = run.unit().runDecimals();
        List<String> health = run.health().findings().stream().map(f -> f.text()).toList();
        Status status = new Status(run.stateText() + (run.message() != null ? ": " + run.message() : ""),
                run.epochsDone() + " of " + run.epochsTarget() + PageBuilder.recorded(run), new PageModel.RunErrors(
                Formats.number(run.finalRaw(), d), Formats.number(run.finalAverage(), d),
                Formats.number(run.finalCorrected(), d)), run.admitted() ? figureText(run)
                : "It enters no statistic, curve or chart of its cell: its record does not stand (below).", health,
                run.predatedFixes().stream().map(KnownDefects.Fix::mark).toList(),
                run.clearances().stream().map(KnownDefects.Clearance::text).toList(),
                run.integrity().leftOutBecause(), run.integrity().damage());
        Samples samples = run.samples() == null ? null
                : new Samples(root + Assets.samples(run), samplesWidth * SAMPLE_SCALE);
        return new RunPage(run.experiment() + " / " + run.runId(),
                new Links(root, root + "index.html#" + Assets.anchor(run.cell())), status,
                hasChart ? root + Assets.runChart(run) : null, milestones(run),
                confusion.map(c -> List.of(confusion("averaged D", c.averaged()),
                        confusion("raw D", c.raw()))).orElse(List.of()),
                subset.map(s -> s.text(run.unit()) + ".").orElse(null), samples, config(run, siblings),
                provenance(run), sittings(run.provenance()), restarts(run.replays()));
    }

    static ConfusionView confusion(String title, Confusion c) {
        List<String> predicted = IntStream.range(0, c.classes()).mapToObj(String::valueOf).toList();
        List<ConfusionRow> rows = new ArrayList<>();
        for (int a = 0; a < c.classes(); a++) {
            int support = c.support(a);
            List<Count> counts = new ArrayList<>();
            for (int p = 0; p < c.classes(); p++) {
                int n = c.counts()[a][p];
                String css = a == p ? "diagonal" : n > 0 && n >= MAJOR * support ? "major" : n > 0 ? "minor" : null;
                counts.add(new Count(String.valueOf(n), css));
            }
            String error = support == 0 ? Formats.NONE
                    : Formats.number(100.0 * (support - c.counts()[a][a]) / support, 1) + " %";
            rows.add(new ConfusionRow(String.valueOf(a), counts, error));
        }
        return new ConfusionView(title, c.text(), predicted, rows);
    }

    static Restarts restarts(List<Replay> replays) {
        List<RestartRow> rows = new ArrayList<>();
        for (int i = 0; i < replays.size(); i++) {
            Replay r = replays.get(i);
            Provenance.Restart restart = r.restart();
            rows.add(new RestartRow(String.valueOf(i + 1), r.when(), restart.reason(),
                    String.valueOf(restart.epochsLost()), restart.metricsKept(), r.text(), r.first() != null));
        }
        return new Restarts(rows);
    }

    static Sittings sittings(Provenance p) {
        if (p == null) {
            return new Sittings(List.of(), List.of());
        }
        List<String> notes = new ArrayList<>();
        int missing = p.unrecordedSittings();
        if (missing > 0) {
            notes.add((missing == 1 ? "Sitting 1 is" : "Sittings 1-" + missing + " are") + " not recorded: the run "
                    + "began before provenance kept a history of its sittings" + (p.sittingList().isEmpty()
                    ? "; the facts above are those of its last sitting." : "."));
        }
        if (p.mixedCode()) {
            notes.add("Trained by more than one version of the code: check that the commits between them did not "
                    + "change the training.");
        }
        List<SittingRow> rows = new ArrayList<>();
        for (int i = 0; i < p.sittingList().size(); i++) {
            Provenance.Sitting s = p.sittingList().get(i);
            String from = s.fromEpoch() == null ? "?" : String.valueOf(s.fromEpoch());
            String to = s.toEpoch() == null ? "(working)" : String.valueOf(s.toEpoch());
            rows.add(new SittingRow(String.valueOf(missing + i + 1), s.startedAt(),
                    s.endedAt() == null ? Formats.NONE : s.endedAt(), from + " → " + to,
                    Provenance.commitLabel(s.gitCommit(), s.gitDirty()), s.host(), s.device(),
                    String.valueOf(s.intraOpThreads())));
        }
        return new Sittings(rows, notes);
    }

    private static List<ConfigRow> config(RunResult run, List<RunResult> siblings) {
        Map<String, Object> paper = PaperProtocol.setup(run.cell().dataset());
        Map<String, Object> settings = SettingsCodec.toMap(run.settings());
        Set<String> differsFromSiblings = new TreeSet<>();
        for (RunResult s : siblings) {
            Map<String, Object> sibling = SettingsCodec.toMap(s.settings());
            for (String key : settings.keySet()) {
                if (!SettingKey.PER_RUN.contains(key) && !Objects.equals(sibling.get(key), settings.get(key))) {
                    differsFromSiblings.add(key);
                }
            }
        }
        List<ConfigRow> rows = new ArrayList<>();
        settings.forEach((key, value) -> {
            Object paperValue = paper.get(key);
            boolean fromPaper = paperValue != null && PaperProtocol.describesSetup(key)
                    && !PaperProtocol.sameValue(value, paperValue);
            String css = (fromPaper ? "differs-paper " : "") + (differsFromSiblings.contains(key) ? "differs-siblings" : "");
            rows.add(new ConfigRow(key, String.valueOf(value), paperValue == null ? Formats.NONE : String.valueOf(paperValue),
                    css.isBlank() ? null : css.trim()));
        });
        return rows;
    }

    private static List<Row> provenance(RunResult run) {
        Provenance p = run.provenance();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("run directory", "results/" + run.recordPath()));
        rows.add(new Row("settings hash", run.configHash()));
        if (run.integrity().checksums() != null) {
            rows.add(new Row("checksums", run.integrity().checksums()));
        }
        if (p == null) {
            rows.add(new Row("provenance", PageBuilder.unreadableProvenance(run) ? "provenance unreadable"
                    : "none recorded"));
            return rows;
        }
        rows.add(new Row("git commit", p.gitCommit() + (p.gitDirty() ? " (work tree modified)" : "")));
        rows.add(new Row("engine", p.engine() + " " + p.engineVersion() + ", DJL " + p.djl()));
        rows.add(new Row("Java", p.java()));
        rows.add(new Row("OS", p.os()));
        rows.add(new Row("host", p.host()));
        rows.add(new Row("CPU", p.cpu() + " (" + p.cpuCores() + " cores)"));
        rows.add(new Row("device", p.device() + (p.gpu() != null && !"none".equals(p.gpu()) ? " " + p.gpu() : "")));
        rows.add(new Row("threads", p.intraOpThreads() + " intra-op, " + p.interOpThreads() + " inter-op"));
        rows.add(new Row("sittings", p.sittings() + (p.sittings() > 1 ? " (interrupted and resumed)" : "")));
        rows.add(new Row("started / ended", p.startedAt() + " / " + (p.endedAt() == null ? Formats.NONE : p.endedAt())));
        rows.add(new Row("wall time", Formats.duration(run.seconds()) + ", " + Formats.number(run.cpuHours(), 2)
                + " CPU-hours; median " + Formats.number(run.medianEpochSeconds(), 1) + " s per epoch"));
        if (p.dataChecksums() != null) {
            new TreeMap<>(p.dataChecksums()).forEach((file, sum) -> rows.add(new Row("data " + file, sum)));
        }
        return rows;
    }

    private static List<Milestone> milestones(RunResult run) {
        List<EpochMetrics> metrics = run.metrics();
        List<Milestone> out = new ArrayList<>();
        int d = run.unit().runDecimals();
        for (int i = 0; i < metrics.size(); i++) {
            EpochMetrics m = metrics.get(i);
            if (m.epoch() == 1 || m.epoch() % MILESTONE_EVERY == 0 || i == metrics.size() - 1) {
                out.add(new Milestone(String.valueOf(m.epoch()),
                        Formats.number(run.unit().of(m.testErrorsRaw(), m.testCount()), d),
                        Formats.number(run.unit().of(m.testErrorsAverage(), m.testCount()), d),
                        m.hasCorrected() ? Formats.number(run.unit().of(m.testErrorsAverageCorrected(), m.testCount()), d)
                                : Formats.NONE,
                        Formats.number(m.lossFeatureMatching(), 3), Formats.number(m.seconds(), 1)));
            }
        }
        return out;
    }

}
