package ssgan.report;

import ssgan.stats.CellKey;
import ssgan.stats.RunResult;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Where each file of the report lives, relative to index.html, and links back into the results tree. */
final class Assets {
    private Assets() {}

    static String lossChart(CellKey cell) { return "charts/" + cell.slug() + "-losses.png"; }

    static String errorChart(CellKey cell) { return "charts/" + cell.slug() + "-test-error.png"; }

    static String labelsChart(String dataset) { return "charts/" + safe(dataset) + "-error-vs-labels.png"; }

    static String samples(RunResult run) {
        return "samples/" + safe(run.experiment()) + "/" + safe(run.runId()) + ".png";
    }

    static String anchor(CellKey cell) { return "cell-" + cell.slug(); }

    /**
     * A relative URL from the report directory to a run directory, so the page keeps working when the repository
     * is moved or opened from disk.
     */
    static String relativeLink(Path reportDir, Path target) {
        Path rel = reportDir.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize());
        String encoded = StreamSupport.stream(rel.spliterator(), false)
                .map(p -> URLEncoder.encode(p.toString(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
        return encoded.isEmpty() ? "./" : encoded + "/";
    }

    /** File-name-safe form of experiment names and run ids (they are directory names already, but be strict). */
    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
