package ssgan.config;

/**
 * Where a value came from: a file position (or a command-line argument) and its dotted key path. Every
 * validation error is reported at an origin.
 */
public record Origin(String file, int line, int column, String key) {

    public static Origin of(String file, ConfigNode.Loc loc, String key) {
        return new Origin(file, loc.line(), loc.column(), key);
    }

    public ConfigError error(String message) {
        return new ConfigError(file, line, column, key, message);
    }

    public Origin withKey(String newKey) {
        return new Origin(file, line, column, newKey);
    }

    public boolean isDefault() {
        return Defaults.RESOURCE_NAME.equals(file);
    }

    /** "line 7" for messages that refer to another place in the same file. */
    public String shortPosition() {
        return ConfigError.COMMAND_LINE.equals(file) ? "argument " + line + ", column " + column : "line " + line + ", column " + column;
    }
}
