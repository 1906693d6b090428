package ssgan.stats;

import ssgan.results.Predictions;

/** A finished run's confusion matrices on the test set at its last epoch: averaged D (the paper's number) and raw D. */
public record RunConfusion(RunResult run, Confusion averaged, Confusion raw) {
    static RunConfusion of(RunResult run, Predictions p) {
        return new RunConfusion(run, Confusion.of(p.labels(), p.averaged(), p.classes()),
                Confusion.of(p.labels(), p.raw(), p.classes()));
    }
}
