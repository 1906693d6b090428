package ssgan.experiment;

import java.util.Optional;
import ssgan.data.DatasetSpec;

/**
 * Finds a dataset declared as {@code <dataRoot>/<name>/dataset.yaml}. The experiment package only needs the
 * class count and the split sizes to validate settings; the real catalog lives in {@code ssgan.data}.
 */
@FunctionalInterface
public interface DatasetLookup {
    Optional<DatasetSpec> find(String name);
}
