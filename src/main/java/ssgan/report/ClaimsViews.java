package ssgan.report;

import ssgan.format.Formats;
import ssgan.stats.Analysis;
import ssgan.stats.ClaimLine;
import ssgan.stats.Compute;
import ssgan.stats.DatasetFacts;
import ssgan.stats.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "claims and deviations" section, in the form of the ML reproducibility challenge's reports: what was
 * reproduced, what was not and why, what is still open, the compute spent and the compute still needed.
 */
final class ClaimsViews {
    private ClaimsViews() {}

    static PageModel.ClaimsSection of(Analysis analysis, DatasetFacts facts) {
        List<String> reproduced = new ArrayList<>();
        List<String> notReproduced = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (ClaimLine c : analysis.claims()) {
            String line = c.dataset() + ", " + c.labels() + " labels: " + c.status() + " (" + c.reason() + ")";
            if (c.verdict() != null && c.verdict().matches()) { // equivalent, or not worse by a paper std
                reproduced.add(line);
            } else if (c.verdict() != null && (c.verdict().differs() || c.verdict() == Verdict.UNSTABLE)) {
                notReproduced.add(line);
            } else {
                open.add(line);
            }
        }
        List<String> limits = new ArrayList<>();
        boolean gpu = analysis.runs().stream().anyMatch(r -> r.provenance() != null && r.provenance().gpu() != null
                && !"none".equals(r.provenance().gpu()));
        if (!gpu) {
            limits.add("Hardware: no run in these results used a GPU; every figure comes from CPUs, and the CUDA path"
                    + " of the trainer is not verified by them.");
        }
        for (Compute.Remaining r : analysis.compute().remaining()) {
            boolean any = analysis.runs().stream().anyMatch(run -> run.cell().dataset().equalsIgnoreCase(r.dataset()));
            if (!any) {
                limits.add(r.dataset() + ": no run yet, so nothing is claimed"
                        + facts.of(r.dataset()).unavailable().map(why -> " (" + why + ")").orElse("") + ".");
            }
        }
        long budgetCells = analysis.cells().stream().filter(c -> c.key().faithful() && !c.key().fullBudget())
                .count();
        if (budgetCells > 0) {
            limits.add("Budget: " + budgetCells + " faithful cell(s) trained fewer epochs than the paper; their"
                    + " averaged-D figure is handicapped by the zero-started average and they are never called a"
                    + " reproduction.");
        }
        long fewSeeds = analysis.cells().stream().filter(c -> c.key().faithful() && c.key().fullBudget()
                && c.finished().size() < 10).count();
        if (fewSeeds > 0) {
            limits.add("Seeds: " + fewSeeds + " full-budget cell(s) have fewer than the paper's 10 runs; with few"
                    + " runs the test can only detect large differences.");
        }
        Compute compute = analysis.compute();
        List<PageModel.ComputeRow> rows = compute.cells().stream().map(c -> new PageModel.ComputeRow(
                PageBuilder.title(c.key()), "#" + Assets.anchor(c.key()), String.valueOf(c.runs()),
                Formats.number(c.cpuHours(), 1), Formats.number(c.wallHours(), 1))).toList();
        String total = Formats.number(compute.cpuHours(), 1) + " CPU-hours (" + Formats.number(compute.wallHours(), 1)
                + " h of wall time) over " + analysis.runs().size() + " runs";
        List<PageModel.RemainingRow> remaining = compute.remaining().stream().map(r -> new PageModel.RemainingRow(
                r.dataset(), String.valueOf(r.protocolRuns()), String.format(Locale.ROOT, "%,d", r.epochsLeft()),
                Double.isFinite(r.secondsPerEpoch()) ? Formats.number(r.secondsPerEpoch(), 1) + " s per epoch at "
                        + Formats.number(r.threads(), 0) + " thread(s), median of " + r.measuredRuns() + " run(s)"
                        : "no run of this data set yet",
                Formats.number(r.wallHours(), 0), Formats.number(r.cpuHours(), 0))).toList();
        return new PageModel.ClaimsSection(reproduced, notReproduced, open, limits, rows, total, remaining);
    }
}
