package ssgan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ssgan.data.DataException;
import ssgan.data.DatasetSpec;
import ssgan.paper.PaperTable;
import ssgan.report.ReportGenerator;
import ssgan.stats.ClaimLine;
import ssgan.stats.DatasetFacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "report", description = "Regenerates the HTML report from whatever is in the results directory, "
        + "and prints its verdict summary: one line per dataset and label count of the paper's tables. Problems in "
        + "the results (damaged files, records that contradict themselves, changed files, copies of a run) are named "
        + "here and on the page; the rest of the report is still written. Exit codes: 0 the report was written, "
        + "1 nothing could be written, 2 bad input, 3 with --strict when a problem was named.")
final class ReportCommand implements Callable<Integer> {
    /** With --strict: the report was written, but named a problem. */
    static final int PROBLEMS = 3;
    /** Nothing could be written (the target is not a report directory, the disk refuses). */
    static final int NOT_WRITTEN = 1;

    @Option(names = "--out", defaultValue = "report", description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--paper", defaultValue = "experiments/paper",
            description = "Directory of the paper's tables, *.yaml (default: ${DEFAULT-VALUE}).")
    Path paper;

    @Option(names = "--verbose", description = "Also print each cell's figures and the rule behind its verdict.")
    boolean verbose;

    @Option(names = "--strict", description = "Exit " + PROBLEMS + " when any problem was named (for CI and the "
            + "Slurm report job); the report is written all the same.")
    boolean strict;

    @Mixin
    CommonOptions common;

    /** The widest a summary line may be. */
    static final int WIDTH = 120;

    @Override
    public Integer call() {
        List<PaperTable> tables;
        try {
            tables = Files.isDirectory(paper) ? PaperTable.loadAll(paper) : List.of();
        } catch (IOException e) {
            System.err.println("report: bad paper table: " + e.getMessage());
            return PlanLoading.BAD_INPUT;
        }
        if (tables.isEmpty()) {
            System.err.println("report: no paper tables in " + paper + "; the report shows our numbers only");
        }
        DatasetFacts facts = facts(tables);
        if (facts == null) {
            return PlanLoading.BAD_INPUT;
        }
        ReportGenerator.Outcome outcome;
        try {
            outcome = new ReportGenerator().generate(common.store(), tables, facts, paper.toString(), out);
        } catch (RuntimeException e) {
            System.err.println("report: nothing written: " + e.getMessage());
            return NOT_WRITTEN;
        }
        outcome.problems().forEach(p -> System.err.println("report: problem: " + p));
        // e.g. run from another directory than the one holding data/: say why MNIST then shows up in percent
        outcome.datasets().stream().filter(d -> !facts.declared(d)).forEach(d -> System.err.println("report: no "
                + d + "/dataset.yaml under " + common.catalog().dataRoot() + ", so " + d + " is reported in "
                + DatasetSpec.Reporting.PLAIN.unit().label() + " and its samples are not judged (--data names the"
                + " dataset root)"));
        System.out.printf(Locale.ROOT, "report: %d runs in %d cells -> %s (%.1f s)%n", outcome.runs(),
                outcome.cells(), outcome.index(), outcome.elapsed().toMillis() / 1000.0);
        summary(outcome.claims(), verbose).forEach(System.out::println);
        if (!outcome.problems().isEmpty()) {
            System.err.println("report: " + outcome.problems().size() + " problem(s) named above and on the page, right after the answer: "
                    + outcome.index() + (strict ? "; --strict: exit " + PROBLEMS : ""));
        }
        return strict && !outcome.problems().isEmpty() ? PROBLEMS : 0;
    }

    /**
     * One aligned line per cell, at most {@value #WIDTH} characters: data set and labels, verdict, n, our mean ± std,
     * the paper's, and the 95 % CI of ours − paper; with {@code verbose}, each followed by its figures and rule.
     */
    static List<String> summary(List<ClaimLine> claims, boolean verbose) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"cell", "verdict", "n", "ours", "paper", "95 % CI ours − paper"});
        for (ClaimLine c : claims) {
            String verdict = c.verdict() == null ? "no runs" : c.verdict().label();
            rows.add(new String[] {c.dataset() + " " + c.labels(), verdict, String.valueOf(c.n()), c.ours(),
                    c.paperValue(), c.ci()});
        }
        int[] widths = new int[rows.get(0).length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < r.length; i++) {
                line.append(' ').append(i == 2 ? " ".repeat(widths[i] - r[i].length()) + r[i]
                        : i == r.length - 1 ? r[i] : r[i] + " ".repeat(widths[i] - r[i].length()));
            }
            String text = line.toString().stripTrailing();
            lines.add(text.length() > WIDTH ? text.substring(0, WIDTH - 1) + "…" : text);
            if (verbose && k > 0) {
                ClaimLine c = claims.get(k - 1);
                lines.addAll(wrap(String.format(Locale.ROOT, "%s, %d labels: %s", c.dataset(), c.labels(),
                        c.status()), "      ", WIDTH));
                // the reason is a list of figures joined by "; ": one per line, each wrapped to the width
                for (String part : c.reason().split("; ")) {
                    lines.addAll(wrap(part, "      ", WIDTH));
                }
            }
        }
        return lines;
    }

    /** Words of {@code text} in lines of at most {@code width} characters, each starting with {@code indent}. */
    static List<String> wrap(String text, String indent, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line = new StringBuilder(indent + "  "); // continuation lines indent a little more
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        out.add(line.toString());
        return out;
    }

    /** The datasets' declarations, or null (said on stderr) when one is broken or contradicts a paper table. */
    private DatasetFacts facts(List<PaperTable> tables) {
        DatasetFacts facts;
        try {
            facts = new DatasetFacts(common.catalog());
        } catch (DataException e) {
            System.err.println("report: bad dataset declaration: " + e.getMessage());
            return null;
        }
        List<String> conflicts = facts.unitConflicts(tables);
        conflicts.forEach(c -> System.err.println("report: " + c));
        return conflicts.isEmpty() ? facts : null;
    }
}
