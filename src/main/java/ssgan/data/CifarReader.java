package ssgan.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The CIFAR-10 binary format: {@code cifar-10-batches-bin/data_batch_1..5.bin} and {@code test_batch.bin}, each a
 * run of records of 1 label byte + C·H·W pixel bytes (all R, then G, then B; row-major), so channels-first already.
 * Read from a directory (with or without the {@code cifar-10-batches-bin/} level) or straight from the .tar.gz.
 */
final class CifarReader {
    static final String BATCH_DIR = "cifar-10-batches-bin";
    static final List<String> TRAIN_BATCHES =
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST_BATCH = "test_batch.bin";

    private CifarReader() {}

    /** A batch file's content and where it came from (for messages and provenance). */
    private record Bin(String key, String where, byte[] content) {}

    static Dataset load(DatasetSpec spec, DataOptions options, Function<String, String> env) {
        DatasetSpec.FileSpec archive = spec.files().get("archive");
        Path explicit = options.cifarSource();
        String explicitFrom = "the CIFAR source option";
        if (explicit == null) {
            String dir = env.apply(DataOptions.ENV_CIFAR);
            explicit = dir == null || dir.isBlank() ? null : Path.of(dir);
            explicitFrom = DataOptions.ENV_CIFAR;
        }
        if (explicit != null) {
            if (!Files.exists(explicit)) {
                throw new DataException("CIFAR-10 source " + explicit + " (from " + explicitFrom + ") does not exist."
                        + " Point it at a directory holding " + archive.name() + " or " + BATCH_DIR + "/, or at the"
                        + " archive itself.");
            }
            Dataset d = fromSource(spec, explicit);
            if (d == null) {
                throw new DataException("CIFAR-10 source " + explicit + " (from " + explicitFrom + ") has neither "
                        + BATCH_DIR + "/, the .bin files, nor " + archive.name() + ". Point it at the directory"
                        + " holding one of those, or at the archive itself.");
            }
            return d;
        }
        List<Path> looked = new ArrayList<>();
        for (Path dir : new Path[] {spec.directory(), FileFetcher.cachePath(spec, options, "")}) {
            if (dir != null) {
                looked.add(dir);
                Dataset d = fromSource(spec, dir);
                if (d != null) {
                    return d;
                }
            }
        }
        if (!options.allowDownload()) {
            throw new DataException("CIFAR-10 not found (looked for " + archive.name() + " or " + BATCH_DIR
                    + "/ in " + looked + "). It is not bundled. Put " + archive.name() + " (MD5 " + archive.md5()
                    + ") or its extracted " + BATCH_DIR + "/ into " + spec.directory() + ", or set "
                    + DataOptions.ENV_CIFAR + " to a directory or archive holding it, or allow the download with"
                    + " --allow-download (or SSGAN_ALLOW_DOWNLOAD=1) from " + spec.mirrors() + ".");
        }
        Path downloaded = FileFetcher.locate(spec, archive, options,
                tmp -> FileContent.verify(archive, tmp, "The mirror served a bad file."));
        return fromArchive(spec, downloaded);
    }

    /** The dataset at {@code source} (archive, or directory in one of the known layouts), or null if none there. */
    static Dataset fromSource(DatasetSpec spec, Path source) {
        if (Files.isRegularFile(source)) {
            return fromArchive(spec, source);
        }
        if (!Files.isDirectory(source)) {
            return null;
        }
        if (Files.isDirectory(source.resolve(BATCH_DIR))) {
            return fromDirectory(spec, source.resolve(BATCH_DIR));
        }
        if (Files.exists(source.resolve(TEST_BATCH)) || Files.exists(source.resolve(TRAIN_BATCHES.get(0)))) {
            return fromDirectory(spec, source);
        }
        Path archive = source.resolve(spec.files().get("archive").name());
        return Files.isRegularFile(archive) ? fromArchive(spec, archive) : null;
    }

