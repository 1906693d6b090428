package ssgan.stats;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * How different the generated images of a run's samples.png are from each other: the mean Euclidean distance
 * between every pair of tiles of the grid (pixels in [0, 1], all channels). A collapsed generator draws the same
 * image everywhere and scores near 0; the score is read against the same measure on real images of the dataset,
 * its dataset.yaml's {@code sample_diversity} (for MNIST, RunHealthTest recomputes it from the bundled data).
 */
public final class SampleDiversity {
    private SampleDiversity() {}

    /**
     * @param grid tiles per side (the run's sample_grid); tiles are separated and framed by 1-pixel lines, as
     *             SampleGrid draws them
     */
    public static OptionalDouble of(Path samplesPng, int grid) {
        BufferedImage img;
        try {
            img = ImageIO.read(samplesPng.toFile());
        } catch (IOException | RuntimeException e) { // a damaged PNG can fail inside the decoder too
            return OptionalDouble.empty();
        }
        if (img == null || grid < 2 || (img.getWidth() - 1) % grid != 0 || (img.getHeight() - 1) % grid != 0) {
            return OptionalDouble.empty();
        }
        int w = (img.getWidth() - 1) / grid - 1;
        int h = (img.getHeight() - 1) / grid - 1;
        int channels = isGrey(img) ? 1 : 3; // a grey image repeats each value in R, G and B: count it once
        float[][] tiles = new float[grid * grid][channels * w * h];
        for (int t = 0; t < tiles.length; t++) {
            int x0 = 1 + (t % grid) * (w + 1);
            int y0 = 1 + (t / grid) * (h + 1);
            int i = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = img.getRGB(x0 + x, y0 + y);
                    tiles[t][i++] = (rgb & 0xff) / 255f;
                    if (channels == 3) {
                        tiles[t][i++] = ((rgb >> 8) & 0xff) / 255f;
                        tiles[t][i++] = ((rgb >> 16) & 0xff) / 255f;
                    }
                }
            }
        }
        return OptionalDouble.of(meanPairwiseDistance(tiles));
    }

    /** Mean distance over all unordered pairs of rows. */
    public static double meanPairwiseDistance(float[][] images) {
        double sum = 0;
        long pairs = 0;
        for (int a = 0; a < images.length; a++) {
            for (int b = a + 1; b < images.length; b++) {
                double d = 0;
                for (int i = 0; i < images[a].length; i++) {
                    double diff = images[a][i] - images[b][i];
                    d += diff * diff;
                }
                sum += Math.sqrt(d);
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    /** Whether every sampled pixel has R = G = B. */
    private static boolean isGrey(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (r != g || g != b) {
                    return false;
                }
            }
        }
        return true;
    }
}
