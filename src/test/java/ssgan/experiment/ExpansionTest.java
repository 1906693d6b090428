package ssgan.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.config.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpansionTest {

    @TempDir
    Path dir;

    @Test
    void mnistPaperHasFortyRunsInAxisOrder() throws Exception {
        Plan plan = ExperimentLoader.load(TestDatasets.experiment("mnist-paper.yaml"), TestDatasets.LOOKUP);
        assertEquals("mnist-paper", plan.experiment());
        assertEquals(40, plan.runs().size());
        // First axis outermost: labels 20 with seeds 1..10, then labels 50, ...
        assertEquals(Map.of("labels", 20, "seed", 1), plan.runs().get(0).cell());
        assertEquals(Map.of("labels", 20, "seed", 10), plan.runs().get(9).cell());
        assertEquals(Map.of("labels", 50, "seed", 1), plan.runs().get(10).cell());
        assertEquals(Map.of("labels", 200, "seed", 10), plan.runs().get(39).cell());
        assertEquals(List.of("labels", "seed"), new ArrayList<>(plan.runs().get(0).cell().keySet()));
        for (int i = 0; i < plan.runs().size(); i++) {
            RunSpec run = plan.runs().get(i);
            assertEquals(i, run.index());
            assertEquals("mnist-paper", run.experiment());
            assertEquals(300, run.settings().epochs());
            assertEquals(100, run.settings().batchSize(), "batch 100 > 20 labels is fine: the labeled set is tiled");
            assertEquals(run.settings().seed(), run.settings().seedData(), "seed_data defaults to the seed");
        }
        assertEquals(40, plan.runs().stream().map(RunSpec::runId).distinct().count());
        assertTrue(plan.runs().get(0).runId().matches("labels20-seed1-[0-9a-f]{10}"),
                plan.runs().get(0).runId());
    }

    @Test
    void quickstartAndCpuPlans() throws Exception {
        Plan quick = ExperimentLoader.load(TestDatasets.experiment("quickstart.yaml"), TestDatasets.LOOKUP);
        assertEquals(2, quick.runs().size());
        assertEquals(3, quick.runs().get(0).settings().epochs());
        assertEquals(100, quick.runs().get(1).settings().labels());
        assertEquals(2, quick.runs().get(1).settings().seed());

        Plan cpu = ExperimentLoader.load(TestDatasets.experiment("mnist-cpu.yaml"), TestDatasets.LOOKUP);
        assertEquals(8, cpu.runs().size());
        assertEquals(30, cpu.runs().get(7).settings().epochs());
    }

    @Test
    void loadingTwiceGivesTheSamePlan() throws Exception {
        Path file = TestDatasets.experiment("mnist-paper.yaml");
        assertEquals(ExperimentLoader.load(file, TestDatasets.LOOKUP),
                ExperimentLoader.load(file, TestDatasets.LOOKUP));
    }

    @Test
    void includesComeAfterTheProductAndExcludesAreRemoved() throws Exception {
        Path file = TestDatasets.write(dir, "inc.yaml", """
                settings:
                  epochs: 2
                sweep:
                  labels: [100, 200]
                  seed: 1..2
                include:
                  - {labels: 20, seed: 11}
                  - {labels: 50, epochs: 5}
                exclude:
                  - {labels: 200, seed: 2}
                """);
        Plan plan = ExperimentLoader.load(file, TestDatasets.LOOKUP);
        assertEquals("inc", plan.experiment(), "default name = file name");
        List<Map<String, Object>> cells = plan.runs().stream().map(RunSpec::cell).toList();
        assertEquals(List.of(
                Map.of("labels", 100, "seed", 1),
                Map.of("labels", 100, "seed", 2),
                Map.of("labels", 200, "seed", 1),
                Map.of("labels", 20, "seed", 11),
                Map.of("labels", 50, "seed", 1, "epochs", 5)), cells);
        assertEquals(2, plan.runs().get(3).settings().epochs());
        assertEquals(5, plan.runs().get(4).settings().epochs(), "an include may set a key that is not an axis");
        assertEquals(11, plan.runs().get(3).settings().seedData());
    }

    @Test
    void jsonAndYamlGiveTheSamePlan() throws Exception {
        Path yaml = TestDatasets.write(dir, "same.yaml", """
                experiment: same
                settings: {epochs: 3, learning_rate: 0.001, adam_epsilon_form: outside_sqrt}
                sweep:
                  labels: [20, 100]
                  seed: 1..3
                exclude:
                  - {labels: 20, seed: 3}
                """);
        Path json = TestDatasets.write(dir, "same.json", """
                {"experiment": "same",
                 "settings": {"epochs": 3, "learning_rate": 1e-3, "adam_epsilon_form": "outside_sqrt"},
                 "sweep": {"labels": [20, 100], "seed": "1..3"},
                 "exclude": [{"labels": 20, "seed": 3}]}
                """);
        Plan fromYaml = ExperimentLoader.load(yaml, TestDatasets.LOOKUP);
        Plan fromJson = ExperimentLoader.load(json, TestDatasets.LOOKUP);
        assertEquals(5, fromYaml.runs().size());
        assertEquals(fromYaml.runs(), fromJson.runs());
        assertEquals(Settings.AdamEpsilon.OUTSIDE_SQRT, fromJson.runs().get(0).settings().adamEpsilonForm());
    }

    @Test
    void noSweepGivesOneRun() throws Exception {
        Path file = TestDatasets.write(dir, "single.yml", "settings:\n  epochs: 1\n");
        Plan plan = ExperimentLoader.load(file, TestDatasets.LOOKUP);
        assertEquals(1, plan.runs().size());
        assertEquals(new LinkedHashMap<>(), plan.runs().get(0).cell());
        assertTrue(plan.runs().get(0).runId().startsWith("run-"));
    }
}
