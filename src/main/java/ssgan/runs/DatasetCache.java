package ssgan.runs;

import ssgan.data.DataOptions;
import ssgan.data.Dataset;
import ssgan.data.DatasetCatalog;
import ssgan.data.DatasetLoader;

import java.util.HashMap;
import java.util.Map;

/** Loads (and verifies) each dataset once per process, however many runs use it. */
public final class DatasetCache {
    private final DatasetCatalog catalog;
    private final DataOptions options;
    private final Map<String, Dataset> loaded = new HashMap<>();

    public DatasetCache(DatasetCatalog catalog, DataOptions options) {
        this.catalog = catalog;
        this.options = options;
    }

    public Dataset get(String name) {
        return loaded.computeIfAbsent(name, n -> DatasetLoader.load(catalog.get(n), options));
    }
}
