package ssgan.stats;

import ssgan.config.Settings;
import ssgan.config.SettingsCodec;

/** Names the moving average of D that "averaged D" refers to, since two conventions exist (spec section 1). */
public final class AverageSetting {
    private AverageSetting() {}

    public static String describe(Settings s) {
        boolean authors = s.averageStart() == Settings.AverageStart.ZERO && !s.averageBiasCorrection();
        return "average_start=" + SettingsCodec.configValue(s.averageStart()) + ", average_bias_correction="
                + s.averageBiasCorrection() + ", average_rate=" + s.averageRate()
                + (authors ? " (the authors' zero-started average without bias correction)" : "");
    }
}
