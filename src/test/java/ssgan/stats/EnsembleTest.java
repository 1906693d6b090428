package ssgan.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.data.ErrorUnit;
import ssgan.metrics.Misclassified;
import ssgan.paper.PaperTable;
import ssgan.results.Predictions;
import ssgan.results.RunDirectory;
import ssgan.results.RunState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ensemble arithmetic on hand-made predictions files, checked against hand-computed averages. */
class EnsembleTest {

    @TempDir
    Path tmp;

    /** A finished MNIST run of the given seed whose directory holds the given predictions (null: none). */
    private RunResult run(int seed, Predictions predictions) {
        RunResult r = AnalysisTest.run("h" + seed, seed, 300, RunState.DONE, 90, 10_000, Map.of());
        Path dir = tmp.resolve("run" + seed);
        if (predictions != null) {
            predictions.write(new RunDirectory(dir).predictionsFile());
        }
        return new RunResult(r.experiment(), r.runId(), r.configHash(), dir, r.settings(), r.cell(), r.state(),
                r.epochsDone(), r.epochsTarget(), r.message(), r.metrics(), r.provenance(), r.samples(), r.seconds(),
                r.health());
    }

    private static final int[] LABELS = {0, 1, 1};

    @Test
    void twoRunsWhoseMistakesDifferMakeAnEnsembleWithout() {
        // averaged D: A predicts 0, 0, 1 (wrong on image 1), B predicts 1, 1, 1 (wrong on image 0).
        // Mean probabilities: (0.6, 0.4), (0.35, 0.65), (0.325, 0.675) -> 0, 1, 1: no mistake.
        // raw D: A predicts 1, 0, 0 (3 wrong), B 0, 1, 0 (1 wrong); mean (0.4, 0.6), (0.575, 0.425),
        // (0.575, 0.425) -> 1, 0, 0: 3 wrong.
        Predictions a = new Predictions(3, 2, LABELS,
                new float[] {0.2f, 0.8f, 0.7f, 0.3f, 0.6f, 0.4f},
                new float[] {0.9f, 0.1f, 0.6f, 0.4f, 0.2f, 0.8f});
        Predictions b = new Predictions(3, 2, LABELS,
                new float[] {0.6f, 0.4f, 0.45f, 0.55f, 0.55f, 0.45f},
                new float[] {0.3f, 0.7f, 0.1f, 0.9f, 0.45f, 0.55f});
        assertEquals(1, Misclassified.count(a.averaged(), LABELS, 2));
        assertEquals(1, Misclassified.count(b.averaged(), LABELS, 2));

        Ensemble e = Ensemble.of(List.of(run(1, a), run(2, b)), ErrorUnit.ERROR_PERCENT, Ensemble.FROM_FILES);
        assertEquals(2, e.members());
        assertEquals(0, e.withoutPredictions());
        assertEquals(0.0, e.average(), 1e-12);
        assertEquals(100.0, e.raw(), 1e-12, "3 of 3 wrong");
        assertFalse(e.hasGroups(), "2 runs: only the ensemble of all");
        assertTrue(e.problems().isEmpty());

        Ensemble mnist = Ensemble.of(List.of(run(1, a)), ErrorUnit.ERRORS_OUT_OF_10000, Ensemble.FROM_FILES);
        assertEquals(10_000.0 / 3, mnist.average(), 1e-9, "one member: its own error, scaled to 10,000");
    }

    @Test
    void runsWithoutPredictionsAndOfAnotherTestSetAreLeftOut() {
        Predictions good = new Predictions(3, 2, LABELS, new float[6], new float[] {1, 0, 0, 1, 0, 1});
        Predictions other = new Predictions(2, 2, new int[] {0, 1}, new float[4], new float[4]);
        Ensemble e = Ensemble.of(List.of(run(1, good), run(2, null), run(3, other)), ErrorUnit.ERROR_PERCENT,
                Ensemble.FROM_FILES);
        assertEquals(1, e.members());
        assertEquals(1, e.withoutPredictions());
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).contains("different test set"), e.problems().get(0));
        assertEquals(0.0, e.average(), 1e-12);

        Ensemble none = Ensemble.of(List.of(run(4, null)), ErrorUnit.ERROR_PERCENT, Ensemble.FROM_FILES);
        assertTrue(none.isEmpty());
        assertTrue(Double.isNaN(none.average()));
    }

    @Test
    void disjointEnsemblesOfTenInSeedOrder() {
        // One test image of class 0. Seeds 1..10 say 0.6 for class 0 (right), 11..20 say 0.3 (wrong),
        // 21..25 say 0.9: the two full groups err 0 % and 100 %; the leftover five only join the ensemble of all,
        // whose mean is (6 + 3 + 4.5) / 25 = 0.54 for class 0: right.
        List<RunResult> runs = new ArrayList<>();
        for (int seed = 1; seed <= 25; seed++) {
            float p = seed <= 10 ? 0.6f : seed <= 20 ? 0.3f : 0.9f;
            runs.add(run(seed, new Predictions(1, 2, new int[] {0}, new float[] {p, 1 - p}, new float[] {p, 1 - p})));
        }
        Collections.shuffle(runs, new Random(7)); // grouping follows the seeds, not the order runs were listed
        Ensemble e = Ensemble.of(runs, ErrorUnit.ERROR_PERCENT, Ensemble.FROM_FILES);
        assertEquals(25, e.members());
        assertTrue(e.hasGroups());
        assertEquals(2, e.groupsAverage().n());
        assertEquals(50.0, e.groupsAverage().mean(), 1e-12);
        assertEquals(Math.sqrt(5000), e.groupsAverage().std(), 1e-9);
        assertEquals(0.0, e.average(), 1e-12);
        assertEquals(0.0, e.raw(), 1e-12);

        Ensemble nineteen = Ensemble.of(runs.stream().filter(r -> r.seed() <= 19).toList(),
                ErrorUnit.ERROR_PERCENT, Ensemble.FROM_FILES);
        assertEquals(19, nineteen.members());
        assertFalse(nineteen.hasGroups(), "fewer than 20 runs: one ensemble of all");
    }

    @Test
    void analysisAttachesEnsemblesAndThePapersEnsembleRow() {
        PaperTable table = new PaperTable("t", "Table 1", "mnist", Map.of(), List.of(
                new PaperTable.Row("improved_gan", "Improved GAN", "paper", null, List.of(
                        new PaperTable.Cell(100, 93, 6.5, 10, "errors_out_of_10000", true, List.of(), null))),
                new PaperTable.Row("improved_gan_ensemble", "Ensemble of 10", "ensemble", null, List.of(
                        new PaperTable.Cell(100, 86, 5.6, null, "errors_out_of_10000", true, List.of(), null)))));
        Predictions p = new Predictions(3, 2, LABELS, new float[6], new float[] {1, 0, 0, 1, 1, 0});
        Analysis analysis = Analysis.of(List.of(run(1, p), run(2, p)), List.of(table));
        CellSummary cell = analysis.cells().get(0);
        assertEquals(2, cell.ensemble().members());
        assertEquals(10_000.0 / 3, cell.ensemble().average(), 1e-9);
        assertEquals(86.0, cell.paperEnsemble().orElseThrow().mean());
        assertEquals(Optional.empty(), Analysis.of(List.of(run(3, p)), List.of()).cells().get(0).paperEnsemble());
    }
}
