package ssgan.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.config.ConfigError;
import ssgan.config.ConfigException;
import ssgan.config.RunId;
import ssgan.config.Settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Named variants: expansion order, cells, run ids, include/exclude and the variant=... override. */
class VariantsTest {

    @TempDir
    Path dir;

    private static final String SMALL = """
            experiment: small
            settings: {epochs: 2}
            sweep:
              labels: [100, 200]
              seed: 1..2
            variants:
              faithful: {}
              supervised_only: {mode: supervised}
              softplus_output: {generator_output: softplus}
            """;

    private Plan load(String content, String... overrides) throws ConfigException {
        return ExperimentLoader.load(TestDatasets.write(dir, "small.yaml", content), List.of(overrides),
                TestDatasets.LOOKUP);
    }

    private static Map<String, Object> cell(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void variantsAreTheOutermostAxisAndFirstInTheCell() throws Exception {
        Plan plan = load(SMALL);
        assertEquals(12, plan.runs().size());
        assertEquals(cell("variant", "faithful", "labels", 100, "seed", 1), plan.runs().get(0).cell());
        assertEquals(cell("variant", "faithful", "labels", 200, "seed", 2), plan.runs().get(3).cell());
        assertEquals(cell("variant", "supervised_only", "labels", 100, "seed", 1), plan.runs().get(4).cell());
        assertEquals(cell("variant", "softplus_output", "labels", 200, "seed", 2), plan.runs().get(11).cell());
        assertEquals(List.of("variant", "labels", "seed"), List.copyOf(plan.runs().get(5).cell().keySet()));
        assertEquals(Settings.Mode.GAN, plan.runs().get(3).settings().mode());
        assertEquals(Settings.Mode.SUPERVISED, plan.runs().get(4).settings().mode());
        assertEquals(Settings.GeneratorOutput.SOFTPLUS, plan.runs().get(8).settings().generatorOutput());
        assertEquals(2, plan.runs().get(8).settings().epochs(), "fixed settings apply to every variant");
    }

    @Test
    void runIdsStartWithTheVariantNameAndHashOnlyTheSettings() throws Exception {
        Plan plan = load(SMALL);
        RunSpec supervised = plan.runs().get(4);
        assertEquals("supervised_only-labels100-seed1-" + RunId.hash(supervised.settings()), supervised.runId());
        // The faithful variant computes what a file without variants computes: the same hash.
        Plan plain = load("""
                settings: {epochs: 2}
                sweep:
                  labels: [100, 200]
                  seed: 1..2
                """);
        assertEquals(RunId.hash(plain.runs().get(0).settings()), RunId.hash(plan.runs().get(0).settings()));
        assertEquals("faithful-" + plain.runs().get(0).runId(), plan.runs().get(0).runId());
        assertEquals(12, plan.runs().stream().map(RunSpec::runId).distinct().count());
    }

    @Test
    void filesWithoutVariantsKeepTheirRunIds() throws Exception {
        // ids of the shipped experiments as computed before variants existed (they name results directories)
        Map<String, String> expected = Map.of(
                "quickstart.yaml:0", "labels100-seed1-891c3a5b40",
                "quickstart.yaml:1", "labels100-seed2-e44661c80e",
                "mnist-cpu.yaml:6", "labels200-seed1-819385892d",
                "mnist-cpu.yaml:7", "labels200-seed2-d4e16936fb",
                "mnist-paper.yaml:0", "labels20-seed1-ed5264c678",
                "mnist-paper.yaml:9", "labels20-seed10-663ad3f5b8",
                "mnist-paper.yaml:20", "labels100-seed1-02fb953ec9",
                "mnist-paper.yaml:39", "labels200-seed10-2157c5ef3e");
        for (var e : expected.entrySet()) {
            String[] fileAndIndex = e.getKey().split(":");
            Plan plan = ExperimentLoader.load(TestDatasets.experiment(fileAndIndex[0]), TestDatasets.LOOKUP);
            assertEquals(e.getValue(), plan.runs().get(Integer.parseInt(fileAndIndex[1])).runId(), e.getKey());
        }
    }

    @Test
    void shippedAblationPlans() throws Exception {
        Plan full = ExperimentLoader.load(TestDatasets.experiment("mnist-ablations.yaml"), TestDatasets.LOOKUP);
        assertEquals(100, full.runs().size());
        List<String> names = full.runs().stream().map(r -> (String) r.cell().get("variant")).distinct().toList();
        assertEquals(List.of("faithful", "supervised_only", "softplus_output", "no_data_init",
                "average_from_params", "l1_features", "unlabeled_weight_0_5", "unlabeled_weight_2",
                "minibatch_discrimination", "pytorch_port"), names);
        assertTrue(full.runs().stream().allMatch(r -> r.settings().epochs() == 300 && r.settings().labels() == 100));
        assertEquals("faithful-labels100-seed1-02fb953ec9", full.runs().get(0).runId(),
                "the faithful runs are mnist-paper's 100-label runs");
        Map<String, Settings> bySeed1 = full.runs().stream().filter(r -> r.settings().seed() == 1)
                .collect(Collectors.toMap(r -> (String) r.cell().get("variant"), RunSpec::settings));
        assertEquals(false, bySeed1.get("no_data_init").dataInit());
        assertEquals(Settings.AverageStart.PARAMS, bySeed1.get("average_from_params").averageStart());
        assertEquals(Settings.FeatureLoss.L1, bySeed1.get("l1_features").featureLoss());
        assertEquals(0.5, bySeed1.get("unlabeled_weight_0_5").unlabeledWeight());
        assertEquals(2.0, bySeed1.get("unlabeled_weight_2").unlabeledWeight());
        assertEquals(100, bySeed1.get("minibatch_discrimination").minibatchKernels());
        assertEquals(Settings.GeneratorLoss.GAN, bySeed1.get("minibatch_discrimination").generatorLoss());
        Settings port = bySeed1.get("pytorch_port");
        assertEquals(List.of(Settings.GeneratorOutput.SOFTPLUS, false, Settings.AdamEpsilon.OUTSIDE_SQRT,
                        Settings.GeneratorOutputInit.NORMAL, true, Settings.LabeledShuffle.GLOBAL),
                List.of(port.generatorOutput(), port.dataInit(), port.adamEpsilonForm(), port.generatorOutputInit(),
                        port.extraGeneratorStep(), port.labeledShuffle()));

        Plan cpu = ExperimentLoader.load(TestDatasets.experiment("mnist-ablations-cpu.yaml"), TestDatasets.LOOKUP);
        assertEquals(20, cpu.runs().size());
        assertTrue(cpu.runs().stream().allMatch(r -> r.settings().epochs() == 20 && r.settings().seed() <= 2));
    }

    @Test
    void overrideSelectsVariantsInFileOrder() throws Exception {
        Plan plan = load(SMALL, "variant=softplus_output,faithful", "seed=1");
        assertEquals(List.of("faithful", "faithful", "softplus_output", "softplus_output"),
                plan.runs().stream().map(r -> r.cell().get("variant")).toList());
        assertEquals(load(SMALL).runs().get(8).runId(), plan.runs().get(2).runId(), "selection keeps the ids");
    }

    @Test
    void overrideErrors() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(SMALL, "variant=faithful,supervised_onyl", "mode=supervised"));
        assertEquals(2, e.errors().size(), e.getMessage());
        ConfigError unknown = e.errors().get(0);
        assertEquals(ConfigError.COMMAND_LINE, unknown.file());
        assertEquals("variant[1]", unknown.key());
        assertEquals(18, unknown.column());
        assertTrue(unknown.message().contains("unknown variant 'supervised_onyl'; did you mean 'supervised_only'?"),
                unknown.message());
        assertTrue(e.errors().get(1).message().contains("'mode' is set by variant 'supervised_only' (at line 8"),
                e.errors().get(1).message());

