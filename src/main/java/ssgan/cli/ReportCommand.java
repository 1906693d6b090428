package ssgan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", description = "Regenerates the HTML report from whatever is in the results directory.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "report", description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("report: not wired yet");
    }
}
