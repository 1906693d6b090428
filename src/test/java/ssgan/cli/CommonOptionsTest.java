package ssgan.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PyTorch's thread count: an in-process command without --threads must not replace the count the JVM was started
 * with (the test suite's 1), or the tests after it would run, and round, differently depending on the order.
 */
class CommonOptionsTest {

    @Test
    void aThreadCountGivenToTheJvmIsKeptUnlessAnotherIsAskedFor() {
        assumeTrue(System.getenv("SSGAN_THREADS") == null, "SSGAN_THREADS is set");
        String saved = System.getProperty(CommonOptions.THREADS_PROPERTY);
        try {
            System.setProperty(CommonOptions.THREADS_PROPERTY, "3");
            new CommonOptions().configureEngine();
            assertEquals("3", System.getProperty(CommonOptions.THREADS_PROPERTY));
            CommonOptions asked = new CommonOptions();
            asked.threads = 1;
            asked.configureEngine();
            assertEquals("1", System.getProperty(CommonOptions.THREADS_PROPERTY));
            System.clearProperty(CommonOptions.THREADS_PROPERTY);
            new CommonOptions().configureEngine();
            assertEquals(Integer.toString(CommonOptions.DEFAULT_THREADS),
                    System.getProperty(CommonOptions.THREADS_PROPERTY));
        } finally {
            if (saved == null) {
                System.clearProperty(CommonOptions.THREADS_PROPERTY);
            } else {
                System.setProperty(CommonOptions.THREADS_PROPERTY, saved);
            }
        }
    }
}
