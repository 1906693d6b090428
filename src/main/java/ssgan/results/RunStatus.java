package ssgan.results;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * status.json: where a run stands.
 *
 * @param epochsDone  epochs completed and recorded (the checkpoint of the last one is written just after, so a
 *                    process stopped in between resumes one epoch earlier)
 * @param epochs      the run's epoch budget
 * @param message     why it failed or diverged (epoch and iteration included), else null
 * @param failure     for a failed run, the file in the run directory with the failure's stack trace, else null
 *                    (and left out of the JSON, so the status of other runs reads as it did before this field)
 */
public record RunStatus(RunState state, int epochsDone, int epochs, String message, String updated,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String failure) {
    /** A status without a failure file (every state but FAILED, and status.json files older than the field). */
    public RunStatus(RunState state, int epochsDone, int epochs, String message, String updated) {
        this(state, epochsDone, epochs, message, updated, null);
    }

    public static RunStatus of(RunState state, int epochsDone, int epochs, String message) {
        return new RunStatus(state, epochsDone, epochs, message, Instant.now().toString());
    }

    /** @param failure the file with the stack trace, relative to the run directory */
    public static RunStatus failed(int epochsDone, int epochs, String message, String failure) {
        return new RunStatus(RunState.FAILED, epochsDone, epochs, message, Instant.now().toString(), failure);
    }
}
