package ssgan.report;

import org.junit.jupiter.api.Test;
import ssgan.results.Provenance;
import ssgan.results.RunState;
import ssgan.results.RunStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run page's table of sittings and what it says about sittings it cannot show or code that changed. */
class RunPageSittingsTest {

    private static Provenance sitting(String commit, int sittings) {
        return new Provenance(commit, false, "17", "0.35.1", "PyTorch", "2.7.1", "Linux", "vm", "cpu", 2, "cpu()",
                "none", 1, 1, Map.of(), "2026-11-30T07:33:25Z", null, sittings, null, List.of(), null);
    }

    @Test
    void showsEachSittingWithItsEpochsAndCommitAndNotesChangedCode() {
        Provenance first = sitting("3414a0985546a718554f3cb12955545d4d5c68b0", 1)
                .following(Optional.empty(), Optional.empty(), 0);
        Provenance second = sitting("58d87e7aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 2).following(Optional.of(first),
                Optional.of(new RunStatus(RunState.RUNNING, 103, 300, null, "2026-11-30T08:00:00Z")), 103);
        RunPage.Sittings s = RunPage.sittings(second.ended("2026-11-30T10:00:00Z", 300));
        assertEquals(2, s.rows().size());
        assertEquals("0 → 103", s.rows().get(0).epochs());
        assertEquals("3414a09855", s.rows().get(0).commit());
        assertEquals("103 → 300", s.rows().get(1).epochs());
        assertEquals("2", s.rows().get(1).number());
        assertEquals(1, s.notes().size(), s.notes().toString());
        assertTrue(s.notes().get(0).startsWith("Trained by more than one version of the code"), s.notes().get(0));
    }

    @Test
    void saysWhichSittingsPredateTheHistory() {
        Provenance older = sitting("3414a0985546a718554f3cb12955545d4d5c68b0", 6);
        RunPage.Sittings none = RunPage.sittings(older);
        assertTrue(none.rows().isEmpty());
        assertEquals(List.of("Sittings 1-6 are not recorded: the run began before provenance kept a history of its "
                + "sittings; the facts above are those of its last sitting."), none.notes());

        Provenance next = sitting("3414a0985546a718554f3cb12955545d4d5c68b0", 7).following(Optional.of(older),
                Optional.of(new RunStatus(RunState.RUNNING, 270, 300, null, "2026-11-30T07:00:00Z")), 270);
        RunPage.Sittings s = RunPage.sittings(next);
        assertEquals(List.of("6", "7"), s.rows().stream().map(RunPage.SittingRow::number).toList());
        assertEquals("? → 270", s.rows().get(0).epochs());
        assertEquals("270 → (working)", s.rows().get(1).epochs());
        assertEquals(List.of("Sittings 1-5 are not recorded: the run began before provenance kept a history of its "
                + "sittings."), s.notes());
    }
}
