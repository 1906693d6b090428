package ssgan.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found while loading an experiment; thrown before anything runs. */
public class ConfigException extends Exception {

    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(format(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The errors in report order (by file, then position). */
    public List<ConfigError> errors() {
        return errors;
    }

    private static String format(List<ConfigError> errors) {
        String head = errors.size() == 1 ? "1 configuration error" : errors.size() + " configuration errors";
        return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n  ", head + ":\n  ", ""));
    }
}
