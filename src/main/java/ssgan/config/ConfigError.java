package ssgan.config;

/**
 * One problem found in an experiment file or in a command-line override.
 *
 * <p>For a file, {@code line} and {@code column} are 1-based positions of the offending key or value. For a
 * command-line override ({@code file} is {@link #COMMAND_LINE}), {@code line} is the 1-based position of the
 * argument in the override list and {@code column} the 1-based character position inside that argument.
 *
 * @param key     dotted path of the offending entry, e.g. {@code settings.epochs} or {@code sweep.labels[2]}
 * @param message what was expected and what was found
 */
public record ConfigError(String file, int line, int column, String key, String message) {

    /** The {@code file} of errors in command-line overrides. */
    public static final String COMMAND_LINE = "<command line>";

    @Override
    public String toString() {
        String where = COMMAND_LINE.equals(file)
                ? file + ":argument " + line
                : file + ":" + line + ":" + column;
        return key.isEmpty() ? where + ": " + message : where + ": " + key + ": " + message;
    }
}
