package ssgan.experiment;

import ssgan.data.DatasetSpec;

import java.util.Optional;

/**
 * Finds a dataset declared as {@code <dataRoot>/<name>/dataset.yaml}. The experiment package only needs the
 * class count and the split sizes to validate settings; the real catalog lives in {@code ssgan.data}.
 */
@FunctionalInterface
public interface DatasetLookup {
    /**
     * Empty when no dataset of that name is declared.
     *
     * @throws ssgan.data.DataException when the name is not a valid dataset name or its declaration is invalid;
     *                                  the experiment loader reports the message at the {@code dataset} key
     */
    Optional<DatasetSpec> find(String name);
}