    static Dataset fromDirectory(DatasetSpec spec, Path dir) {
        Map<String, Bin> bins = new HashMap<>();
        for (String name : allBatches()) {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p)) {
                throw new DataException("CIFAR-10 directory " + dir + " lacks " + name + " (expected "
                        + allBatches() + "). Re-extract " + spec.files().get("archive").name() + ".");
            }
            try {
                bins.put(name, new Bin(BATCH_DIR + "/" + name, p.toString(), Files.readAllBytes(p)));
            } catch (IOException e) {
                throw new DataException("cannot read " + p + ": " + e, e);
            }
        }
        return assemble(spec, bins, "Re-extract the archive into " + dir.getParent() + ".");
    }

    static Dataset fromArchive(DatasetSpec spec, Path archive) {
        DatasetSpec.FileSpec file = spec.files().get("archive");
        String remedy = FileFetcher.remedy(spec, archive);
        if (file.md5() != null) {
            FileFetcher.checkDigest("MD5", file.md5(), Checksums.md5(archive), archive, remedy);
        }
        Map<String, Bin> bins = new HashMap<>();
        List<String> wanted = allBatches();
        try (InputStream in = FileContent.open(archive)) {
            TarReader.read(in, path -> wanted.contains(baseName(path)), (path, content) -> bins.put(baseName(path),
                    new Bin(BATCH_DIR + "/" + baseName(path), archive + "!" + path, content)));
        } catch (IOException e) {
            throw new DataException("truncated or corrupt archive " + archive + ": " + e.getMessage() + ". " + remedy,
                    e);
        }
        for (String name : wanted) {
            if (!bins.containsKey(name)) {
                throw new DataException("archive " + archive + " lacks " + name + " (expected " + wanted + "). "
                        + remedy);
            }
        }
        return assemble(spec, bins, remedy);
    }

    private static Dataset assemble(DatasetSpec spec, Map<String, Bin> bins, String remedy) {
        Map<String, String> checksums = new LinkedHashMap<>();
        List<Bin> train = new ArrayList<>();
        for (String name : TRAIN_BATCHES) {
            train.add(bins.remove(name)); // drop references as we go: the bytes are large
        }
        ImageSet trainSet = split(spec, train, spec.trainSize(), "train", checksums, remedy);
        ImageSet testSet = split(spec, List.of(bins.remove(TEST_BATCH)), spec.testSize(), "test", checksums, remedy);
        return new Dataset(spec, trainSet, testSet, Map.copyOf(checksums));
    }

    private static ImageSet split(DatasetSpec spec, List<Bin> bins, int count, String split,
                                  Map<String, String> checksums, String remedy) {
        int imageSize = spec.imageSize();
        int record = 1 + imageSize;
        long total = 0;
        for (Bin b : bins) {
            if (b.content().length % record != 0) {
                throw new DataException("truncated CIFAR batch " + b.where() + ": " + b.content().length
                        + " bytes is not a whole number of " + record + "-byte records (1 label + " + imageSize
                        + " pixels): " + b.content().length / record + " records and " + b.content().length % record
                        + " bytes left over. " + remedy);
            }
            total += b.content().length / record;
        }
        if (total != count) {
            throw new DataException("CIFAR " + split + " batches " + bins.stream().map(Bin::where).toList()
                    + " hold " + total + " records but " + spec.name() + " declares " + split + "_size " + count
                    + ". " + remedy);
        }
        float[] table = IdxReader.scaleTable(spec);
        float[] pixels = new float[count * imageSize];
        int[] labels = new int[count];
        int i = 0;
        for (Bin b : bins) {
            byte[] c = b.content();
            for (int r = 0; r < c.length; r += record, i++) {
                labels[i] = c[r] & 0xff;
                if (labels[i] >= spec.classes()) {
                    throw new DataException("label " + labels[i] + " of record " + r / record + " in " + b.where()
                            + " is not below the declared number of classes " + spec.classes() + ". " + remedy);
                }
                int out = i * imageSize;
                for (int k = 0; k < imageSize; k++) {
                    pixels[out + k] = table[c[r + 1 + k] & 0xff];
                }
            }
            checksums.put(b.key(), Checksums.sha256(c));
        }
        return new ImageSet(pixels, labels, count, imageSize);
    }

    private static List<String> allBatches() {
        List<String> all = new ArrayList<>(TRAIN_BATCHES);
        all.add(TEST_BATCH);
        return all;
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
