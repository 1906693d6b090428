package ssgan.stats;

import org.junit.jupiter.api.Test;
import ssgan.metrics.Misclassified;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The confusion matrix and its two summary figures on hand-made predictions with known answers. */
class ConfusionTest {

    /** One-hot scores: row i predicts {@code predicted[i]}. */
    private static float[] scores(int[] predicted, int classes) {
        float[] s = new float[predicted.length * classes];
        for (int i = 0; i < predicted.length; i++) {
            s[i * classes + predicted[i]] = 1;
        }
        return s;
    }

    @Test
    void aMislabelledClusterIsNamedAndItsShareOfErrorsGiven() {
        // 3 classes, 10 images each: class 2 predicted entirely as 0; two of class 1 as 2; one of class 0 as 1.
        int[] labels = new int[30];
        int[] predicted = new int[30];
        for (int i = 0; i < 30; i++) {
            labels[i] = i / 10;
            predicted[i] = labels[i] == 2 ? 0 : labels[i];
        }
        predicted[10] = 2;
        predicted[11] = 2;
        predicted[0] = 1;
        Confusion c = Confusion.of(labels, scores(predicted, 3), 3);

        assertArrayEquals(new int[] {9, 1, 0}, c.counts()[0]);
        assertArrayEquals(new int[] {0, 8, 2}, c.counts()[1]);
        assertArrayEquals(new int[] {10, 0, 0}, c.counts()[2]);
        assertEquals(30, c.total());
        assertEquals(13, c.errors());
        assertEquals(Misclassified.count(scores(predicted, 3), labels, 3), c.errors(), "the same count as training's");
        assertEquals(List.of(new Confusion.Pair(2, 0, 10), new Confusion.Pair(1, 2, 2), new Confusion.Pair(0, 1, 1)),
                c.pairs(), "largest first");
        assertEquals(List.of(new Confusion.Pair(2, 0, 10)), c.misassigned());
        assertEquals(12 / 13.0, c.topShare(2), 1e-12);
        assertEquals("13 errors; 1 of 3 classes predicted mostly as another: 2 as 0 (10 of 10); largest pair 2 → 0: "
                + "10 (77 % of errors)", c.text(), "three pairs only: no top-3 share, it would be 100 %");
    }

    @Test
    void errorsSpreadThinlyNameNoClassAndGiveTheTopThreeShare() {
        // 4 classes of 10 images; one error in each of four different pairs.
        int[] labels = new int[40];
        int[] predicted = new int[40];
        for (int i = 0; i < 40; i++) {
            labels[i] = i / 10;
            predicted[i] = labels[i];
        }
        predicted[0] = 1;
        predicted[10] = 2;
        predicted[11] = 2;
        predicted[20] = 3;
        predicted[30] = 0;
        Confusion c = Confusion.of(labels, scores(predicted, 4), 4);
        assertTrue(c.misassigned().isEmpty());
        assertEquals("5 errors; no class predicted mostly as another; largest pair 1 → 2: 2 (40 % of errors); "
                + "the 3 largest: 80 %", c.text());
    }

    @Test
    void tiesGoToTheFirstClassAsInTheErrorCount() {
        // Image of class 1 scored equally for classes 0 and 1: the argmax takes 0, so it is an error.
        Confusion c = Confusion.of(new int[] {1}, new float[] {0.5f, 0.5f}, 2);
        assertEquals(1, c.counts()[1][0]);
        assertEquals(List.of(new Confusion.Pair(1, 0, 1)), c.misassigned(), "a class's modal prediction, ties first");
        assertEquals("1 error; 1 of 2 classes predicted mostly as another: 1 as 0 (1 of 1); largest pair 1 → 0: 1 "
                + "(100 % of errors)", c.text());
    }

    @Test
    void noErrorsSaySo() {
        Confusion c = Confusion.of(new int[] {0, 1}, new float[] {1, 0, 0, 1}, 2);
        assertEquals(0, c.errors());
        assertEquals("no errors", c.text());
        assertTrue(Double.isNaN(c.topShare(3)));
        Confusion oneClassAbsent = Confusion.of(new int[] {0}, new float[] {1, 0}, 2);
        assertTrue(oneClassAbsent.misassigned().isEmpty(), "a class without test images is not misassigned");
    }
}
