package ssgan.paper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssgan.experiment.TestDatasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperTableTest {

    @Test
    void mnistTable() throws Exception {
        PaperTable t = PaperTable.load(TestDatasets.experiment("paper/mnist-table1.yaml"));
        assertEquals("mnist", t.dataset());
        assertEquals(List.of(20, 50, 100, 200), t.labelCounts());
        PaperTable.Cell c = t.row("improved_gan").orElseThrow().cell(100).orElseThrow();
        assertEquals(93, c.mean());
        assertEquals(6.5, c.std());
        assertEquals(10, c.runs());
        assertEquals("errors_out_of_10000", c.unit());
        assertTrue(c.checked());
        assertEquals(List.of("A", "D", "G"), c.sources());
        PaperTable.Cell ensemble20 = t.row("improved_gan_ensemble").orElseThrow().cell(20).orElseThrow();
        assertFalse(ensemble20.checked());
        assertNull(t.row("virtual_adversarial").orElseThrow().cell(100).orElseThrow().std());
        PaperTable.Cell repro = t.row("reproduction_study").orElseThrow().cell(20).orElseThrow();
        assertEquals(1952, repro.mean());
        assertEquals(226.7, repro.std());
        assertEquals(3, repro.runs());
    }

    @Test
    void cifarTable() throws Exception {
        List<PaperTable> all = PaperTable.loadAll(TestDatasets.experiment("paper"));
        assertEquals(List.of("cifar10-table2", "mnist-table1"), all.stream().map(PaperTable::table).toList());
        PaperTable t = all.get(0);
        assertEquals(List.of(1000, 2000, 4000, 8000), t.labelCounts());
        PaperTable.Cell c = t.row("improved_gan").orElseThrow().cell(4000).orElseThrow();
        assertEquals(18.63, c.mean());
        assertEquals("error_percent", c.unit());
        assertEquals(21.3, t.row("reproduction_study").orElseThrow().cell(4000).orElseThrow().mean());
        assertTrue(t.row("reproduction_study").orElseThrow().cell(8000).isEmpty());
    }

    @Test
    void rejectsUnknownSourceLetters(@TempDir Path dir) {
        Path file = TestDatasets.write(dir, "bad.yaml", """
                table: bad
                dataset: mnist
                unit: error_percent
                sources: {A: "a"}
                rows:
                  - {id: x, method: X, kind: paper, cells: {100: {mean: 1, checked: true, sources: [Z]}}}
                """);
        IOException e = assertThrows(IOException.class, () -> PaperTable.load(file));
        assertTrue(e.getMessage().contains("unknown source 'Z'"), e.getMessage());
    }
}
