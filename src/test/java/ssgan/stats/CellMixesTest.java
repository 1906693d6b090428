package ssgan.stats;

import org.junit.jupiter.api.Test;
import ssgan.config.SettingsCodec;
import ssgan.data.ErrorUnit;
import ssgan.results.Provenance;
import ssgan.results.RunState;
import ssgan.results.RunStatus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a cell's note says about the code that trained its runs, sitting by sitting. */
class CellMixesTest {

    private static Provenance sitting(String commit, int sittings) {
        return new Provenance(commit, false, "17", "0.35.1", "PyTorch", "2.7.1", "Linux", "vm", "cpu", 2, "cpu()",
                "none", 1, 1, Map.of(), "t", null, sittings, null, List.of(), null);
    }

    private static RunResult run(int seed, Provenance p) {
        return new RunResult("exp", "labels100-seed" + seed, "h", Path.of("results/exp/x"), SettingsCodec.fromMap(Map.of("seed", seed)),
                new CellKey("mnist", 100, "faithful", 300, ErrorUnit.ERRORS_OUT_OF_10000), RunState.DONE, 300, 300,
                null, List.of(), p, null, 0, RunHealth.UNKNOWN);
    }

    @Test
    void aRunResumedByNewerCodeIsNamedAndItsEarlierCommitCounted() {
        Provenance oneCommit = sitting("aaaaaaaaaaaa", 1).following(Optional.empty(), Optional.empty(), 0);
        Provenance first = sitting("aaaaaaaaaaaa", 1).following(Optional.empty(), Optional.empty(), 0);
        Provenance resumed = sitting("bbbbbbbbbbbb", 2).following(Optional.of(first),
                Optional.of(new RunStatus(RunState.RUNNING, 100, 300, null, "t")), 100);

        assertEquals(List.of(), CellMixes.of(List.of(run(1, oneCommit), run(2, oneCommit))));
        assertEquals(List.of("commits: 2 (aaaaaaaaaa, bbbbbbbbbb)", "1 run(s) resumed by a different version of "
                        + "the code", "1 run(s) resumed after an interruption (bit-identical by design)"),
                CellMixes.of(List.of(run(1, oneCommit), run(2, resumed))),
                "the resumed run's last commit alone would hide that its first 100 epochs came from aaaaaaaaaa");
    }
}
