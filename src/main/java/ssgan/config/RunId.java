package ssgan.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Run ids: a readable prefix from the swept values plus a hash of the fully resolved settings, e.g.
 * {@code labels100-seed1-3fa2b9c01d}. The hash makes the id depend only on what the run computes, not on how
 * the file was written (key order, a default written out, 1.0 vs 1). A named variant enters the prefix as its bare
 * name ({@code supervised_only-labels100-seed1-...}) but not the hash: the hash is the computation's.
 */
public final class RunId {

    /** The pseudo-axis of named variants in cells, include/exclude entries and overrides. */
    public static final String VARIANT = "variant";

    private static final int HASH_CHARS = 10;
    private static final int MAX_PREFIX = 60;

    private RunId() {}

    /** Id with a prefix built from the cell (axis name + value per swept axis, in axis order). */
    public static String of(Map<String, ?> cell, Settings settings) {
        String prefix = cell.entrySet().stream()
                .map(e -> (e.getKey().equals(VARIANT) ? "" : e.getKey()) + valueText(e.getValue()))
                .map(RunId::sanitize)
                .collect(Collectors.joining("-"));
        if (prefix.isEmpty()) {
            prefix = "run";
        }
        if (prefix.length() > MAX_PREFIX) {
            prefix = prefix.substring(0, MAX_PREFIX);
        }
        return prefix + "-" + hash(settings);
    }

    /** Id with the paper's two axes as prefix ({@code labels<L>-seed<S>}), for runs outside a sweep. */
    public static String of(Settings settings) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("labels", settings.labels());
        cell.put("seed", settings.seed());
        return of(cell, settings);
    }

    /** First 10 hex characters of SHA-256 over {@link SettingsCodec#canonicalJson}. */
    public static String hash(Settings settings) {
        return hashOf(SettingsCodec.canonicalJson(settings));
    }

    static String hashOf(String canonicalJson) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String valueText(Object value) {
        Object v = SettingsCodec.configValue(value);
        return v instanceof Double d ? SettingsCodec.stableNumber(d).toPlainString() : String.valueOf(v);
    }

    /** Keeps ids safe as directory names. */
    private static String sanitize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.]+", "_");
    }
}
