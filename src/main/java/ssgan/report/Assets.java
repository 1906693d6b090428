package ssgan.report;

import ssgan.stats.CellKey;
import ssgan.stats.RunResult;

import java.util.List;

/** Where each file of the report lives, relative to index.html: the report links nothing outside itself. */
final class Assets {
    private Assets() {}

    /** The stylesheet and the table-sorting script, next to index.html and shared by every page. */
    static final List<String> SHARED = List.of("report.css", "sort.js");

    static String lossChart(CellKey cell) { return "charts/" + cell.slug() + "-losses.png"; }

    static String errorChart(CellKey cell) { return "charts/" + cell.slug() + "-test-error.png"; }

    static String labelsChart(String dataset) { return "charts/" + safe(dataset) + "-error-vs-labels.png"; }

    /** Every seed's final figure beside the paper's range, per label count: the verdict's chart. */
    static String verdictChart(String dataset) { return "charts/" + safe(dataset) + "-seeds-vs-paper.png"; }

    /** Each protocol's figure over epochs at one label count where the released script misses the paper. */
    static String gapChart(String dataset, int labels) {
        return "charts/" + safe(dataset) + "-why-" + labels + "-labels.png";
    }

    static String samples(RunResult run) {
        return "samples/" + safe(run.experiment()) + "/" + safe(run.runId()) + ".png";
    }

    static String anchor(CellKey cell) { return "cell-" + cell.slug(); }

    /** The run's own page; its chart sits next to it. */
    static String runPage(RunResult run) {
        return "runs/" + safe(run.experiment()) + "/" + safe(run.runId()) + ".html";
    }

    static String runChart(RunResult run) {
        return "runs/" + safe(run.experiment()) + "/" + safe(run.runId()) + "-curves.png";
    }

    /** From a run page back to the report's root. */
    static final String FROM_RUN_PAGE = "../../";

    static String data(String file) { return "data/" + file; }

    /** File-name-safe form of experiment names and run ids (they are directory names already, but be strict). */
    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
