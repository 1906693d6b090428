package ssgan.results;

import java.time.Instant;

/**
 * status.json: where a run stands.
 *
 * @param epochsDone  epochs completed and recorded (the checkpoint of the last one is written just after, so a
 *                    process stopped in between resumes one epoch earlier)
 * @param epochs      the run's epoch budget
 * @param message     why it failed or diverged (epoch and iteration included), else null
 */
public record RunStatus(RunState state, int epochsDone, int epochs, String message, String updated) {
    public static RunStatus of(RunState state, int epochsDone, int epochs, String message) {
        return new RunStatus(state, epochsDone, epochs, message, Instant.now().toString());
    }
}
