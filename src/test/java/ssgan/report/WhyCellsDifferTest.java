package ssgan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.metrics.EpochMetrics;
import ssgan.paper.AuthorsScripts;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.Summary;
import ssgan.results.RunState;
import ssgan.stats.Analysis;
import ssgan.stats.Gaps;
import ssgan.stats.RunLoader;
import ssgan.stats.Verdict;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "why the low-label cells differ" section on hand-made results: a released script far from the paper at 20
 * labels (averaged D about 4500, 5000, 5500 against 1677 ± 452), protocols at the paper's budget, and a screen.
 */
class WhyCellsDifferTest {
    private static final Map<String, Object> ORIG = Map.of("learning_rate", 0.001, "lr_decay_start", 200,
            "lr_decay_end", 300, "reported_d", "raw");

    @TempDir
    Path tmp;

    private void runs(String experiment, String variant, Map<String, Object> settings, int epochs, int... errors) {
        for (int seed = 1; seed <= errors.length; seed++) {
            Map<String, Object> overrides = new LinkedHashMap<>(settings);
            overrides.putAll(Map.of("labels", 20, "seed", seed, "epochs", epochs));
            FixtureResults.run(tmp, experiment, variant, overrides, RunState.DONE, epochs, errors[seed - 1], false,
                    false);
        }
    }

    private Gaps.Gap gap() {
        Analysis analysis = Analysis.of(RunLoader.load(new ResultsStore(tmp), FixtureResults.facts()).runs(),
                FixtureResults.paperTables());
        Gaps gaps = analysis.gaps("mnist").orElseThrow();
        assertEquals(1, gaps.gaps().size(), "only 20 labels has faithful runs, and they miss the paper");
        return gaps.gaps().get(0);
    }

    /** The released script at 4500, 5000, 5500 and one protocol of the paper's length beside it, seeds 1.. */
    private Gaps.Effect releasedAnd(String experiment, String variant, Map<String, Object> settings, int... errors) {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        runs(experiment, variant, settings, 300, errors);
        return gap().effects().get(0);
    }

    /** The section as the page shows it, with the charts that {@code assetExists} says were written. */
    private PageModel.GapSection views(Predicate<String> assetExists) {
        return GapViews.of(Analysis.of(RunLoader.load(new ResultsStore(tmp), FixtureResults.facts()).runs(),
                FixtureResults.paperTables()), assetExists).get(0);
    }

