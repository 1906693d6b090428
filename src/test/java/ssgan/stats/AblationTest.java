package ssgan.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import ssgan.config.Settings;
import ssgan.config.SettingsCodec;
import ssgan.paper.PaperProtocol;
import ssgan.results.RunState;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AblationTest {

    @Test
    void welchIntervalOfTheDifference() {
        SampleStats a = SampleStats.of(10, 12, 14);   // mean 12, variance 4
        SampleStats b = SampleStats.of(1, 3, 5, 7);   // mean 4, variance 20/3
        MeanDifference d = MeanDifference.of(a, b);
        double va = 4.0 / 3;
        double vb = 20.0 / 3 / 4;
        double df = (va + vb) * (va + vb) / (va * va / 2 + vb * vb / 3);
        double half = new TDistribution(df).inverseCumulativeProbability(0.975) * Math.sqrt(va + vb);
        assertEquals(8.0, d.difference(), 1e-12);
        assertEquals(df, d.df(), 1e-12);
        assertEquals(8 - half, d.ciLow(), 1e-9);
        assertEquals(8 + half, d.ciHigh(), 1e-9);
        assertTrue(d.significant());
        assertTrue(d.p() < 0.05);
        assertTrue(Double.isNaN(MeanDifference.of(SampleStats.of(1), b).ciLow()), "one run: no interval");
    }

    @Test
    void variantsOfOneBudgetAreComparedWithTheFaithfulOne() {
        List<RunResult> runs = List.of(
                AnalysisTest.run("a", 1, 300, RunState.DONE, 90, 10_000, Map.of()),
                AnalysisTest.run("b", 2, 300, RunState.DONE, 96, 10_000, Map.of()),
                AnalysisTest.run("c", 1, 300, RunState.DONE, 900, 10_000, Map.of("mode", "supervised")),
                AnalysisTest.run("d", 2, 300, RunState.DONE, 950, 10_000, Map.of("mode", "supervised")),
                AnalysisTest.run("e", 1, 30, RunState.DONE, 200, 10_000, Map.of()));
        Analysis analysis = Analysis.of(runs, List.of(), r -> Optional.empty());
        assertEquals(1, analysis.ablations().size(), "the 30-epoch budget has a single variant: no table");
        Ablation ablation = analysis.ablations().get(0);
        assertEquals(300, ablation.epochs());
        assertEquals(List.of("faithful", "mode=supervised"),
                ablation.rows().stream().map(r -> r.cell().key().variant()).toList());
        assertNull(ablation.rows().get(0).vsFaithful());
        assertEquals(925.0 - 93.0, ablation.rows().get(1).vsFaithful().difference(), 1e-12);
        assertTrue(ablation.faithful().isPresent());
    }

    @Test
    void namedVariantsComeFromTheCell() {
        Map<String, Object> settings = new java.util.HashMap<>(PaperProtocol.setup("mnist"));
        settings.put("mode", "supervised");
        Settings typed = SettingsCodec.fromMap(settings);
        assertEquals("supervised_only", PaperProtocol.variantName(Map.of("variant", "supervised_only"), typed));
        assertEquals("mode=supervised", PaperProtocol.variantName(Map.of("seed", 1), typed));
        assertEquals("mode=supervised", PaperProtocol.variantName(null, typed));
        assertEquals("mode=supervised", PaperProtocol.variantName(Map.of("variant", "faithful"), typed),
                "'faithful' is reserved for the paper's setup");
        assertFalse(PaperProtocol.variantName(Map.of("variant", "faithful"),
                SettingsCodec.fromMap(PaperProtocol.setup("mnist")))
                .contains("="));
    }
}
