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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "report", description = "Regenerates the HTML report from whatever is in the results directory, "
        + "and prints its verdict summary: one line per dataset and label count of the paper's tables.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "report", description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--paper", defaultValue = "experiments/paper",
            description = "Directory of the paper's tables, *.yaml (default: ${DEFAULT-VALUE}).")
    Path paper;

    @Mixin
    CommonOptions common;

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
        ReportGenerator.Outcome outcome = new ReportGenerator().generate(common.store(), tables, facts,
                paper.toString(), out);
        outcome.problems().forEach(p -> System.err.println("report: skipped unreadable run " + p));
        // e.g. run from another directory than the one holding data/: say why MNIST then shows up in percent
        outcome.datasets().stream().filter(d -> !facts.declared(d)).forEach(d -> System.err.println("report: no "
                + d + "/dataset.yaml under " + common.catalog().dataRoot() + ", so " + d + " is reported in "
                + DatasetSpec.Reporting.PLAIN.unit().label() + " and its samples are not judged (--data names the"
                + " dataset root)"));
        System.out.printf(Locale.ROOT, "report: %d runs in %d cells -> %s (%.1f s)%n", outcome.runs(),
                outcome.cells(), outcome.index(), outcome.elapsed().toMillis() / 1000.0);
        for (ClaimLine claim : outcome.claims()) {
            System.out.printf(Locale.ROOT, "  %s, %d labels: %s%n      %s%n", claim.dataset(), claim.labels(),
                    claim.status(), claim.reason());
        }
        return 0;
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
