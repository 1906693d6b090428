package ssgan.data;

import java.util.Arrays;

/**
 * Images as one flat array, ready to be copied into batches.
 *
 * @param pixels     count × imageSize floats, image after image, each channels first and row-major, already scaled
 *                   as (byte − offset) / scale
 * @param labels     class of each image, in [0, classes)
 * @param count      number of images
 * @param imageSize  floats per image (C·H·W)
 */
public record ImageSet(float[] pixels, int[] labels, int count, int imageSize) {

    public ImageSet {
        if (count < 0 || imageSize <= 0) {
            throw new IllegalArgumentException("count " + count + ", imageSize " + imageSize);
        }
        if (pixels.length != (long) count * imageSize || labels.length != count) {
            throw new IllegalArgumentException("pixels " + pixels.length + " / labels " + labels.length
                    + " do not match " + count + " images of " + imageSize);
        }
    }

    /** The first n images (a copy). */
    public ImageSet head(int n) {
        if (n < 0 || n > count) {
            throw new IllegalArgumentException("head(" + n + ") of " + count + " images");
        }
        return new ImageSet(Arrays.copyOf(pixels, n * imageSize), Arrays.copyOf(labels, n), n, imageSize);
    }

    /** Number of images per class, for classes 0..classes-1. */
    public int[] classCounts(int classes) {
        int[] counts = new int[classes];
        for (int y : labels) {
            counts[y]++;
        }
        return counts;
    }
}
