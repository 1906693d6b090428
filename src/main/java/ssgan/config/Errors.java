package ssgan.config;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Collects errors (deduplicated: each expanded cell re-checks the shared settings) and throws them together. */
public final class Errors {

    private final Set<ConfigError> errors = new LinkedHashSet<>();

    public void add(ConfigError error) {
        errors.add(error);
    }

    public void add(Origin origin, String message) {
        errors.add(origin.error(message));
    }

    public void forEach(Consumer<ConfigError> action) {
        errors.forEach(action);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws all collected errors, files first (in position order), then the command line. */
    public void throwIfAny() throws ConfigException {
        if (errors.isEmpty()) {
            return;
        }
        List<ConfigError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing((ConfigError e) -> ConfigError.COMMAND_LINE.equals(e.file()))
                .thenComparing(ConfigError::file)
                .thenComparingInt(ConfigError::line)
                .thenComparingInt(ConfigError::column));
        throw new ConfigException(sorted);
    }
}
