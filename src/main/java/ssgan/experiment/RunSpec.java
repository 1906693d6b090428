package ssgan.experiment;

import ssgan.config.Settings;

import java.util.Map;

/**
 * One run of an expanded experiment matrix.
 *
 * @param experiment  the experiment name (results/&lt;experiment&gt;/)
 * @param runId       stable id derived from the fully resolved settings (see {@code RunId})
 * @param index       position in the stable order that {@code plan} prints (0-based)
 * @param cell        the swept axis values of this run, in axis order (e.g. labels=100, seed=1)
 * @param settings    the fully resolved settings
 */
public record RunSpec(String experiment, String runId, int index, Map<String, Object> cell, Settings settings) {}
