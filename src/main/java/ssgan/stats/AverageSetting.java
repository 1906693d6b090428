package ssgan.stats;

import java.util.Map;

/** Names the moving average of D that "averaged D" refers to, since two conventions exist (spec section 1). */
public final class AverageSetting {
    private AverageSetting() {}

    public static String describe(Map<String, ?> settings) {
        Object start = settings.get("average_start");
        Object correction = settings.get("average_bias_correction");
        Object rate = settings.get("average_rate");
        boolean authors = "zero".equals(String.valueOf(start)) && !Boolean.parseBoolean(String.valueOf(correction));
        return "average_start=" + start + ", average_bias_correction=" + correction + ", average_rate=" + rate
                + (authors ? " (the authors' zero-started average without bias correction)" : "");
    }
}
