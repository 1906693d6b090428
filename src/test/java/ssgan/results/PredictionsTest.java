package ssgan.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class PredictionsTest {

    @Test
    void roundTripKeepsProbabilitiesExactly(@TempDir Path tmp) {
        Predictions p = new Predictions(3, 2, new int[] {0, 1, 1},
                new float[] {0.9f, 0.1f, 0.3f, 0.7f, 0.6f, 0.4f},
                new float[] {0.5f, 0.5f, 0f, 1f, 0.123456f, 0.876544f});
        p.write(tmp.resolve("p.bin.gz"));
        Predictions q = Predictions.read(tmp.resolve("p.bin.gz"));
        assertArrayEquals(p.labels(), q.labels());
        assertArrayEquals(p.raw(), q.raw());
        assertArrayEquals(p.averaged(), q.averaged());
    }
}
