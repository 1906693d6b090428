package ssgan.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import ssgan.config.SettingsCodec;
import ssgan.results.Provenance;
import ssgan.results.SubsetDifficulty;
import ssgan.paper.AuthorsScripts;
import ssgan.stats.Ablation;
import ssgan.stats.Analysis;
import ssgan.stats.CellSummary;
import ssgan.stats.Judgement;
import ssgan.stats.ClaimLine;
import ssgan.stats.Gaps;
import ssgan.stats.Confusion;
import ssgan.stats.RunConfusion;
import ssgan.stats.RunSubset;
import ssgan.stats.RunResult;
import ssgan.stats.SampleStats;
import ssgan.metrics.EpochMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * report/data/: every table of the page as CSV and JSON, in numbers rather than formatted text (NaN and missing
 * values are empty in CSV and null in JSON), plus every run's per-epoch metrics.
 */
final class DataExport {
    /** The files, in the order the page lists them, with what each holds. */
    static final Map<String, String> TABLES = tables();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    private DataExport() {}

    private static Map<String, String> tables() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("verdicts", "the verdict summary: one line per dataset and label count");
        t.put("cells", "per cell: which D is its figure (reported_d); n, mean, std, 95 % CI of the figure, the"
                + " averaged, raw and bias-corrected errors, and the figure over healthy runs only; the paper's value, the Welch"
                + " and TOST figures (on the figure), the verdict and its rule");
        t.put("runs", "per run: state, epochs, final errors, health flags, compute, provenance");
        t.put("ensembles", "per cell: the ensembles of its finished runs");
        t.put("ablations", "per variant: its figure (reported_d) and the difference from the faithful variant's");
        t.put("confusion", "per finished run, discriminator (averaged, raw), true and predicted class: test images");
        t.put("subsets", "per run with a subset.json: test errors of 1-NN on its labeled images alone, and its rank"
                + " among random subsets of the same size");
        t.put("why", "the \"why the low-label cells differ\" section seed by seed: each protocol of the paper's length"
                + " and each screened variant against the released script's run of the same seed (so the same labeled"
                + " subset), which D on each side, the difference, the protocol's finding or the variant's share of"
                + " the larger change that contains it");
        t.put("metrics", "per run and epoch: losses, test errors, seconds");
        return t;
    }

    static void write(Analysis analysis, Path dir) throws IOException {
        Files.createDirectories(dir);
        table(dir, "verdicts", analysis.claims().stream().map(DataExport::claim).toList());
        table(dir, "cells", analysis.cells().stream().map(DataExport::cell).toList());
        table(dir, "runs", analysis.runs().stream().map(DataExport::run).toList());
        table(dir, "ensembles", analysis.cells().stream().filter(c -> !c.ensemble().isEmpty())
                .map(DataExport::ensemble).toList());
        table(dir, "ablations", analysis.ablations().stream().flatMap(a -> a.rows().stream()).map(DataExport::ablation)
                .toList());
        List<Map<String, Object>> confusion = new ArrayList<>();
        for (CellSummary c : analysis.cells()) {
            for (RunConfusion r : c.confusions()) {
                confusion.addAll(confusion(r, "averaged", r.averaged()));
                confusion.addAll(confusion(r, "raw", r.raw()));
            }
        }
        table(dir, "confusion", confusion);
        table(dir, "subsets", analysis.cells().stream().flatMap(c -> c.subsets().stream()).map(DataExport::subset)
                .toList());
        List<Map<String, Object>> why = new ArrayList<>();
        for (String dataset : analysis.datasets()) {
            analysis.gaps(dataset).ifPresent(g -> g.gaps().forEach(gap -> why.addAll(why(dataset, gap))));
        }
        table(dir, "why", why);
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (RunResult r : analysis.runs()) {
            for (EpochMetrics m : r.metrics()) {
                metrics.add(epoch(r, m));
            }
        }
        table(dir, "metrics", metrics);
    }

    /**
     * A JSON array with one row per line: line-by-line diffs in git like an indented file, without repeating every
     * key on a line of its own (metrics.json, every epoch of every run, would pass 3 MB indented).
     */
    static String jsonLines(List<Map<String, Object>> rows) throws IOException {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append(JSON.writeValueAsString(rows.get(i)));
        }
        return out.append(rows.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    private static void table(Path dir, String name, List<Map<String, Object>> rows) {
        try {
            Files.writeString(dir.resolve(name + ".json"), jsonLines(rows));
            if (rows.isEmpty()) { // no rows, no columns to name: an empty file
                Files.write(dir.resolve(name + ".csv"), new byte[0]);
                return;
            }
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            rows.get(0).keySet().forEach(schema::addColumn);
            List<Map<String, Object>> csvRows = rows.stream().map(DataExport::csvValues).toList();
            Files.write(dir.resolve(name + ".csv"), CSV.writer(schema.build()).writeValueAsBytes(csvRows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report data " + name, e);
        }
    }

    /** CSV has no null: empty cells; lists joined with "; ". */
    private static Map<String, Object> csvValues(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v == null ? "" : v instanceof List<?> l ? String.join("; ",
                l.stream().map(String::valueOf).toList()) : v));
        return out;
    }

    /** Field by field: a generic conversion of 30,000 records would dominate the report's run time. */
    private static Map<String, Object> epoch(RunResult r, EpochMetrics m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("experiment", r.experiment());
        row.put("run_id", r.runId());
        row.put("epoch", m.epoch());
        row.put("loss_supervised", m.lossSupervised());
        row.put("loss_unsupervised", m.lossUnsupervised());
        row.put("loss_feature_matching", m.lossFeatureMatching());
        row.put("train_error", m.trainError());
        row.put("test_errors_raw", m.testErrorsRaw());
        row.put("test_errors_average", m.testErrorsAverage());
        row.put("test_errors_average_corrected", m.testErrorsAverageCorrected());
        row.put("test_count", m.testCount());
        row.put("seconds", m.seconds());
        row.put("iterations_per_second", m.iterationsPerSecond());
        return row;
    }

    private static Map<String, Object> claim(ClaimLine c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataset", c.dataset());
        row.put("labels", c.labels());
        row.put("verdict", c.verdict() == null ? "no_runs" : c.verdict().name().toLowerCase(Locale.ROOT));
        row.put("status", c.status());
        row.put("n", c.n());
        row.put("reason", c.reason());
        return row;
    }

    private static Map<String, Object> cell(CellSummary c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataset", c.key().dataset());
        row.put("labels", c.key().labels());
        row.put("variant", c.key().variant());
        row.put("epochs", c.key().epochs());
        row.put("paper_epochs", c.key().paperEpochs());
        row.put("unit", c.unit().label());
        row.put("runs", c.runs().size());
        row.put("finished", c.finished().size());
        row.put("flagged", c.flagged().size());
        row.put("reported_d", SettingsCodec.configValue(c.reportedD()));
        stats(row, "figure", c.figure());
        stats(row, "averaged", c.average());
        stats(row, "raw", c.raw());
        stats(row, "corrected", c.corrected());
        stats(row, "healthy_figure", c.healthy());
        row.put("paper_mean", c.paper().map(p -> (Object) p.mean()).orElse(null));
        row.put("paper_std", c.paper().map(p -> (Object) p.std()).orElse(null));
        Judgement j = c.judgement();
        boolean compares = j.compares(); // budget cells: no p-value, no interval
        row.put("difference", compares ? number(j.difference()) : null);
        row.put("ci95_low", compares ? number(j.ciLow()) : null);
        row.put("ci95_high", compares ? number(j.ciHigh()) : null);
        row.put("ci90_low", compares ? number(j.tostLow()) : null);
        row.put("ci90_high", compares ? number(j.tostHigh()) : null);
        row.put("welch_df", compares ? number(j.df()) : null);
        row.put("welch_p", compares ? number(j.p()) : null);
        row.put("effect_paper_stds", compares ? number(j.effect()) : null);
        row.put("min_detectable_80", compares ? number(j.minDetectable()) : null);
        row.put("seeds_for_one_paper_std", compares && j.seedsNeeded() > 0 ? j.seedsNeeded() : null);
        row.put("verdict", c.verdict().name().toLowerCase(Locale.ROOT));
        row.put("rule", j.rule());
        row.put("mixes", c.mixes());
        return row;
    }

    private static void stats(Map<String, Object> row, String prefix, SampleStats s) {
        row.put(prefix + "_n", s.n());
        row.put(prefix + "_mean", number(s.mean()));
        row.put(prefix + "_std", number(s.std()));
        row.put(prefix + "_ci_low", number(s.ciLow()));
        row.put(prefix + "_ci_high", number(s.ciHigh()));
    }

    private static Map<String, Object> run(RunResult r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("experiment", r.experiment());
        row.put("run_id", r.runId());
        row.put("dataset", r.cell().dataset());
        row.put("labels", r.cell().labels());
        row.put("variant", r.cell().variant());
        row.put("seed", r.seed());
        row.put("state", r.state().label());
        row.put("epochs_done", r.epochsDone());
        row.put("epochs_target", r.epochsTarget());
        row.put("reported_d", SettingsCodec.configValue(r.settings().reportedD()));
        row.put("final_figure", number(r.finalFigure()));
        row.put("final_raw", number(r.finalRaw()));
        row.put("final_averaged", number(r.finalAverage()));
        row.put("final_corrected", number(r.finalCorrected()));
        row.put("health", r.health().findings().stream().map(f -> f.check().slug()).toList());
        row.put("health_detail", r.health().findings().stream().map(f -> f.text()).toList());
        row.put("sample_diversity", r.health().diversityRatio().isPresent()
                ? r.health().diversityRatio().getAsDouble() : null);
        row.put("seconds", number(r.seconds()));
        row.put("median_epoch_seconds", number(r.medianEpochSeconds()));
        row.put("cpu_hours", number(r.cpuHours()));
        var p = r.provenance();
        row.put("git_commit", p == null ? null : p.gitCommit());
        row.put("git_dirty", p == null ? null : p.gitDirty());
        row.put("device", p == null ? null : p.device());
        row.put("threads", p == null ? null : p.intraOpThreads());
        row.put("sittings", p == null ? null : p.sittings());
        // the commit of each recorded sitting: a run resumed by newer code lists both
        row.put("sitting_commits", p == null ? null
                : p.sittingList().stream().map(Provenance.Sitting::gitCommit).toList());
        row.put("unrecorded_sittings", p == null ? null : p.unrecordedSittings());
        return row;
    }

    private static Map<String, Object> ensemble(CellSummary c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataset", c.key().dataset());
        row.put("labels", c.key().labels());
        row.put("variant", c.key().variant());
        row.put("epochs", c.key().epochs());
        row.put("members", c.ensemble().members());
        row.put("averaged", number(c.ensemble().average()));
        row.put("raw", number(c.ensemble().raw()));
        row.put("groups_of_10", c.ensemble().groupsAverage().n());
        row.put("groups_averaged_mean", number(c.ensemble().groupsAverage().mean()));
        row.put("groups_averaged_std", number(c.ensemble().groupsAverage().std()));
        row.put("comparable", c.key().fullBudget() && c.ensemble().members() > 1);
        return row;
    }

    private static Map<String, Object> subset(RunSubset s) {
        SubsetDifficulty d = s.difficulty();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", s.run().experiment());
        m.put("run_id", s.run().runId());
        m.put("labels", d.labels());
        m.put("seed_data", d.seedData());
        m.put("nn_test_errors", d.testErrors());
        m.put("test_count", d.testCount());
        m.put("reference_draws", d.referenceDraws());
        m.put("reference_first_seed", d.referenceFirstSeed());
        boolean ranked = d.referenceDraws() > 0;
        m.put("percentile", ranked ? d.percentile() : null);
        m.put("reference_median", ranked ? d.referenceQuantile(0.5) : null);
        m.put("reference_p05", ranked ? d.referenceQuantile(0.05) : null);
        m.put("reference_p95", ranked ? d.referenceQuantile(0.95) : null);
        m.put("final_errors_average", s.run().finished() ? s.run().finalAverage() : null);
        m.put("final_errors_figure", s.run().finished() ? s.run().finalFigure() : null);
        return m;
    }

    private static List<Map<String, Object>> confusion(RunConfusion r, String discriminator, Confusion c) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int actual = 0; actual < c.classes(); actual++) {
            for (int predicted = 0; predicted < c.classes(); predicted++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("experiment", r.run().experiment());
                row.put("run_id", r.run().runId());
                row.put("discriminator", discriminator);
                row.put("true_class", actual);
                row.put("predicted_class", predicted);
                row.put("count", c.counts()[actual][predicted]);
                rows.add(row);
            }
        }
        return rows;
    }

    /** One row per seed paired: protocols figure against figure and raw against raw, screens raw and averaged. */
    private static List<Map<String, Object>> why(String dataset, Gaps.Gap gap) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String faithfulD = gap.faithful().figureName();
        for (Gaps.Effect e : gap.effects()) {
            Map<String, Object> common = whyRow(dataset, gap, "protocol", e.cell());
            common.put("finding", e.finding().name().toLowerCase(Locale.ROOT));
            e.closed().ifPresent(c -> {
                common.put("gap_closed", number(c.fraction()));
                common.put("gap_closed_ci_low", number(c.low()));
                common.put("gap_closed_ci_high", number(c.high()));
            });
            e.paired().forEach(p -> rows.add(paired(common, p, e.cell().figureName(), faithfulD)));
            e.pairedRaw().forEach(p -> rows.add(paired(common, p, "raw D", "raw D")));
        }
        for (Gaps.Screen screen : gap.screens()) {
            for (Gaps.ScreenRow r : screen.rows()) {
                Map<String, Object> common = whyRow(dataset, gap, "screen", r.cell());
                Optional<Gaps.Share> share = screen.share(r);
                common.put("share_of", share.map(Gaps.Share::of).orElse(null));
                common.put("share", share.map(x -> number(x.fraction())).orElse(null));
                r.pairedRaw().forEach(p -> rows.add(paired(common, p, "raw D", "raw D")));
                r.pairedAveraged().forEach(p -> rows.add(paired(common, p, "averaged D", "averaged D")));
            }
        }
        return rows;
    }

    private static Map<String, Object> whyRow(String dataset, Gaps.Gap gap, String kind, CellSummary c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataset", dataset);
        row.put("labels", gap.labels());
        row.put("kind", kind);
        row.put("epochs", c.key().epochs());
        row.put("variant", c.key().variant());
        row.put("authors_script", AuthorsScripts.of(c.setup()).map(AuthorsScripts.Script::commit).orElse(null));
        row.put("finding", null);
        row.put("share_of", null);
        row.put("share", null);
        row.put("gap_closed", null);
        row.put("gap_closed_ci_low", null);
        row.put("gap_closed_ci_high", null);
        return row;
    }

    private static Map<String, Object> paired(Map<String, Object> common, Gaps.Paired p, String variantD,
                                              String faithfulD) {
        Map<String, Object> row = new LinkedHashMap<>(common);
        row.put("seed", p.seed());
        row.put("variant_d", variantD);
        row.put("variant_errors", number(p.variant()));
        row.put("faithful_d", faithfulD);
        row.put("faithful_errors", number(p.faithful()));
        row.put("difference", number(p.difference()));
        return row;
    }

    private static Map<String, Object> ablation(Ablation.Row r) {
        Map<String, Object> row = new LinkedHashMap<>();
        CellSummary c = r.cell();
        row.put("dataset", c.key().dataset());
        row.put("labels", c.key().labels());
        row.put("epochs", c.key().epochs());
        row.put("variant", c.key().variant());
        row.put("reported_d", SettingsCodec.configValue(c.reportedD()));
        row.put("n", c.figure().n());
        row.put("mean", number(c.figure().mean()));
        row.put("std", number(c.figure().std()));
        row.put("difference", r.vsFaithful() == null ? null : number(r.vsFaithful().difference()));
        row.put("ci_low", r.vsFaithful() == null ? null : number(r.vsFaithful().ciLow()));
        row.put("ci_high", r.vsFaithful() == null ? null : number(r.vsFaithful().ciHigh()));
        row.put("p", r.vsFaithful() == null ? null : number(r.vsFaithful().p()));
        return row;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
