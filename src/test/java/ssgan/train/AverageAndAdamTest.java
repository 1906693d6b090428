package ssgan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import ssgan.config.Settings.AdamEpsilon;
import ssgan.config.Settings.AverageStart;
import ssgan.model.InPlace;
import ssgan.model.Param;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AverageAndAdamTest {

    @Test
    void zeroStartedAverageFollowsTheRecurrence() {
        try (NDManager m = NDManager.newBaseManager()) {
            Param p = new Param("p", m.create(new float[] {10f, -4f}), true);
            Param frozen = new Param("s", m.create(new float[] {3f}), false);
            ParameterAverage avg = new ParameterAverage(m, List.of(p), 0.1, AverageStart.ZERO, false);
            avg.update();                        // a = 0 + 0.1 (10 - 0) = 1
            InPlace.copy(m.create(new float[] {20f, -4f}), p.value());
            avg.update();                        // a = 1 + 0.1 (20 - 1) = 2.9
            assertArrayEquals(new float[] {2.9f, -0.76f}, avg.valueOf(p).toFloatArray(), 1e-5f);
            assertEquals(frozen.value(), avg.valueOf(frozen), "frozen parameters are not averaged");

            ParameterAverage corrected = new ParameterAverage(m, List.of(p), 0.1, AverageStart.ZERO, true);
            corrected.update();                  // a = 2, corrected a / (1 - 0.9) = 20
            assertArrayEquals(new float[] {20f, -4f}, corrected.valueOf(p).toFloatArray(), 1e-4f);

            // the report's third column: the authors' uncorrected average, divided by 1 - (1 - rate)^n when scored
            assertArrayEquals(new float[] {2.9f / 0.19f, -0.76f / 0.19f}, avg.corrected().valueOf(p).toFloatArray(),
                    1e-4f, "2 updates: 1 - 0.9^2 = 0.19");
            assertArrayEquals(new float[] {2.9f, -0.76f}, avg.valueOf(p).toFloatArray(), 1e-5f,
                    "the corrected view leaves the average itself alone");
            assertEquals(frozen.value(), avg.corrected().valueOf(frozen), "frozen parameters: their live value");

            ParameterAverage fromParams = new ParameterAverage(m, List.of(p), 0.1, AverageStart.PARAMS, false);
            assertArrayEquals(new float[] {20f, -4f}, fromParams.valueOf(p).toFloatArray());
        }
    }

    @Test
    void adamPutsEpsilonInsideTheSquareRoot() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (AdamEpsilon form : AdamEpsilon.values()) {
                NDArray w = m.create(new float[] {1f});
                w.setRequiresGradient(true);
                Param p = new Param("w", w, true);
                OriginalAdam adam = new OriginalAdam(m, List.of(p), 0.5, 0.999, 1e-2, form);
                float[] expected = {1f};
                double mom = 0, vel = 0;
                for (int t = 1; t <= 3; t++) {
                    try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                        c.backward(w.mul(w).mul(0.5f));   // gradient = w
                    }
                    double g = expected[0];
                    mom = 0.5 * mom + 0.5 * g;
                    vel = 0.999 * vel + 0.001 * g * g;
                    double mHat = mom / (1 - Math.pow(0.5, t));
                    double vHat = vel / (1 - Math.pow(0.999, t));
                    double denom = form == AdamEpsilon.INSIDE_SQRT ? Math.sqrt(vHat + 1e-2) : Math.sqrt(vHat) + 1e-2;
                    expected[0] = (float) (expected[0] - 0.1 * mHat / denom);
                    adam.step(0.1);
                    assertArrayEquals(expected, w.toFloatArray(), 1e-5f, form + " step " + t);
                    assertEquals(0f, w.getGradient().getFloat(), "the step clears the gradient");
                }
            }
        }
    }
}
