package ssgan.experiment;

import ssgan.config.Errors;
import ssgan.config.Located;
import ssgan.config.Origin;
import ssgan.config.SettingKey;
import ssgan.config.SettingsCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sweep values: scalars and integer range strings ("1..10", both ends included), converted to a key's type. */
final class AxisValues {

    /** Ranges longer than this are surely a typo (and would create that many runs). */
    static final int MAX_RANGE = 10_000;

    private static final Pattern RANGE = Pattern.compile("\\s*(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)\\s*");

    private AxisValues() {}

    /**
     * Adds the typed values of one written value (a scalar or a range) to {@code out}.
     *
     * @return false when the value was rejected (an error was reported)
     */
    static boolean expand(SettingKey key, Object raw, Origin origin, List<Located> out, Errors errors) {
        List<Object> written = new ArrayList<>();
        if (raw instanceof String s && s.contains("..")) {
            Matcher m = RANGE.matcher(s);
            if (!m.matches()) {
                errors.add(origin, "expected an integer range like 1..10, got '" + s + "'");
                return false;
            }
            long from = Long.parseLong(m.group(1));
            long to = Long.parseLong(m.group(2));
            if (to < from) {
                errors.add(origin, "range '" + s + "' is empty: its end must be >= its start");
                return false;
            }
            if (to - from >= MAX_RANGE) {
                errors.add(origin, "range '" + s + "' has more than " + MAX_RANGE + " values");
                return false;
            }
            for (long v = from; v <= to; v++) {
                written.add(v);
            }
        } else {
            written.add(raw);
        }
        for (Object value : written) {
            try {
                out.add(new Located(key.convert(value), origin));
            } catch (IllegalArgumentException e) {
                errors.add(origin, e.getMessage());
                return false;
            }
        }
        return true;
    }

    /**
     * Reports values that occur twice in one axis and returns the axis without them (each would give the same
     * runs twice; reporting that once, at the duplicate, is enough).
     */
    static List<Located> withoutDuplicates(List<Located> values, Errors errors) {
        List<Located> unique = new ArrayList<>();
        for (Located value : values) {
            Located first = unique.stream()
                    .filter(u -> Objects.equals(u.value(), value.value())).findFirst().orElse(null);
            if (first == null) {
                unique.add(value);
            } else {
                errors.add(value.origin(), "duplicate value " + SettingsCodec.configValue(value.value())
                        + " (already at " + first.origin().shortPosition() + ")");
            }
        }
        return unique;
    }
}
