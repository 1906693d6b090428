package ssgan.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Submits a script with {@code sbatch --parsable} and returns the job id. */
public final class Sbatch {
    private Sbatch() {}

    public static String submit(Path script, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(List.of(options));
        command.add(script.toString());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for sbatch", e);
        }
        if (code != 0 || out.isEmpty()) {
            throw new IOException(String.join(" ", command) + " exited with " + code);
        }
        // --parsable prints "<job id>" or, on a federation, "<job id>;<cluster>"
        return out.lines().reduce((a, b) -> b).orElseThrow().split(";")[0];
    }
}
