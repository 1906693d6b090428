package ssgan.results;

import ssgan.metrics.EpochMetrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * metrics.jsonl read so that damage loses only what is damaged: every line that parses is kept, and the lines that
 * do not are named. A copy cut short ends in half a line; a hand edit can break one in the middle. Whether the
 * kept epochs are the run's whole record (its final epoch included) is for {@link RecordCheck} to say.
 *
 * @param damage what could not be read, in words; empty when every line was whole
 */
public record IntactMetrics(List<EpochMetrics> rows, Optional<String> damage) {

    public static IntactMetrics read(Path file) {
        if (!Files.exists(file)) {
            return new IntactMetrics(List.of(), Optional.empty());
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // bad bytes only spoil their line
        } catch (IOException | RuntimeException e) {
            return new IntactMetrics(List.of(), Optional.of(file.getFileName() + " unreadable ("
                    + RunRecord.reason(e) + ")"));
        }
        String[] lines = text.split("\r?\n", -1);
        List<EpochMetrics> rows = new ArrayList<>();
        List<Integer> broken = new ArrayList<>();
        int lastLine = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            lastLine = i + 1;
            EpochMetrics row = parse(lines[i]);
            if (row == null) {
                broken.add(i + 1);
            } else {
                rows.add(row);
            }
        }
        return new IntactMetrics(List.copyOf(rows), describe(file.getFileName().toString(), broken, lastLine,
                text.endsWith("\n"), rows.size()));
    }

    private static EpochMetrics parse(String line) {
        try {
            return AtomicFiles.JSON.readValue(line, EpochMetrics.class); // "null" parses to null: broken too
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Optional<String> describe(String name, List<Integer> broken, int lastLine, boolean endsInNewline,
                                             int kept) {
        if (broken.isEmpty()) {
            return Optional.empty();
        }
        String keptText = "; its " + kept + " whole line(s) are kept";
        if (broken.size() == 1 && broken.get(0) == lastLine && !endsInNewline) {
            return Optional.of(name + " ends in a cut line (line " + lastLine + ")" + keptText);
        }
        List<String> numbers = broken.stream().limit(5).map(String::valueOf).toList();
        return Optional.of(name + ": line" + (broken.size() == 1 ? " " : "s ") + String.join(", ", numbers)
                + (broken.size() > 5 ? " and " + (broken.size() - 5) + " more" : "") + " unreadable" + keptText);
    }
}
