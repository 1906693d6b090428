package ssgan.data;

/**
 * A dataset could not be found, downloaded or read, or failed verification. Unchecked because callers cannot
 * recover beyond reporting; the message is written for the user: which file, what was expected, what was found,
 * and what to do.
 */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