        ConfigException none = assertThrows(ConfigException.class, () -> ExperimentLoader.load(
                TestDatasets.experiment("quickstart.yaml"), List.of("variant=faithful"), TestDatasets.LOOKUP));
        assertTrue(none.errors().get(0).message().contains("no 'variants' section"));
    }

    @Test
    void excludeAndIncludeMayNameAVariant() throws Exception {
        Plan plan = load(SMALL + """
                exclude:
                  - {variant: supervised_only, labels: 200}
                  - {variant: softplus_output}
                include:
                  - {variant: softplus_output, labels: 20, seed: 7}
                """);
        List<Map<String, Object>> cells = plan.runs().stream().map(RunSpec::cell).toList();
        assertEquals(7, cells.size());
        assertEquals(cell("variant", "supervised_only", "labels", 100, "seed", 2), cells.get(5));
        assertEquals(cell("variant", "softplus_output", "labels", 20, "seed", 7), cells.get(6));
        assertEquals(Settings.GeneratorOutput.SOFTPLUS, plan.runs().get(6).settings().generatorOutput());
        assertTrue(plan.runs().get(6).runId().startsWith("softplus_output-labels20-seed7-"));
    }

    @Test
    void variantsWithoutAxesGiveOneRunEach() throws Exception {
        Plan plan = load("""
                variants:
                  faithful:
                  wide_noise: {hidden_noise: 0.6}
                """);
        assertEquals(2, plan.runs().size());
        assertEquals(cell("variant", "wide_noise"), plan.runs().get(1).cell());
        assertTrue(plan.runs().get(1).runId().startsWith("wide_noise-"));
        assertEquals(0.6, plan.runs().get(1).settings().hiddenNoise());
    }
}
