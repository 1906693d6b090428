package ssgan.data;

import java.util.function.Function;

/** Loads a declared dataset by its format. */
public final class DatasetLoader {
    private DatasetLoader() {}

    /**
     * Loads, verifies and scales {@code spec}'s train and test images.
     *
     * @throws DataException when a file is missing (and cannot be downloaded), truncated, malformed or fails its
     *                       checksum; the message names the file and says what to do
     */
    public static Dataset load(DatasetSpec spec, DataOptions options) {
        return load(spec, options, System::getenv);
    }

    /** As {@link #load(DatasetSpec, DataOptions)}, with the environment injected (for tests). */
    static Dataset load(DatasetSpec spec, DataOptions options, Function<String, String> env) {
        return switch (spec.format()) {
            case "idx" -> IdxReader.load(spec, options);
            case "cifar-binary" -> CifarReader.load(spec, options, env);
            default -> throw new DataException("dataset " + spec.name() + ": unknown format '" + spec.format()
                    + "' (known: idx, cifar-binary)");
        };
    }
}
