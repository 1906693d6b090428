package ssgan.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MisclassifiedTest {

    @Test
    void countsArgmaxMistakes() {
        // argmax rows: 0, 1, 0 against labels 0, 1, 1: one mistake
        assertEquals(1, Misclassified.count(new float[] {0.9f, 0.1f, 0.3f, 0.7f, 0.6f, 0.4f}, new int[] {0, 1, 1}, 2));
    }
}
