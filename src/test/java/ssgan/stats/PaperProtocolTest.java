package ssgan.stats;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaperProtocolTest {

    private static Map<String, Object> mnistDefaults() {
        return new HashMap<>(PaperProtocol.setup("mnist"));
    }

    @Test
    void defaultsAreFaithfulWhateverTheSeedsLabelsAndEpochs() {
        Map<String, Object> s = mnistDefaults();
        s.put("seed", 7);
        s.put("seed_data", 8);
        s.put("labels", 20);
        s.put("epochs", 30);
        assertEquals("faithful", PaperProtocol.variant(s));
    }

    @Test
    void differencesAreNamedInKeyOrder() {
        Map<String, Object> s = mnistDefaults();
        s.put("mode", "supervised");
        s.put("average_start", "params");
        assertEquals("average_start=params, mode=supervised", PaperProtocol.variant(s));
    }

    @Test
    void numbersCompareByValue() {
        Map<String, Object> s = mnistDefaults();
        s.put("unlabeled_weight", 1);          // YAML may read 1.0 back as an integer
        s.put("average_rate", 0.0001f);
        s.put("learning_rate", 3.0E-3);
        assertEquals("faithful", PaperProtocol.variant(s));
    }

    @Test
    void paperEpochs() {
        assertEquals(300, PaperProtocol.paperEpochs("mnist"));
        assertEquals(1200, PaperProtocol.paperEpochs("cifar10"));
    }

    @Test
    void unitsScaleToThePapers() {
        assertEquals(93.0, PaperUnit.ERRORS_OUT_OF_10000.of(93, 10_000), 1e-12);
        assertEquals(100.0, PaperUnit.ERRORS_OUT_OF_10000.of(10, 1_000), 1e-12); // a 1,000-image test subset
        assertEquals(18.63, PaperUnit.ERROR_PERCENT.of(1863, 10_000), 1e-12);
        assertEquals(PaperUnit.ERRORS_OUT_OF_10000, PaperUnit.forDataset("mnist"));
        assertEquals(PaperUnit.ERROR_PERCENT, PaperUnit.forDataset("cifar10"));
    }
}
