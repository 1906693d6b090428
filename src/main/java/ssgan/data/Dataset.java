package ssgan.data;

import java.util.Map;

/**
 * A loaded dataset.
 *
 * @param spec       what was loaded
 * @param train      training images
 * @param test       test images
 * @param checksums  file name → SHA-256 of the uncompressed content as actually read, for the run's provenance
 */
public record Dataset(DatasetSpec spec, ImageSet train, ImageSet test, Map<String, String> checksums) {}
