package ssgan.slurm;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Bash quoting for generated scripts: nothing in an argument is expanded or split. */
public final class Shell {
    private Shell() {}

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /** Plain words stay readable; anything else is single-quoted, a ' inside written as '\'' . */
    public static String quote(String arg) {
        return SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> args) {
        return args.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
