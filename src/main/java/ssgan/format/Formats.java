package ssgan.format;

import java.util.Locale;

/**
 * Number and duration formatting for the report and the terminal summary alike, so that a figure reads the same
 * everywhere; "–" stands for a value that is not defined (e.g. std of 1 run).
 */
public final class Formats {
    public static final String NONE = "–";

    private Formats() {}

    public static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : NONE;
    }

    /** "93.0 ± 6.5"; just the mean when the std is undefined. */
    public static String meanStd(double mean, double std, int decimals) {
        if (!Double.isFinite(mean)) {
            return NONE;
        }
        return Double.isFinite(std) ? number(mean, decimals) + " ± " + number(std, decimals)
                : number(mean, decimals);
    }

    /** Paper values as printed: no trailing zeros beyond the unit's decimals ("93 ± 6.5", "18.63 ± 2.32"). */
    public static String published(double value) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A published "mean ± std" as printed ("93 ± 6.5"); the mean alone where the source gives no std. */
    public static String published(double mean, Double std) {
        return published(mean) + (std != null ? " ± " + published(std) : "");
    }

    public static String signed(double value, int decimals) {
        return Double.isFinite(value) ? (value > 0 ? "+" : "") + number(value, decimals) : NONE;
    }

    /** A confidence interval of a difference, signed: "[-5.2, +5.4]"; "–" when undefined. */
    public static String interval(double low, double high, int decimals) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return NONE;
        }
        return "[" + signed(low, decimals) + ", " + signed(high, decimals) + "]";
    }

    /**
     * An interval of an error count or rate, which cannot be negative: a lower bound below 0 is shown as
     * "0 (clipped)", e.g. "[0 (clipped), 5737]"; "–" when undefined.
     */
    public static String countInterval(double low, double high, int decimals) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return NONE;
        }
        String lowText = low < 0 ? "0 (clipped)" : number(low, decimals);
        String highText = high < 0 ? "0 (clipped)" : number(high, decimals);
        return "[" + lowText + ", " + highText + "]";
    }

    public static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return NONE;
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds <= 0) {
            return NONE;
        }
        long s = Math.round(seconds);
        if (s < 120) {
            return s + " s";
        }
        long minutes = s / 60;
        return minutes < 120 ? minutes + " min" : String.format(Locale.ROOT, "%d h %02d min", minutes / 60,
                minutes % 60);
    }
}
