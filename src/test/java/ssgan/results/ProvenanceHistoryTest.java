package ssgan.results;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How each sitting adds itself to provenance.json's history, including after files written before the history. */
class ProvenanceHistoryTest {

    private static Provenance sitting(String commit, String startedAt, int sittings) {
        return new Provenance(commit, false, "17", "0.35.1", "PyTorch", "2.7.1", "Linux", "vm", "cpu", 2, "cpu()",
                "none", 1, 1, Map.of(), startedAt, null, sittings, null, List.of(), null);
    }

    private static Optional<RunStatus> lastProgress(int epochs, String at) {
        return Optional.of(new RunStatus(RunState.RUNNING, epochs, 300, null, at));
    }

    @Test
    void aNewRunStartsItsHistoryWithItself() {
        Provenance p = sitting("aaa", "t0", 1).following(Optional.empty(), Optional.empty(), 0);
        assertEquals(1, p.sittingList().size());
        Provenance.Sitting s = p.sittingList().get(0);
        assertEquals(0, s.fromEpoch());
        assertTrue(s.open());
        assertEquals(0, p.unrecordedSittings());

        Provenance done = p.ended("t9", 300);
        assertEquals("t9", done.endedAt());
        assertEquals(300, done.sittingList().get(0).toEpoch());
        assertEquals("t9", done.sittingList().get(0).endedAt());
    }

    @Test
    void aStoppedSittingIsClosedAtItsLastRecordedProgressAndTheNextTakesOver() {
        Provenance first = sitting("aaa", "t0", 1).following(Optional.empty(), Optional.empty(), 0);
        Provenance second = sitting("bbb", "t5", 2).following(Optional.of(first), lastProgress(120, "t4"), 120);
        List<Provenance.Sitting> h = second.sittingList();
        assertEquals(2, h.size());
        assertEquals("t4", h.get(0).endedAt());
        assertEquals(120, h.get(0).toEpoch());
        assertEquals("aaa", h.get(0).gitCommit());
        assertEquals(120, h.get(1).fromEpoch());
        assertEquals("bbb", h.get(1).gitCommit());
        assertTrue(h.get(1).open());
        assertTrue(second.mixedCode(), "aaa then bbb");
        assertFalse(first.mixedCode());
    }

    @Test
    void anOlderFileWithoutHistoryGivesItsLastSittingAndCountsTheRestAsUnrecorded() {
        Provenance older = sitting("aaa", "t3", 3); // three sittings, only the last one's facts kept
        Provenance next = sitting("aaa", "t5", 4).following(Optional.of(older), lastProgress(200, "t4"), 200);
        List<Provenance.Sitting> h = next.sittingList();
        assertEquals(2, h.size());
        assertNull(h.get(0).fromEpoch(), "where the older sitting began is not known");
        assertEquals(200, h.get(0).toEpoch());
        assertEquals("t3", h.get(0).startedAt());
        assertEquals(2, next.unrecordedSittings(), "sittings 1 and 2 predate the history");
        assertEquals(3, older.unrecordedSittings());
        assertFalse(next.mixedCode());
    }

    @Test
    void aClosedSittingIsNotReopenedByAStaleStatus() {
        Provenance ended = sitting("aaa", "t0", 1).following(Optional.empty(), Optional.empty(), 0).ended("t2", 2);
        Provenance next = sitting("aaa", "t3", 2).following(Optional.of(ended), lastProgress(1, "t1"), 2);
        assertEquals(2, next.sittingList().get(0).toEpoch());
        assertEquals("t2", next.sittingList().get(0).endedAt());
    }

    @Test
    void roundTripsThroughJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        Provenance p = sitting("aaa", "t0", 1).following(Optional.empty(), Optional.empty(), 0).ended("t2", 2);
        AtomicFiles.writeJson(tmp.resolve("provenance.json"), p);
        assertEquals(p, AtomicFiles.readJson(tmp.resolve("provenance.json"), Provenance.class));
    }
}
