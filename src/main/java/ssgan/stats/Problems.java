package ssgan.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The problems met while a report is made, each named by what it cost: one failing cell, chart or page is left out
 * and the rest is still written. Safe to add to from parallel chart jobs.
 */
public final class Problems {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    public void add(String line) {
        lines.add(line);
    }

    public void addAll(List<String> more) {
        lines.addAll(more);
    }

    /** {@code body}'s value, or {@code fallback} with "{@code what}: the error; left out" named. */
    public <T> T guard(String what, Supplier<T> body, T fallback) {
        try {
            return body.get();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vm) {
                throw vm; // out of memory is no problem of one part
            }
            add(what + ": " + brief(e) + "; left out");
            return fallback;
        }
    }

    public void guard(String what, Runnable body) {
        guard(what, () -> {
            body.run();
            return null;
        }, null);
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The error's class and the first line of its message: Jackson's run over several lines. */
    public static String brief(Throwable e) {
        String message = e.getMessage();
        String first = message == null ? "" : message.lines().findFirst().orElse("").strip();
        if (first.length() > 240) {
            first = first.substring(0, 239) + "…";
        }
        return e.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }
}
