package ssgan.report;

import ssgan.format.Formats;
import ssgan.stats.Analysis;
import ssgan.stats.CellSummary;
import ssgan.stats.ClaimLine;
import ssgan.stats.DatasetFacts;
import ssgan.stats.Gaps;
import ssgan.stats.Judgement;
import ssgan.stats.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plain-language answer at the top of the page: one line per cell of the paper's tables that a reader who stops
 * there gets right, coloured by what it means (green matched, red not reproduced, blue better, amber undecided,
 * grey nothing to say yet). The figures are the verdict table's.
 */
final class AnswerViews {
    private AnswerViews() {}

    static List<PageModel.AnswerLine> of(Analysis analysis, DatasetFacts facts) {
        Map<String, List<ClaimLine>> byDataset = new LinkedHashMap<>();
        analysis.claims().forEach(c -> byDataset.computeIfAbsent(c.dataset(), d -> new ArrayList<>()).add(c));
        List<PageModel.AnswerLine> out = new ArrayList<>();
        byDataset.forEach((dataset, claims) -> {
            if (claims.stream().allMatch(c -> c.verdict() == null)) {
                out.add(new PageModel.AnswerLine(dataset + ": not run" + facts.of(dataset).unavailable()
                        .map(why -> " (" + why + ")").orElse(""), null, "verdict-none"));
                return;
            }
            Optional<Gaps> gaps = analysis.gaps(dataset);
            for (ClaimLine c : claims) {
                Optional<CellSummary> cell = analysis.cells().stream().filter(s -> s.key().equals(c.cell()))
                        .findFirst();
                out.add(new PageModel.AnswerLine(dataset + ", " + c.labels() + " labels: " + text(c, cell, analysis,
                        gaps), c.cell() == null ? null : "#" + Assets.anchor(c.cell()),
                        c.verdict() == null ? "verdict-none" : PageBuilder.verdictCss(c.verdict())));
            }
        });
        return out;
    }

    private static String text(ClaimLine c, Optional<CellSummary> cell, Analysis analysis, Optional<Gaps> gaps) {
        if (c.verdict() == null || cell.isEmpty() || !c.verdict().compares()) {
            return switch (c.verdict() == null ? Verdict.NO_FINISHED : c.verdict()) {
                case BUDGET -> "no result of the paper's length yet; budget runs only (" + c.cell().budget() + ")";
                case NO_PAPER_VALUE -> "the paper gives no value to compare with";
                default -> c.verdict() == null ? "not run yet" : "no run of the paper's length has finished yet";
            };
        }
        CellSummary s = cell.get();
        Judgement j = s.judgement();
        String ours = Formats.meanStd(s.figure().mean(), s.figure().std(), 0);
        String seeds = j.n() + (j.n() == 1 ? " seed" : " seeds");
        String range = j.outside() == 0 ? (j.n() == 1 ? "inside" : "every run inside") + " the paper's range"
                : j.outside() + " of " + j.n() + " outside the paper's range";
        String against = ours + " vs " + c.paperValue() + ", " + seeds;
        String line = switch (c.verdict()) {
            case EQUIVALENT -> "reproduced: equivalent (" + against + ", " + range + ")";
            case NON_INFERIOR -> "matched (" + against + ", " + range + "; not worse by a paper std, at 95 %)";
            case BETTER -> "better than the paper (" + against + ", " + range + ")";
            case WORSE -> "not reproduced (" + against + ", " + range + ")";
            case UNSTABLE -> "not reproduced: unstable (median " + Formats.number(j.median(), 0) + " vs "
                    + c.paperValue() + "; " + range + (j.collapsed() > 0 ? "; " + j.collapsed() + " collapsed" : "")
                    + "; " + seeds + ")";
            case CONSISTENT_ONE_RUN -> "consistent with the paper, one run (" + against + ")";
            default -> "undecided: consistent with the paper, too few seeds to say more (" + against + ")";
        };
        line += study(s, j, analysis);
        if (c.verdict().fails()) {
            line += gaps.flatMap(g -> g.gaps().stream().filter(gap -> gap.labels() == c.labels()).findFirst())
                    .map(GapViews::reasoned).map(why -> "; why: " + lowerFirst(why.more().isEmpty() ? why.head()
                            : why.head().replaceFirst("\\.$", "") + " (more under \"Why the low-label cells differ\")"))
                    .orElse("");
        }
        return line;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * The published reproduction study's figure where ours matches the paper and the study's lies outside the
     * paper's range: then the study's number is not what this code gives.
     */
    private static String study(CellSummary s, Judgement j, Analysis analysis) {
        if (!s.verdict().matches()) {
            return "";
        }
        return analysis.paper().table(s.key().dataset()).stream().flatMap(t -> t.rows().stream())
                .filter(r -> r.kind().equals("reproduction"))
                .flatMap(r -> r.cell(s.key().labels()).stream())
                .filter(cell -> cell.runs() != null && cell.runs() > 1) // a study, not one run
                .filter(cell -> cell.mean() > j.predictionHigh() || cell.mean() < j.predictionLow())
                .findFirst().map(cell -> "; the published study's " + Formats.published(cell.mean())
                        + " is not what this code gives").orElse("");
    }
}
