package ssgan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import ssgan.config.Settings.FeatureLoss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The losses against direct formulas computed in double precision, here, by hand. */
class LossesTest {
    private static final double[][] LOGITS = {{1.0, -2.0, 0.5}, {0.0, 3.0, -1.0}};
    private static final int[] LABELS = {2, 1};

    private static double lse(double[] l) {
        double s = 0;
        for (double v : l) {
            s += Math.exp(v);
        }
        return Math.log(s);
    }

    private static NDArray array(NDManager m, double[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[0].length; j++) {
                flat[i * rows[0].length + j] = (float) rows[i][j];
            }
        }
        return m.create(flat, new Shape(rows.length, rows[0].length));
    }

    @Test
    void supervisedLossIsSoftmaxCrossEntropy() {
        try (NDManager m = NDManager.newBaseManager()) {
            double expected = 0;
            for (int i = 0; i < 2; i++) {
                double p = Math.exp(LOGITS[i][LABELS[i]]) / Math.exp(lse(LOGITS[i]));
                expected += -Math.log(p) / 2;
            }
            NDArray oneHot = m.create(LABELS).oneHot(3);
            assertEquals(expected, Losses.supervisedLoss(array(m, LOGITS), oneHot).getFloat(), 1e-6);
        }
    }

    @Test
    void unsupervisedLossMatchesTheKPlusOneClassDefinition() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[][] fake = {{-1.0, 0.2, 0.1}, {2.0, 2.0, 2.0}};
            double real = 0, fakeTerm = 0;
            for (int i = 0; i < 2; i++) {
                double zr = Math.exp(lse(LOGITS[i]));
                real += -Math.log(zr / (zr + 1)) / 2;        // -log D(x_u)
                double zf = Math.exp(lse(fake[i]));
                fakeTerm += -Math.log(1 - zf / (zf + 1)) / 2; // -log(1 - D(G(z)))
            }
            double expected = 0.5 * real + 0.5 * fakeTerm;
            assertEquals(expected, Losses.unsupervisedLoss(array(m, LOGITS), array(m, fake)).getFloat(), 1e-6);
        }
    }

    @Test
    void hugeLogitsStayFinite() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[][] huge = {{1e4, -1e4, 0}, {-1e4, -1e4, -1e4}};
            float sup = Losses.supervisedLoss(array(m, huge), m.create(new int[] {0, 1}).oneHot(3)).getFloat();
            float unsup = Losses.unsupervisedLoss(array(m, huge), array(m, huge)).getFloat();
            // row 0: LSE = 1e4 = l_0, so no loss; row 1: LSE = -1e4 + log 3 and l_1 = -1e4, so log 3
            assertEquals((0 + Math.log(3)) / 2, sup, 1e-3);
            double expected = 0.5 * ((0 + 1e4 - Math.log(3)) / 2) + 0.5 * ((1e4 + 0) / 2);
            assertEquals(expected, unsup, 1.0);
            assertTrue(Float.isFinite(sup) && Float.isFinite(unsup));
        }
    }

    @Test
    void generatorGanLossIsLogOfOneMinusD() {
        try (NDManager m = NDManager.newBaseManager()) {
            double expected = 0;
            for (double[] row : LOGITS) {
                double z = Math.exp(lse(row));
                expected += Math.log(1 - z / (z + 1)) / 2;    // log(1 - D(G(z)))
            }
            assertEquals(expected, Losses.generatorGanLoss(array(m, LOGITS)).getFloat(), 1e-6);
        }
    }

    @Test
    void featureMatchingComparesBatchMeans() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[][] real = {{1, 2}, {3, 4}};     // means (2, 3)
            double[][] fake = {{0, 0}, {2, 10}};    // means (1, 5)
            assertEquals((1.0 + 4.0) / 2, Losses.featureMatchingLoss(array(m, real), array(m, fake), FeatureLoss.L2)
                    .getFloat(), 1e-6);
            assertEquals((1.0 + 2.0) / 2, Losses.featureMatchingLoss(array(m, real), array(m, fake), FeatureLoss.L1)
                    .getFloat(), 1e-6);
        }
    }
}
