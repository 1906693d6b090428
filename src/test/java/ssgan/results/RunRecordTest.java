package ssgan.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.metrics.EpochMetrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged file of a run's record costs only itself, and sealed files that change are named. */
class RunRecordTest {
    @TempDir
    Path tmp;

    private RunDirectory finished(int epochs) {
        RunDirectory dir = new RunDirectory(tmp.resolve("exp/run"));
        List<EpochMetrics> m = RecordCheckTest.epochs(epochs);
        dir.writeMetrics(m);
        dir.writeStatus(RunStatus.of(RunState.DONE, epochs, epochs, null));
        dir.writeSummary(RecordCheckTest.summaryOf(m, epochs));
        return dir;
    }

    @Test
    void aCutLastLineKeepsEveryWholeEpoch() throws IOException {
        RunDirectory dir = finished(10);
        String text = Files.readString(dir.metricsFile());
        Files.writeString(dir.metricsFile(), text.substring(0, text.length() - 40)); // a copy cut short
        RunRecord record = RunRecord.read(dir);
        assertEquals(9, record.metrics().size());
        assertEquals(List.of("metrics.jsonl ends in a cut line (line 10); its 9 whole line(s) are kept"),
                record.damage());
        assertEquals(List.of("metrics.jsonl has 9 epoch(s), but status.json says 10 done",
                "summary.json says 10 epochs, metrics.jsonl ends at epoch 9"), record.faults(dir, 10),
                "its final epoch is lost, so it may not stand for the run");
    }

    @Test
    void aBrokenLineInTheMiddleIsNamedAndTheOthersKept() throws IOException {
        RunDirectory dir = finished(10);
        List<String> lines = Files.readAllLines(dir.metricsFile());
        lines.set(4, "{\"epoch\":5,\"lossSup");
        lines.set(6, "null");
        Files.write(dir.metricsFile(), lines);
        RunRecord record = RunRecord.read(dir);
        assertEquals(8, record.metrics().size());
        assertEquals(List.of("metrics.jsonl: lines 5, 7 unreadable; its 8 whole line(s) are kept"), record.damage());
        assertTrue(record.faults(dir, 10).get(0).startsWith("metrics.jsonl jumps from epoch 4 to 6"));
    }

    @Test
    void anUnreadableProvenanceIsReadAsAbsentAndNamed() throws IOException {
        RunDirectory dir = finished(3);
        Files.writeString(dir.provenanceFile(), "{\"gitCommit\": \"abc\", ");
        RunRecord record = RunRecord.read(dir);
        assertNull(record.provenance());
        assertEquals(1, record.damage().size());
        assertTrue(record.damage().get(0).startsWith("provenance.json unreadable (")
                && record.damage().get(0).endsWith("; shown without its provenance"), record.damage().get(0));
        assertEquals(List.of(), record.faults(dir, 3), "the figures do not rest on it");
    }

    @Test
    void sealedFilesThatChangeOrGoAreNamed() throws IOException {
        RunDirectory dir = finished(5);
        Files.write(dir.predictionsFile(), new byte[] {1, 2, 3});
        RecordChecksums sums = dir.writeChecksums("test");
        assertEquals(List.of("metrics.jsonl", "predictions.bin.gz"), List.copyOf(sums.files().keySet()));
        assertEquals(List.of(), RunRecord.read(dir).faults(dir, 5));

        Files.writeString(dir.metricsFile(), Files.readString(dir.metricsFile()).replaceFirst("\"trainError\":0.01",
                "\"trainError\":0.02"));   // epoch 1 edited: consistent still, but not what was recorded
        Files.delete(dir.predictionsFile());
        assertEquals(List.of("metrics.jsonl changed since its checksum was recorded (" + sums.recorded() + ")",
                "predictions.bin.gz is gone since its checksum was recorded (" + sums.recorded() + ")"),
                RunRecord.read(dir).faults(dir, 5));
    }
}
