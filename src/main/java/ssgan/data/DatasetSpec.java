package ssgan.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A dataset declared as data ({@code data/<name>/dataset.yaml}): a new dataset in a known format needs a file
 * like that, not Java.
 *
 * @param name       the name experiments refer to
 * @param format     {@code idx} or {@code cifar-binary}
 * @param classes    number of classes K
 * @param shape      image shape, channels first (e.g. [1, 28, 28])
 * @param trainSize  number of training images
 * @param testSize   number of test images
 * @param pixelOffset  pixels are scaled as (byte - pixelOffset) / pixelScale
 * @param pixelScale   see pixelOffset
 * @param files      role (train_images, train_labels, test_images, test_labels, or archive) to file
 * @param mirrors    base URLs a missing file may be downloaded from (when downloads are allowed)
 * @param directory  the directory holding dataset.yaml (where bundled files are looked for first)
 * @param reporting  how the report presents results on it
 */
public record DatasetSpec(
        String name,
        String format,
        int classes,
        List<Integer> shape,
        int trainSize,
        int testSize,
        double pixelOffset,
        double pixelScale,
        Map<String, FileSpec> files,
        List<String> mirrors,
        Path directory,
        Reporting reporting) {

    /** Pixels per image (product of the shape). */
    public int imageSize() {
        return shape.stream().reduce(1, (a, b) -> a * b);
    }

    /**
     * One file of a dataset.
     *
     * @param name    file name as stored (e.g. train-images-idx3-ubyte.gz)
     * @param sha256  SHA-256 of the uncompressed content, or null when not known (then only recorded)
     * @param md5     MD5 of the file as downloaded (archives), or null
     */
    public record FileSpec(String name, String sha256, String md5) {}

    /**
     * What the report needs to know about a dataset, declared with it so that no code tells datasets apart by name.
     *
     * @param unit            the unit its test error is reported in ({@code unit})
     * @param sampleDiversity the real images' mean pairwise distance ({@code sample_diversity}), against which the
     *                        samples of a run are judged (SampleDiversity); empty: samples are not judged
     * @param unavailable     why no run of it may exist yet ({@code unavailable}), said where it has none
     */
    public record Reporting(ErrorUnit unit, OptionalDouble sampleDiversity, Optional<String> unavailable) {
        /** For a dataset without a declaration (e.g. results copied from elsewhere): percent, nothing judged. */
        public static final Reporting PLAIN = new Reporting(ErrorUnit.ERROR_PERCENT, OptionalDouble.empty(),
                Optional.empty());
    }
}
