package ssgan.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How datasets are located.
 *
 * @param allowDownload  fetch missing files from the spec's mirrors (off by default: runs must not depend on the
 *                       network unless the user asks; {@code --allow-download} / {@code SSGAN_ALLOW_DOWNLOAD=1})
 * @param cacheDir       where downloaded files live, as {@code <cacheDir>/<dataset>/<file>}; null = no cache
 * @param cifarSource    a CIFAR-10 directory or {@code cifar-10-binary.tar.gz}; null = use {@code CIFAR10_DIR}
 *                       or the usual places
 */
public record DataOptions(boolean allowDownload, Path cacheDir, Path cifarSource) {

    public static final String ENV_ALLOW_DOWNLOAD = "SSGAN_ALLOW_DOWNLOAD";
    public static final String ENV_CACHE = "SSGAN_CACHE";
    public static final String ENV_CIFAR = "CIFAR10_DIR";

    /** Offline, no CIFAR override: only bundled files and the given cache are used. */
    public static DataOptions offline(Path cacheDir) {
        return new DataOptions(false, cacheDir, null);
    }

    /** Options from the environment: SSGAN_ALLOW_DOWNLOAD (1/true/yes), SSGAN_CACHE, CIFAR10_DIR. */
    public static DataOptions fromEnvironment() {
        String cifar = System.getenv(ENV_CIFAR);
        return new DataOptions(isTrue(System.getenv(ENV_ALLOW_DOWNLOAD)), defaultCacheDir(),
                cifar == null || cifar.isBlank() ? null : Path.of(cifar));
    }

    /** {@code SSGAN_CACHE}, else {@code ~/.cache/ssgan-repro}. */
    public static Path defaultCacheDir() {
        String env = System.getenv(ENV_CACHE);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ssgan-repro");
    }

    public DataOptions withAllowDownload(boolean allow) {
        return new DataOptions(allow, cacheDir, cifarSource);
    }

    public DataOptions withCifarSource(Path source) {
        return new DataOptions(allowDownload, cacheDir, source);
    }

    static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("true") || v.equals("yes");
    }
}