    @Test
    void aProtocolThatReachesThePaperExplainsTheGap() {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        // the fixture's raw D ends near 1.1 x the given errors: about 1540, 1650, 1760, inside [605, 2749]
        runs("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 300, 1400, 1500, 1600);
        runs("mnist-no-data-init", "no_data_init", Map.of("data_init", false), 300, 1400);   // one run: no finding
        Gaps.Gap gap = gap();
        Gaps.Effect effect = gap.effects().stream().filter(e -> e.cell().key().variant().equals("orig_30d4beb"))
                .findFirst().orElseThrow();
        assertEquals(Gaps.Finding.CLOSES, effect.finding());
        assertEquals(3, effect.inside());
        assertEquals(3, effect.lowerOn());
        double released = gap.faithful().figure().mean();
        Gaps.GapClosed closed = effect.closed().orElseThrow();
        assertEquals((released - effect.cell().figure().mean()) / (released - 1677), closed.fraction(), 1e-9);
        assertEquals(-effect.vsFaithful().ciHigh() / (released - 1677), closed.low(), 1e-9);
        assertTrue(closed.low() < closed.fraction() && closed.fraction() < closed.high(), closed.toString());
        // figure against figure: the protocol's raw D against the released script's averaged D, seed by seed
        Gaps.Paired first = effect.paired().get(0);
        assertEquals(1, first.seed());
        assertEquals(effect.cell().finished().stream().filter(r -> r.seed() == 1).findFirst().orElseThrow()
                .finalRaw(), first.variant(), 1e-9);
        assertEquals(gap.faithful().finished().stream().filter(r -> r.seed() == 1).findFirst().orElseThrow()
                .finalAverage(), first.faithful(), 1e-9);
        String conclusion = GapViews.conclusion(gap);
        assertTrue(conclusion.startsWith("Explained: the paper week's script (30d4beb), orig_30d4beb, reaches the"
                + " paper's range at 20 labels where the released script does not (with 3 runs or more per protocol"),
                conclusion);   // no_data_init's single run decides nothing, so it does not lower the count
        assertTrue(conclusion.contains("; it removes " + GapViews.closedText(effect).replaceAll(" \\[.*", "")
                + " of the released script's excess over the paper (95 % CI "), conclusion);
        assertTrue(conclusion.contains("The model and the method are the same in both scripts; the gap is what"
                + " changed between them (learning_rate, lr_decay_end, lr_decay_start, reported_d). Raw D against raw"
                + " D, it is lower on 3 of 3 seeds as well, so the change in training (learning_rate, lr_decay_end,"
                + " lr_decay_start), not the figure reported, carries the effect."), conclusion);
        // the fixture's curves are flat by epoch 200, so the effect is all there before the decay
        assertTrue(conclusion.matches(".* At epoch 200, before its learning rate starts to decay, it was [\\d.]+ lower,"
                + " raw D against raw D \\(mean over the same 3 seeds\\), and [\\d.]+ lower at the end, so 1\\d\\d % of the"
                + " effect was there before the decay: its learning rate \\(0.001 against the released script's"
                + " 0.003\\), not the late decay, carries it\\.$"), conclusion);
        assertTrue(GapViews.findingText(effect).contains("lower on 3 of 3 paired seeds (all of them: a chance of"
                + " 0.125 if the protocol made no difference)"), GapViews.findingText(effect));
    }

    @Test
    void theAnswerLineQuotesTheConclusionsFindingAndPointsToTheRest() {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        runs("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 300, 1400, 1500, 1600);
        Analysis analysis = Analysis.of(RunLoader.load(new ResultsStore(tmp), FixtureResults.facts()).runs(),
                FixtureResults.paperTables());
        String line = AnswerViews.of(analysis, FixtureResults.facts()).stream().map(PageModel.AnswerLine::text)
                .filter(t -> t.startsWith("mnist, 20 labels")).findFirst().orElseThrow();
        GapViews.Conclusion why = GapViews.reasoned(analysis.gaps("mnist").orElseThrow().gaps().get(0));
        assertTrue(line.endsWith("; why: e" + why.head().substring(1, why.head().length() - 1) + " (more under \"Why"
                + " the low-label cells differ\")"), line);
        assertFalse(line.contains(why.more().trim()), "the rest stays in the why section: " + line);
    }

    @Test
    void aDeviationsEffectIsGivenAsAShareOfTheWholePortsThatContainsIt() {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        runs("mnist-screen20", "faithful", Map.of(), 15, 5000, 5000, 5000);
        runs("mnist-screen20", "pytorch_port", Map.of("data_init", false, "generator_output", "softplus",
                "reported_d", "raw"), 15, 1000, 1000, 1000);
        runs("mnist-screen20", "no_data_init", Map.of("data_init", false), 15, 2000, 2000, 2000);
        // a pair of the port's deviations that does better than the whole port: still measured against the port
        runs("mnist-screen20", "pair", Map.of("data_init", false, "generator_output", "softplus"), 15, 900, 900, 900);
        runs("mnist-screen20", "orig_30d4beb", ORIG, 15, 3000, 3000, 3000);
        runs("mnist-screen20", "extra_generator_step", Map.of("extra_generator_step", true), 15, 6000, 6000, 6000);
        Gaps.Screen screen = gap().screens().get(0);
        Map<String, Gaps.ScreenRow> rows = new LinkedHashMap<>();
        screen.rows().forEach(r -> rows.put(r.cell().key().variant(), r));
        Gaps.Share share = screen.share(rows.get("no_data_init")).orElseThrow();
        assertEquals("pytorch_port", share.of());
        // the fixture's raw D is about 1.1 x the given errors on both sides: (2000 - 5000) / (1000 - 5000)
        assertEquals(0.75, share.fraction(), 0.01);
        assertEquals("pytorch_port", screen.share(rows.get("pair")).orElseThrow().of());
        assertTrue(screen.share(rows.get("pair")).orElseThrow().fraction() > 1, "more than the port's effect");
        assertTrue(screen.share(rows.get("pytorch_port")).isEmpty(), "nothing contains the whole port");
        assertTrue(screen.share(rows.get("orig_30d4beb")).isEmpty(), "lr and raw D are not the port's");
        assertTrue(screen.share(rows.get("extra_generator_step")).isEmpty(), "more errors, no share");
        PageModel.ScreenView view = views(asset -> false).gaps().get(0).screens().get(0);
        String effect = view.rows().stream().filter(r -> r.variant().equals("no_data_init")).findFirst()
                .orElseThrow().effect();
        assertTrue(effect.endsWith(" (75 % of pytorch_port's)"), effect);
    }

    @Test
    void theSectionsPairsAreExportedSeedBySeed() throws Exception {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        runs("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 300, 1400, 1500, 1600);
        runs("mnist-screen20", "faithful", Map.of(), 15, 5000, 5000, 5000);
        runs("mnist-screen20", "pytorch_port", Map.of("data_init", false, "generator_output", "softplus",
                "reported_d", "raw"), 15, 1000, 1000, 1000);
        runs("mnist-screen20", "no_data_init", Map.of("data_init", false), 15, 2000, 2000, 2000);
        Gaps.Gap gap = gap();
        Path out = tmp.resolve("report");
        new ReportGenerator().generate(new ResultsStore(tmp), FixtureResults.paperTables(), FixtureResults.facts(),
                "experiments/paper", out);
        JsonNode why = new ObjectMapper().readTree(out.resolve("data/why.json").toFile());
        // the protocol: 3 seeds figure against figure, 3 raw against raw; each screened variant: 3 raw, 3 averaged
        assertEquals(6 + 2 * 6, why.size());
        JsonNode first = why.get(0);
        assertEquals("protocol", first.get("kind").asText());
        assertEquals("orig_30d4beb", first.get("variant").asText());
        assertEquals("30d4beb", first.get("authors_script").asText());
        assertEquals("closes", first.get("finding").asText());
        assertEquals("raw D", first.get("variant_d").asText());
        assertEquals("averaged D", first.get("faithful_d").asText());
        assertEquals(gap.effects().get(0).paired().get(0).difference(), first.get("difference").asDouble(), 1e-9);
        JsonNode share = null;
        for (JsonNode row : why) {
            if (row.get("variant").asText().equals("no_data_init") && row.get("seed").asInt() == 2) {
                share = row;
            }
        }
        assertEquals("screen", share.get("kind").asText());
        assertEquals("pytorch_port", share.get("share_of").asText());
        assertEquals(0.75, share.get("share").asDouble(), 0.01);
        assertTrue(share.get("authors_script").isNull(), "no script of the authors' turns the data init off");
        assertTrue(Files.readString(out.resolve("data/why.csv")).startsWith("dataset,labels,kind,epochs,variant,"
                + "authors_script,finding,share_of,share,gap_closed,gap_closed_ci_low,gap_closed_ci_high,seed,"
                + "variant_d,variant_errors,faithful_d,faithful_errors,difference"));
    }

    @Test
    void eachProtocolsFigureOverEpochsIsChartedWhereThereIsOneBesideTheReleasedScript() throws Exception {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        Path out = tmp.resolve("report");
        new ReportGenerator().generate(new ResultsStore(tmp), FixtureResults.paperTables(), FixtureResults.facts(),
                "experiments/paper", out);
        assertFalse(Files.exists(out.resolve("charts/mnist-why-20-labels.png")), "the released script alone");
        assertEquals(null, views(asset -> true).gaps().get(0).chart());

        runs("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 300, 1400, 1500);
        FixtureResults.run(tmp, "mnist-orig-30d4beb", "orig_30d4beb", Map.of("learning_rate", 0.001,
                "lr_decay_start", 200, "lr_decay_end", 300, "reported_d", "raw", "labels", 20, "seed", 3,
                "epochs", 300), RunState.RUNNING, 110, 1600, false, false);
        new ReportGenerator().generate(new ResultsStore(tmp), FixtureResults.paperTables(), FixtureResults.facts(),
                "experiments/paper", out);
        Path chart = out.resolve("charts/mnist-why-20-labels.png");
        assertTrue(Files.isRegularFile(chart));
        assertTrue(Files.readString(out.resolve("index.html")).contains("<img src=\"charts/mnist-why-20-labels.png\""));
        // the released script's curves in the first colour, the paper week's script's in the second
        BufferedImage image = ImageIO.read(chart.toFile());
        assertTrue(has(image, 0x1f77b4), "released script");
        assertTrue(has(image, 0x2ca02c), "orig_30d4beb");
        assertFalse(has(image, 0xd62728), "no red: the cell charts' raw D");
        assertEquals(null, views(asset -> false).gaps().get(0).chart(), "a chart that failed is not linked");
    }

    private static boolean has(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aSwitchTheAuthorsNeverMadeNamesTheCostButExplainsNothingOfThePaper() {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        runs("mnist-low-labels", "no_data_init", Map.of("data_init", false), 300, 1400, 1500, 1600);
        Gaps.Gap gap = gap();
        assertEquals(Gaps.Finding.CLOSES, gap.effects().get(0).finding());
        String conclusion = GapViews.conclusion(gap);
        assertTrue(conclusion.startsWith("Reproduced only by changes the authors' code never made: no_data_init"
                + " (data_init=false) reaches the paper's range at 20 labels"), conclusion);
        assertTrue(conclusion.endsWith("it does not show that the paper's runs made that change."), conclusion);
    }

    @Test
    void theAuthorsScriptNarrowingIsPartlyExplainedAndASwitchBesideItIsNamedAsNotTheirs() {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        // raw D about 1.1 x: 3300, 3410, 3520, lower than every released run and above the paper's range
        runs("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 300, 3000, 3100, 3200);
        runs("mnist-low-labels", "no_data_init", Map.of("data_init", false), 300, 2900, 3000, 3100);
        Gaps.Gap gap = gap();
        assertTrue(gap.effects().stream().allMatch(e -> e.finding() == Gaps.Finding.NARROWS), gap.effects().toString());
        assertEquals("Partly explained: the paper week's script (30d4beb), orig_30d4beb, lowers the error but not to"
                + " the paper's range (with 3 runs or more per protocol: a difference this many seeds can show, not a"
                + " precise size); it removes 48 % of the released script's excess over the paper (95 % CI 13 % to"
                + " 83 %), and against the paper itself, 3408.3 ± 113.0 (raw D, 3 runs) vs 1677 ± 452, the verdict"
                + " \"differs: worse than the paper\". Raw D against raw D, it is lower on 3 of 3 seeds as well, so the"
                + " change in training (learning_rate, lr_decay_end, lr_decay_start), not the figure reported, carries"
                + " the effect. At epoch 200, before its learning rate starts to decay, it was 2098.7 lower, raw D"
                + " against raw D (mean over the same 3 seeds), and 2090.3 lower at the end, so 100 % of the effect"
                + " was there before the decay: its learning rate (0.001 against the released script's 0.003), not"
                + " the late decay, carries it. Not the authors' code, no_data_init (data_init=false) lowers it"
                + " too.",
                GapViews.conclusion(gap));
    }

    @Test
    void aProtocolInsideTheRangeButShownWorseThanThePaperOnlyNarrowsTheGap() {
        // raw D about 1.1 x: 2560, 2610, 2640, each inside [605, 2749], their mean 900 above the paper's, tightly
        Gaps.Effect effect = releasedAnd("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 2330, 2370, 2400);
        assertEquals(3, effect.inside());
        assertEquals(Verdict.WORSE, effect.cell().verdict());
        assertEquals(Gaps.Finding.NARROWS, effect.finding());
        String conclusion = GapViews.conclusion(gap());
        assertTrue(conclusion.startsWith("Partly explained: the paper week's script (30d4beb), orig_30d4beb, lowers"
                + " the error into the paper's range but is shown worse than the paper"), conclusion);
    }

    @Test
    void aProtocolBelowThePaperRangeIsSaidToGoBelowItNotToStayOutside() {
        // raw D about 1.1 x: 330, 385, 440, each below [605, 2749]: fewer errors than the paper's runs
        Gaps.Effect effect = releasedAnd("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 300, 350, 400);
        assertEquals(Gaps.Finding.PASSES, effect.finding());
        assertEquals(3, effect.below());
        assertEquals("0 of 3 (3 below)", GapViews.insideText(effect));
        assertTrue(effect.closed().orElseThrow().fraction() > 1, effect.closed().toString());
        String conclusion = GapViews.conclusion(gap());
        assertTrue(conclusion.startsWith("Explained: the paper week's script (30d4beb), orig_30d4beb, goes below the"
                + " paper's range at 20 labels, where the released script is above it: fewer errors than the paper's"
                + " runs (with 3 runs or more per protocol"), conclusion);
        assertTrue(conclusion.matches(".*; it removes \\d+ % of the released script's excess over the paper \\(95 % CI"
                + " \\d+ % to \\d+ %; over 100 %: its mean is below the paper's\\), .*"), conclusion);
        assertFalse(conclusion.contains("not to the paper's range"), conclusion);
        assertTrue(GapViews.findingText(effect).startsWith("below the paper's range"), GapViews.findingText(effect));
    }

    @Test
    void aProtocolWhoseMeanIsInsideButWhoseRunsScatterBeyondThePaperRangeIsSaidSo() {
        // averaged D 1900, 350, 250: a mean of about 833 inside [605, 2749], two runs below it ("unstable")
        Gaps.Effect effect = releasedAnd("mnist-low-labels", "no_data_init", Map.of("data_init", false), 1900, 350,
                250);
        assertEquals(Verdict.UNSTABLE, effect.cell().verdict());
        assertEquals(Gaps.Finding.SCATTERS, effect.finding());
        assertEquals("1 of 3 (2 below)", GapViews.insideText(effect));
        assertEquals("Narrowed only by changes the authors' code never made: no_data_init (data_init=false) lowers"
                + " the mean error into the paper's range at 20 labels, but 2 of its 3 runs lie outside that range"
                + " (2 below), more than the paper's runs would give (with 3 runs or more per protocol: a difference this many"
                + " seeds can show, not a precise size).", GapViews.conclusion(gap()));
        assertTrue(GapViews.findingText(effect).startsWith("fewer errors than the released script, its mean inside"
                + " the paper's range, but 2 of 3 runs outside it"), GapViews.findingText(effect));
    }

    @Test
    void aSwitchScatteringBesideTheAuthorsExplainingScriptIsNamedAsNotTheirs() {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        runs("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 300, 1400, 1500, 1600);
        runs("mnist-low-labels", "no_data_init", Map.of("data_init", false), 300, 1900, 350, 250);
        String conclusion = GapViews.conclusion(gap());
        assertTrue(conclusion.startsWith("Explained: the paper week's script (30d4beb), orig_30d4beb,"), conclusion);
        assertTrue(conclusion.endsWith("not the late decay, carries it. Not the authors'"
                + " code, no_data_init (data_init=false) lowers the mean error into the paper's range at 20 labels,"
                + " but 2 of its 3 runs lie outside that range (2 below), more than the paper's runs would give."),
                conclusion);
    }

    @Test
    void aScriptLowerOnlyInTheFigureItReportsIsSaidToOweItPartlyToThatFigure() {
        AuthorsScripts.Script script = new AuthorsScripts.Script("30d4beb", "the paper week's script", ORIG);
        // raw D against raw D: lower on seed 1 only
        Gaps.Effect effect = new Gaps.Effect(null, null, List.of(), List.of(new Gaps.Paired(1, 2000, 4000),
                new Gaps.Paired(2, 5100, 5000), new Gaps.Paired(3, 4500, 4400)), 0, 0, Optional.empty(),
                Gaps.Finding.NARROWS, List.of());
        assertEquals(" Raw D against raw D, it is lower on only 1 of 3 seeds, so part of the effect is the figure"
                + " reported (reported_d), not the training (learning_rate, lr_decay_end, lr_decay_start).",
                GapViews.rawAgainstRaw(effect, script));
        Gaps.Effect one = new Gaps.Effect(null, null, List.of(), List.of(new Gaps.Paired(1, 2000, 4000)), 0, 0,
                Optional.empty(), Gaps.Finding.NARROWS, List.of());
        assertEquals("", GapViews.rawAgainstRaw(one, script), "one pair shows nothing");
        assertEquals("", GapViews.rawAgainstRaw(effect, new AuthorsScripts.Script("x", "a script", Map.of(
                "learning_rate", 0.001))), "a script reporting the released script's figure needs no such check");
    }

    @Test
    void whatWasThereBeforeTheLearningRateDecaysSaysWhichOfTheTwoCarriesTheEffect() {
        String lr = "its learning rate (0.001 against the released script's 0.003)";
        assertEquals(" At epoch 200, before its learning rate starts to decay, it was 300 lower, raw D against raw D"
                + " (mean over the same 3 seeds), and 3000 lower at the end, so 10 % of the effect was there before the"
                + " decay: the late decay, not " + lr + ", carries most of it.",
                GapViews.decayText(200, 3, -300, -3000, lr, 0));
        assertTrue(GapViews.decayText(200, 3, -1500, -3000, lr, 0).endsWith("so 50 % of the effect was there before"
                + " the decay: " + lr + " and the late decay each carry part of it."));
        assertTrue(GapViews.decayText(200, 2, 200, -3000, lr, 0).contains("it was 200 higher, raw D against raw D (mean"
                + " over the same 2 seeds), and 3000 lower at the end, so none of the effect was there before the"
                + " decay: the late decay"));
    }

    @Test
    void aProtocolNoDifferentFromTheReleasedScriptExplainsNothing() {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        // raw D about 1.1 x: 5500, 4950, 6050 against the released script's 4500, 5000, 5500
        runs("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 300, 5000, 4500, 5500);
        Gaps.Gap gap = gap();
        assertEquals(Gaps.Finding.NO_EFFECT, gap.effects().get(0).finding());
        GapViews.Conclusion why = GapViews.reasoned(gap);
        assertEquals("Not explained by the protocols run here (orig_30d4beb): none lowers the error in a way these"
                + " runs can show.", why.head());
        // what the runs do show follows, so that "not shown" is not read as "no effect"
        assertTrue(why.more().matches(" For the paper week's script \\(30d4beb\\), orig_30d4beb: 0 of 3 runs inside the"
                + " paper's range \\(the released script: 0 of 3\\), lower on 1 of 3 paired seeds, and a difference in"
                + " mean of \\+[\\d.]+ whose Welch 95 % CI, \\[-[\\d.]+, \\+[\\d.]+\\], includes 0\\."), why.more());
    }

    /** Makes the run's feature-matching loss blow up over its last epochs: a collapse, as RunHealth finds one. */
    private static void collapse(RunDirectory run) {
        List<EpochMetrics> rows = run.readMetrics();
        List<EpochMetrics> blown = new ArrayList<>();
        for (EpochMetrics m : rows) {
            blown.add(m.epoch() <= rows.size() - 5 ? m : new EpochMetrics(m.epoch(), m.lossSupervised(),
                    m.lossUnsupervised(), 100 * m.lossFeatureMatching(), m.trainError(), m.testErrorsRaw(),
                    m.testErrorsAverage(), m.testCount(), m.seconds(), m.iterationsPerSecond(),
                    m.testErrorsAverageCorrected()));
        }
        run.writeMetrics(blown);
        Summary s = run.readSummary().orElseThrow();   // the summary repeats the last epoch: keep the record whole
        run.writeSummary(new Summary(s.experiment(), s.runId(), s.state(), s.epochs(), s.epochsTarget(),
                s.testErrorsRaw(), s.testErrorsAverage(), s.testCount(), s.seconds(), s.secondsPerEpoch(),
                blown.get(blown.size() - 1)));
    }

    private RunDirectory run(String experiment, String variant, Map<String, Object> settings, int seed, int errors) {
        Map<String, Object> overrides = new LinkedHashMap<>(settings);
        overrides.putAll(Map.of("labels", 20, "seed", seed, "epochs", 300));
        return FixtureResults.run(tmp, experiment, variant, overrides, RunState.DONE, 300, errors, false, false);
    }

    /** The released script at {@code errors} (seeds 1..3), its seed 2 collapsed; 30d4beb at raw D about 1540-1760. */
    private void releasedCollapsedOnSeed2(int... errors) {
        runs("mnist-paper", null, Map.of(), 300, errors);
        collapse(run("mnist-paper", null, Map.of(), 2, errors[1]));
        runs("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 300, 1400, 1500, 1600);
    }

    @Test
    void aCollapseOfTheReleasedScriptIsSetAgainstTheProtocolsRunOfTheSameSeed() {
        releasedCollapsedOnSeed2(4500, 5000, 5500);
        Gaps.Gap gap = gap();
        Gaps.Effect effect = gap.effects().get(0);
        assertEquals(1, effect.collapses().size());
        Gaps.Collapse c = effect.collapses().get(0);
        assertEquals(2, c.seed());
        assertFalse(c.variantCollapsed());
        String pair = "the released script's run of seed 2 collapsed (" + (int) c.faithful() + "), ";
        assertTrue(GapViews.findingText(effect).endsWith("; " + pair + "this protocol's did not (" + (int) c.variant()
                + ")"), GapViews.findingText(effect));
        String conclusion = GapViews.conclusion(gap);
        assertTrue(conclusion.startsWith("Explained:"), conclusion);
        assertTrue(conclusion.endsWith("carries it. T" + pair.substring(1) + "orig_30d4beb's did not ("
                + (int) c.variant() + ")."), conclusion);
    }

    @Test
    void collapsesOnSeveralSeedsAreCountedOnBothSides() {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        collapse(run("mnist-paper", null, Map.of(), 2, 5000));
        collapse(run("mnist-paper", null, Map.of(), 3, 5500));
        runs("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 300, 1400, 1500, 1600);
        collapse(run("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 3, 1600));
        Gaps.Effect effect = gap().effects().get(0);
        assertEquals(List.of(false, true), effect.collapses().stream().map(Gaps.Collapse::variantCollapsed).toList());
        assertTrue(GapViews.collapseClause(effect, "x").matches("the released script's runs of seeds 2 and 3 collapsed"
                + " \\(\\d+, \\d+\\); x's of seed 3 collapsed as well \\(\\d+\\), of seed 2 did not \\(\\d+\\)"),
                GapViews.collapseClause(effect, "x"));
        collapse(run("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 2, 1500));
        assertTrue(GapViews.collapseClause(gap().effects().get(0), "x").matches("the released script's runs of seeds"
                + " 2 and 3 collapsed \\(\\d+, \\d+\\), and x's collapsed as well \\(\\d+, \\d+\\)"),
                GapViews.collapseClause(gap().effects().get(0), "x"));
    }

    @Test
    void aProtocolInsideTheRangeWhereAWideReleasedSpreadHidesTheDifferenceSaysWhatItsRunsShow() {
        // the released script at 1500, 5500 (collapsed), 3000: its spread hides a difference from 3 runs a side
        releasedCollapsedOnSeed2(1500, 5500, 3000);
        Gaps.Gap gap = gap();
        assertEquals(Gaps.Finding.NO_EFFECT, gap.effects().get(0).finding());
        GapViews.Conclusion why = GapViews.reasoned(gap);
        assertTrue(why.head().startsWith("Not explained by the protocols run here (orig_30d4beb)"), why.head());
        assertTrue(why.more().matches(" For the paper week's script \\(30d4beb\\), orig_30d4beb: 3 of 3 runs inside the"
                + " paper's range \\(the released script: 1 of 3\\), lower on 2 of 3 paired seeds, and a difference in"
                + " mean of -[\\d.]+ whose Welch 95 % CI, \\[-[\\d.]+, \\+[\\d.]+\\], includes 0\\. The released"
                + " script's run of seed 2 collapsed \\(\\d+\\), orig_30d4beb's did not \\(\\d+\\)\\."), why.more());
    }

    @Test
    void aSingleRunDecidesNothing() {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        runs("mnist-orig-30d4beb", "orig_30d4beb", ORIG, 300, 1400);
        Gaps.Gap gap = gap();
        assertEquals(Gaps.Finding.TOO_FEW, gap.effects().get(0).finding());
        assertTrue(GapViews.closedText(gap.effects().get(0)).matches("\\d+ %"), "a share without an interval");
        FixtureResults.run(tmp, "mnist-no-data-init", "no_data_init", Map.of("data_init", false, "labels", 20,
                "seed", 1, "epochs", 300), RunState.RUNNING, 40, 3000, false, false);
        Gaps.Effect running = gap().effects().stream().filter(e -> e.cell().key().variant().equals("no_data_init"))
                .findFirst().orElseThrow();
        assertEquals(0, running.cell().figure().n());
        assertEquals("–", GapViews.closedText(running), "nothing finished, no share");
        assertTrue(GapViews.conclusion(gap).startsWith("Not yet decided"), GapViews.conclusion(gap));
    }

    @Test
    void theScreenSortsVariantsByTheirPairedRawDifferenceAtItsEnd() {
        runs("mnist-paper", null, Map.of(), 300, 4500, 5000, 5500);
        runs("mnist-screen20", "faithful", Map.of(), 15, 5000, 5000, 5000);
        runs("mnist-screen20", "softplus_output", Map.of("generator_output", "softplus"), 15, 4000, 5200, 4600);
        runs("mnist-screen20", "no_data_init", Map.of("data_init", false), 15, 3000, 3500, 2500);
        Gaps.Gap gap = gap();
        assertEquals(1, gap.screens().size());
        Gaps.Screen screen = gap.screens().get(0);
        assertEquals(List.of(5, 10, 15), screen.milestones());
        assertEquals(List.of("faithful", "no_data_init", "softplus_output"),
                screen.rows().stream().map(r -> r.cell().key().variant()).toList());
        Gaps.ScreenRow best = screen.rows().get(1);
        assertEquals(3, best.pairedRaw().size());
        assertTrue(best.pairedRaw().stream().allMatch(p -> p.difference() < -1000), best.pairedRaw().toString());
        assertEquals(best.pairedRaw().stream().mapToDouble(Gaps.Paired::difference).average().orElseThrow(),
                best.effect(), 1e-9);
        assertEquals(3, best.raw().get(2).n(), "three seeds at epoch 15");
        PageModel.ScreenView view = views(asset -> false).gaps().get(0).screens().get(0);
        assertEquals("lower-every-seed", view.rows().get(1).css());
        assertEquals(null, view.rows().get(2).css(), "softplus_output is higher on seed 2");
        assertTrue(view.note().endsWith("Fewer raw-D errors than faithful on every seed: no_data_init."), view.note());
        assertTrue(screen.share(best).isEmpty(), "no larger change contains no_data_init in this screen");
        assertEquals("Not yet examined: no other protocol has runs of the paper's length at 20 labels. A lead, not a"
                + " finding: at 15 epochs no_data_init has fewer raw-D errors than the released script on every seed"
                + " screened.", GapViews.conclusion(gap));
    }
}
