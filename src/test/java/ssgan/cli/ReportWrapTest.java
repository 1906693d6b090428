package ssgan.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `report --verbose` wraps each cell's figures at words, continuation lines indented. */
class ReportWrapTest {

    @Test
    void longDetailIsWrappedAtWordsWithContinuationsIndented() {
        String text = "averaged D 1475.0 ± 1219.6 over 3 runs against paper 221 ± 136 and a great deal more to say"
                + " about it than one terminal line can hold, so it goes on";
        List<String> lines = ReportCommand.wrap(text, "      ", 60);
        assertTrue(lines.size() > 2, lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.length() <= 60), lines.toString());
        assertTrue(lines.get(0).startsWith("      averaged D") && lines.get(1).startsWith("        ")
                && !lines.get(1).startsWith("         "), lines.toString());
        assertEquals(text, String.join(" ", lines.stream().map(String::strip).toList()), "no word lost");
        assertEquals(List.of("      short"), ReportCommand.wrap("short", "      ", 60));
    }
}
