package ssgan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./ssgan <command>}: the experiment matrix flows to runs, results, statistics and the report. */
@Command(name = "ssgan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Reproduces the semi-supervised GAN of Salimans et al. (2016) and reports how close it comes.",
        subcommands = {PlanCommand.class, StatusCommand.class, SweepCommand.class, RunCommand.class, SlurmCommand.class,
                ReportCommand.class, ChecksumsCommand.class, SubsetsCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Exit codes: 0 ok, 1 a run failed (report: nothing written; checksums: a run changed or could not be sealed),
     * 2 bad input (nothing written), 3 report --strict named a problem.
     */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof PlanLoading.BadInput) {
                        return PlanLoading.BAD_INPUT;   // the problems were printed where they were found
                    }
                    throw e;
                })
                .execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ssgan-repro " + (v == null ? "dev" : v)};
        }
    }
}
