package ssgan.stats;

import org.junit.jupiter.api.Test;
import ssgan.config.SettingsCodec;
import ssgan.data.ErrorUnit;
import ssgan.metrics.EpochMetrics;
import ssgan.results.KnownDefects;
import ssgan.results.Provenance;
import ssgan.results.RunState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A run that predates a fix is cleared of it only by a run trained after it that repeats its every epoch. */
class DefectClearanceTest {
    private static final KnownDefects.Fix FIX = KnownDefects.FIXES.get(0);
    private static final String BEFORE = "2026-11-23T05:42:21Z";
    private static final String AFTER = "2026-12-04T11:22:00Z";

    @Test
    void aLongerRunTrainedAfterTheFixThatRepeatsEveryEpochClearsIt() {
        RunResult old = run("mnist-cpu", 30, BEFORE, curve(30, 0));
        RunResult witness = run("mnist-paper", 300, AFTER, curve(120, 0));
        List<RunResult> cleared = DefectClearance.apply(List.of(old, witness));
        assertEquals(List.of(), cleared.get(0).predatedFixes());
        assertEquals(List.of(new KnownDefects.Clearance(FIX, "mnist-paper/labels50-seed2-h", 30)),
                cleared.get(0).clearances());
        assertEquals("trained before fix 1d69336, but its 30 epoch(s) are bit-identical to those of "
                + "mnist-paper/labels50-seed2-h, trained after it: the fix did not change its numbers",
                cleared.get(0).clearances().get(0).text());
        assertEquals(witness, cleared.get(1), "the witness is unchanged");
    }

    @Test
    void aWitnessWhoseRecordDoesNotStandClearsNothing() {
        RunResult old = run("mnist-cpu", 30, BEFORE, curve(30, 0));
        RunResult edited = run("mnist-paper", 300, AFTER, curve(120, 0)).withIntegrity(new Integrity(
                List.of("metrics.jsonl changed since its checksum was recorded"), List.of(), null, false, false));
        assertEquals(List.of(FIX), DefectClearance.apply(List.of(old, edited)).get(0).predatedFixes());
    }

    @Test
    void oneDifferentBitOrASecondRunBeforeTheFixOrOtherSettingsClearNothing() {
        RunResult old = run("mnist-cpu", 30, BEFORE, curve(30, 0));
        List<RunResult> differs = List.of(old, run("mnist-paper", 300, AFTER, curve(120, 17)));
        assertEquals(List.of(FIX), DefectClearance.apply(differs).get(0).predatedFixes(), "epoch 17 differs");
        List<RunResult> alsoBefore = List.of(old, run("mnist-paper", 300, BEFORE, curve(120, 0)));
        assertEquals(List.of(FIX), DefectClearance.apply(alsoBefore).get(0).predatedFixes(), "no witness after the fix");
        List<RunResult> shorter = List.of(old, run("mnist-paper", 300, AFTER, curve(29, 0)));
        assertEquals(List.of(FIX), DefectClearance.apply(shorter).get(0).predatedFixes(), "epoch 30 not repeated");
        RunResult otherSeed = new RunResult("mnist-paper", "labels50-seed3-h", "h", Path.of("x"),
                SettingsCodec.fromMap(Map.of("labels", 50, "seed", 3, "epochs", 300)), old.cell(), RunState.DONE, 120,
                300, null, curve(120, 0), provenance(AFTER), null, 0, RunHealth.UNKNOWN);
        assertEquals(List.of(FIX), DefectClearance.apply(List.of(old, otherSeed)).get(0).predatedFixes(),
                "another seed is another run, however its numbers fell");
    }

    private static RunResult run(String experiment, int epochs, String startedAt, List<EpochMetrics> metrics) {
        return new RunResult(experiment, "labels50-seed2-h", "h", Path.of("results", experiment, "x"),
                SettingsCodec.fromMap(Map.of("labels", 50, "seed", 2, "epochs", epochs)),
                new CellKey("mnist", 50, "faithful", epochs, ErrorUnit.ERRORS_OUT_OF_10000), RunState.DONE,
                metrics.size(), epochs, null, metrics, provenance(startedAt), null, 0, RunHealth.UNKNOWN);
    }

    /** A made-up record of {@code epochs} epochs; {@code changed} (when above 0) differs in its last bit. */
    private static List<EpochMetrics> curve(int epochs, int changed) {
        List<EpochMetrics> out = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double supervised = 1.0 / e;
            if (e == changed) {
                supervised = Math.nextUp(supervised);
            }
            out.add(new EpochMetrics(e, supervised, 0.3, 2, 0, 1000 - e, 1100 - e, 10_000, 1, 1, null));
        }
        return out;
    }

    private static Provenance provenance(String startedAt) {
        return new Provenance("abc", false, "17", "0.35.1", "PyTorch", "2.7.1", "Linux", "vm", "cpu", 2, "cpu()",
                "none", 1, 1, Map.of(), startedAt, startedAt, 1, null, null,
                List.of(new Provenance.Sitting(startedAt, startedAt, 0, null, "abc", false, "vm", "cpu()", 1,
                        "2.7.1")));
    }
}
