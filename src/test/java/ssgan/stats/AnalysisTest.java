package ssgan.stats;

import org.junit.jupiter.api.Test;
import ssgan.config.Settings;
import ssgan.config.SettingsCodec;
import ssgan.data.ErrorUnit;
import ssgan.metrics.EpochMetrics;
import ssgan.paper.PaperProtocol;
import ssgan.paper.PaperTable;
import ssgan.results.RunState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisTest {

    private static final PaperTable MNIST = new PaperTable("mnist-table1", "Table 1", "mnist", Map.of(),
            List.of(new PaperTable.Row("improved_gan", "Improved GAN", "paper", null, List.of(
                    new PaperTable.Cell(100, 93, 6.5, 10, "errors_out_of_10000", true, List.of(), null)))));

    /** A run whose last epoch has the given averaged-D errors out of {@code testCount}. */
    static RunResult run(String hash, int seed, int epochs, RunState state, int errorsAverage, int testCount,
                         Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(PaperProtocol.setup("mnist"));
        settings.put("seed", seed);
        settings.put("epochs", epochs);
        settings.putAll(overrides);
        List<EpochMetrics> metrics = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            metrics.add(new EpochMetrics(e, 1.0 / e, 0.5, 2.0, 0.01, errorsAverage + 10, errorsAverage,
                    testCount, 1.0, 100, null));
        }
        Settings typed = SettingsCodec.fromMap(settings);
        CellKey cell = new CellKey("mnist", typed.labels(), PaperProtocol.variant(typed), epochs,
                ErrorUnit.ERRORS_OUT_OF_10000);
        return new RunResult("exp", "labels100-seed" + seed + "-" + hash, hash, Path.of("results/exp/x"), typed,
                cell, state, epochs, epochs, null, metrics, null, null, epochs, RunHealth.UNKNOWN);
    }

    @Test
    void fullBudgetCellIsTestedAgainstThePaper() {
        List<RunResult> runs = List.of(
                run("a", 1, 300, RunState.DONE, 90, 10_000, Map.of()),
                run("b", 2, 300, RunState.DONE, 96, 10_000, Map.of()),
                run("c", 3, 300, RunState.DIVERGED, 9000, 10_000, Map.of()));
        CellSummary cell = Analysis.of(runs, List.of(MNIST)).cells().get(0);
        assertEquals("faithful", cell.key().variant());
        assertEquals(3, cell.runs().size());
        assertEquals(2, cell.finished().size(), "the diverged run is not a finished one");
        assertEquals(93.0, cell.average().mean(), 1e-12);
        assertEquals(103.0, cell.raw().mean(), 1e-12);
        assertEquals(0.0, cell.judgement().difference(), 1e-12);
        assertEquals(Verdict.UNDERPOWERED, cell.verdict(), "two seeds: no difference, and no equivalence shown");
    }

    @Test
    void shortBudgetIsNeverAReproduction() {
        List<RunResult> runs = List.of(
                run("a", 1, 30, RunState.DONE, 93, 10_000, Map.of()),
                run("b", 2, 30, RunState.DONE, 93, 10_000, Map.of()));
        CellSummary cell = Analysis.of(runs, List.of(MNIST)).cells().get(0);
        assertEquals(Verdict.BUDGET, cell.verdict());
        assertEquals("30 of 300 epochs", cell.key().budget());
    }

    @Test
    void oneRunIsJudgedAgainstThePapersRangeAndSubsetsAreScaled() {
        List<RunResult> runs = List.of(run("a", 1, 300, RunState.DONE, 12, 1_000, Map.of()));
        CellSummary cell = Analysis.of(runs, List.of(MNIST)).cells().get(0);
        assertEquals(120.0, cell.average().mean(), 1e-12, "12 of 1,000 is 120 of 10,000");
        assertEquals(Verdict.WORSE, cell.verdict(), "120 is outside 93 ± 2.262157 x 6.5 x sqrt(1.1) = 93 ± 15.42");
        CellSummary near = Analysis.of(List.of(run("a", 1, 300, RunState.DONE, 104, 10_000, Map.of())),
                List.of(MNIST)).cells().get(0);
        assertEquals(Verdict.CONSISTENT_ONE_RUN, near.verdict(), "104 is inside 93 ± 15.42");
    }

    @Test
    void clearlyWorseAndVariantsAreSeparateCells() {
        List<RunResult> runs = List.of(
                run("a", 1, 300, RunState.DONE, 430, 10_000, Map.of()),
                run("b", 2, 300, RunState.DONE, 440, 10_000, Map.of()),
                run("c", 1, 300, RunState.DONE, 900, 10_000, Map.of("mode", "supervised")),
                run("d", 2, 300, RunState.RUNNING, 950, 10_000, Map.of("mode", "supervised")));
        List<CellSummary> cells = Analysis.of(runs, List.of(MNIST)).cells();
        assertEquals(2, cells.size());
        assertEquals(Verdict.WORSE, cells.get(0).verdict());
        assertEquals("mode=supervised", cells.get(1).key().variant());
        assertEquals(1, cells.get(1).finished().size(), "the running run does not count");
        assertEquals(Verdict.WORSE, cells.get(1).verdict());
    }

    @Test
    void verdictLinesCoverEveryPaperLabelCountFromTheFaithfulRunsOnly() {
        PaperTable table = new PaperTable("mnist-table1", "Table 1", "mnist", Map.of(),
                List.of(new PaperTable.Row("improved_gan", "Improved GAN", "paper", null, List.of(
                        new PaperTable.Cell(50, 221, 136.0, 10, "errors_out_of_10000", true, List.of(), null),
                        new PaperTable.Cell(100, 93, 6.5, 10, "errors_out_of_10000", true, List.of(), null),
                        new PaperTable.Cell(200, 90, 4.2, 10, "errors_out_of_10000", true, List.of(), null)))));
        List<RunResult> runs = List.of(
                run("a", 1, 300, RunState.DONE, 90, 10_000, Map.of()),
                run("b", 2, 300, RunState.DONE, 96, 10_000, Map.of()),
                run("c", 1, 30, RunState.DONE, 240, 10_000, Map.of("labels", 200)),
                run("d", 1, 300, RunState.RUNNING, 120, 10_000, Map.of("labels", 200)),
                run("e", 1, 300, RunState.DONE, 400, 10_000, Map.of("labels", 50, "mode", "supervised")));
        List<ClaimLine> lines = Analysis.of(runs, List.of(table)).claims();
        assertEquals(List.of(50, 100, 200), lines.stream().map(ClaimLine::labels).toList());
        assertEquals("no runs yet", lines.get(0).status(), "a supervised-only run is an ablation, not the claim");
        assertEquals(Verdict.UNDERPOWERED, lines.get(1).verdict());
        assertEquals(2, lines.get(1).n());
        assertEquals("consistent but underpowered", lines.get(1).status());
        assertTrue(lines.get(1).reason().contains("95 % CI [") && lines.get(1).reason().contains("rule: "),
                lines.get(1).reason());
        // se = sqrt(18/2 + 6.5²/10) = 3.63662, Welch df = 2.10766, t(0.975, 2.10766) = 4.09876 (SciPy): ± 14.9
        assertEquals("[-14.9, +14.9]", lines.get(1).ci());
        assertEquals("93.0 ± 4.2", lines.get(1).ours());
        assertEquals("93 ± 6.5", lines.get(1).paperValue());
        assertEquals("–", lines.get(2).ci(), "no interval on a budget line");
        assertEquals(Verdict.BUDGET, lines.get(2).verdict());
        assertEquals("budget runs only: 30 of 300 epochs", lines.get(2).status());
        assertTrue(lines.get(2).reason().endsWith("; 1 full-budget run(s) in progress (seed 1 at epoch 300 of 300: "
                + "raw D 130, averaged D 120)"), lines.get(2).reason());

        RunResult started = run("f", 3, 300, RunState.RUNNING, 0, 10_000, Map.of());
        started = new RunResult(started.experiment(), started.runId(), started.configHash(), started.directory(),
                started.settings(), started.cell(), started.state(), 0, 300, null, List.of(), null, null, 0,
                RunHealth.UNKNOWN);
        List<RunResult> withStarted = new ArrayList<>(runs);
        withStarted.add(started);
        String reason = Analysis.of(withStarted, List.of(table)).claims().get(1).reason();
        assertTrue(reason.endsWith("; 1 full-budget run(s) in progress (seed 3 at epoch 0 of 300)"), reason);
    }

    @Test
    void theSameSettingsHashCountsOnce() {
        List<RunResult> runs = List.of(
                run("a", 1, 300, RunState.DONE, 90, 10_000, Map.of()),
                run("a", 1, 300, RunState.DONE, 90, 10_000, Map.of()),
                run("b", 2, 300, RunState.DONE, 96, 10_000, Map.of()));
        assertEquals(2, Analysis.of(runs, List.of(MNIST)).cells().get(0).finished().size());
    }

    @Test
    void bandsPoolSeedsPerEpoch() {
        List<List<EpochMetrics>> runs = List.of(
                List.of(metrics(1, 100), metrics(2, 80)),
                List.of(metrics(1, 110)));
        Band band = Band.over(runs, m -> m.testErrorsAverage());
        assertEquals(2, band.epochs().length);
        assertEquals(105.0, band.mean()[0], 1e-12);
        assertEquals(Math.sqrt(50), band.std()[0], 1e-12);
        assertEquals(80.0, band.mean()[1], 1e-12);
        assertEquals(0.0, band.std()[1], 1e-12);
        assertEquals(1, band.n()[1]);
        assertTrue(Band.over(List.of(), m -> 0).isEmpty());
    }

    private static EpochMetrics metrics(int epoch, int errors) {
        return new EpochMetrics(epoch, 0, 0, 0, 0, errors, errors, 10_000, 1, 1, null);
    }
}
