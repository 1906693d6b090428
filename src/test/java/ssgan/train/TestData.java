package ssgan.train;

import ssgan.config.Settings;
import ssgan.config.SettingsCodec;
import ssgan.data.DataOptions;
import ssgan.data.Dataset;
import ssgan.data.DatasetCatalog;
import ssgan.data.DatasetLoader;
import ssgan.runs.TrainingDataFactory;

import java.nio.file.Path;
import java.util.Map;

/** The bundled MNIST, loaded once per test JVM, and small settings built from the real defaults. */
public final class TestData {
    private static Dataset mnist;

    private TestData() {}

    public static synchronized Dataset mnist() {
        if (mnist == null) {
            mnist = DatasetLoader.load(new DatasetCatalog(Path.of("data")).get("mnist"),
                    DataOptions.offline(null));
        }
        return mnist;
    }

    /** The defaults with some keys replaced (snake_case keys, as in a config file). */
    public static Settings settings(Map<String, Object> overrides) {
        return SettingsCodec.fromMap(overrides);
    }

    public static TrainingData data(Settings s) {
        return TrainingDataFactory.create(mnist(), s);
    }
}
