package ssgan.runs;

import java.awt.image.BufferedImage;
import java.util.List;

/** A square grid of generated images, for the report; pixel values are mapped back to bytes per the dataset. */
final class SampleGrid {
    private SampleGrid() {}

    /**
     * @param samples  n images, channels first, scaled as (byte - offset) / scale
     * @param shape    [channels, height, width]
     */
    static BufferedImage render(float[] samples, int n, List<Integer> shape, double offset, double scale) {
        int c = shape.get(0), h = shape.get(1), w = shape.get(2);
        int side = (int) Math.ceil(Math.sqrt(n));
        BufferedImage img = new BufferedImage(side * (w + 1) + 1, side * (h + 1) + 1, BufferedImage.TYPE_INT_RGB);
        int size = c * h * w;
        for (int k = 0; k < n; k++) {
            int x0 = 1 + (k % side) * (w + 1);
            int y0 = 1 + (k / side) * (h + 1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int[] rgb = new int[3];
                    for (int ch = 0; ch < 3; ch++) {
                        int src = k * size + (c == 1 ? 0 : ch) * h * w + y * w + x;
                        rgb[ch] = (int) Math.round(Math.max(0, Math.min(255, samples[src] * scale + offset)));
                    }
                    img.setRGB(x0 + x, y0 + y, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
                }
            }
        }
        return img;
    }
}
