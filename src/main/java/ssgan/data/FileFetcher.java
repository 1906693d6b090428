package ssgan.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds a dataset file: the spec's directory (bundled), then the cache, then the mirrors when downloads are allowed.
 * A download goes to a temporary file in the cache directory, is verified there and only then renamed into place,
 * so a failed or corrupt download never leaves a file under the final name.
 */
final class FileFetcher {
    private static final System.Logger LOG = System.getLogger(FileFetcher.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private FileFetcher() {}

    /** Where a file of {@code spec} would be cached, or null without a cache directory. */
    static Path cachePath(DatasetSpec spec, DataOptions options, String fileName) {
        return options.cacheDir() == null ? null : options.cacheDir().resolve(spec.name()).resolve(fileName);
    }

    /** Local candidates in lookup order: bundled, then cached. */
    static List<Path> candidates(DatasetSpec spec, DataOptions options, String fileName) {
        List<Path> paths = new ArrayList<>();
        if (spec.directory() != null) {
            paths.add(spec.directory().resolve(fileName));
        }
        Path cached = cachePath(spec, options, fileName);
        if (cached != null) {
            paths.add(cached);
        }
        return paths;
    }

    /**
     * The path of an existing (or freshly downloaded and verified) copy of {@code file}.
     *
     * @param verify  checks a downloaded temporary file, throwing DataException when it is bad
     */
    static Path locate(DatasetSpec spec, DatasetSpec.FileSpec file, DataOptions options, Consumer<Path> verify) {
        List<Path> looked = candidates(spec, options, file.name());
        for (Path p : looked) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        if (!options.allowDownload()) {
            throw new DataException("dataset " + spec.name() + ": file " + file.name() + " not found. Looked in: "
                    + looked + ". Downloads are off: rerun with --allow-download (or set SSGAN_ALLOW_DOWNLOAD=1) to"
                    + " fetch it from " + (spec.mirrors().isEmpty() ? "(no mirrors declared)" : spec.mirrors())
                    + ", or put the file in " + (spec.directory() != null ? spec.directory() : "the cache")
                    + (spec.directory() != null ? " (re-copy data/" + spec.name() + " from the repository)" : ""));
        }
        return download(spec, file, options, verify);
    }

    private static Path download(DatasetSpec spec, DatasetSpec.FileSpec file, DataOptions options,
                                 Consumer<Path> verify) {
        Path target = cachePath(spec, options, file.name());
        if (target == null) {
            throw new DataException("dataset " + spec.name() + ": downloads are allowed but no cache directory is"
                    + " set (set SSGAN_CACHE)");
        }
        if (spec.mirrors().isEmpty()) {
            throw new DataException("dataset " + spec.name() + ": file " + file.name() + " is missing and "
                    + spec.directory() + "/" + DatasetCatalog.SPEC_FILE + " declares no mirrors");
        }
        List<String> failures = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        for (String mirror : spec.mirrors()) {
            String url = mirror + file.name();
            Path tmp = null;
            try {
                Files.createDirectories(target.getParent());
                tmp = Files.createTempFile(target.getParent(), file.name() + ".", ".part");
                LOG.log(System.Logger.Level.INFO, "downloading {0} to {1}", url, target);
                HttpResponse<Path> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(30)).GET().build(), HttpResponse.BodyHandlers.ofFile(tmp));
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                verify.accept(tmp);
                moveIntoPlace(tmp, target);
                return target;
            } catch (IOException | DataException e) {
                failures.add(url + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(url + ": interrupted");
                break;
            } finally {
                deleteQuietly(tmp);
            }
        }
        throw new DataException("dataset " + spec.name() + ": could not download " + file.name() + " into "
                + target + ". Every mirror failed:\n  " + String.join("\n  ", failures)
                + "\nPut a good copy of the file at " + target + " or in " + spec.directory() + " instead.");
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort; a leftover *.part is never read as data
            }
        }
    }

    /** What to tell the user to do about a bad file at {@code path}. */
    static String remedy(DatasetSpec spec, Path path) {
        if (spec.directory() != null && path.startsWith(spec.directory())) {
            return "Re-copy " + spec.directory() + " from the repository (git checkout -- data/" + spec.name()
                    + ") or replace the file with a good copy.";
        }
        return "Delete " + path + " (it will be downloaded again with --allow-download / SSGAN_ALLOW_DOWNLOAD=1)"
                + " or replace it with a good copy.";
    }

    /** Throws when {@code expected} is set and differs from {@code actual}. */
    static void checkDigest(String kind, String expected, String actual, Path path, String remedy) {
        if (expected != null && !expected.equalsIgnoreCase(actual)) {
            throw new DataException("checksum mismatch for " + path + ": expected " + kind + " " + expected
                    + ", found " + actual + ". The file is corrupt or a different version. " + remedy);
        }
    }
}
