package ssgan.stats;

import ssgan.config.SettingKey;
import ssgan.config.SettingsCodec;
import ssgan.results.Provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the runs of one cell do not share besides their seeds: code versions, thread counts, devices, settings,
 * interruptions. None of these should change a result, but a reader should know when a mean pools them.
 */
final class CellMixes {
    private CellMixes() {}

    static List<String> of(List<RunResult> runs) {
        List<String> out = new ArrayList<>();
        List<Provenance> provenances = runs.stream().map(RunResult::provenance).filter(Objects::nonNull).toList();
        List<String> commits = provenances.stream().flatMap(CellMixes::commits).distinct().sorted().toList();
        if (commits.size() > 1) {
            out.add("commits: " + commits.size() + " (" + String.join(", ", commits) + ")");
        }
        long mixedCode = provenances.stream().filter(Provenance::mixedCode).count();
        if (mixedCode > 0) {
            out.add(mixedCode + " run(s) resumed by a different version of the code");
        }
        long dirty = provenances.stream().filter(Provenance::gitDirty).count();
        if (dirty > 0) {
            out.add(dirty + " run(s) from a modified work tree");
        }
        distinct(provenances, p -> String.valueOf(p.intraOpThreads())).ifPresent(s -> out.add("thread counts: " + s));
        distinct(provenances, p -> p.device() + (p.gpu() == null || "none".equals(p.gpu()) ? "" : " " + p.gpu()))
                .ifPresent(s -> out.add("devices: " + s));
        long settingsSets = runs.stream().map(r -> {
            Map<String, Object> s = new TreeMap<>(SettingsCodec.toMap(r.settings()));
            s.keySet().removeAll(SettingKey.PER_RUN);
            return s.toString();
        }).distinct().count();
        if (settingsSets > 1) {
            out.add(settingsSets + " different settings sets (beyond seeds)");
        }
        long resumed = runs.stream().filter(RunResult::resumed).count();
        if (resumed > 0) {
            out.add(resumed + " run(s) resumed after an interruption (bit-identical by design)");
        }
        return List.copyOf(out);
    }

    /** The commits that trained a run: each recorded sitting's, else the last sitting's (older files). */
    private static Stream<String> commits(Provenance p) {
        Stream<String> all = p.sittingList().isEmpty() ? Stream.of(p.gitCommit())
                : p.sittingList().stream().map(Provenance.Sitting::gitCommit);
        return all.map(Provenance::shortCommit);
    }

    /** "2 (a, b)" when the values differ, empty when they all agree. */
    private static Optional<String> distinct(List<Provenance> ps, Function<Provenance, String> f) {
        List<String> values = ps.stream().map(f).distinct().sorted().toList();
        return values.size() > 1 ? Optional.of(values.size() + " (" + values.stream()
                .collect(Collectors.joining(", ")) + ")") : Optional.empty();
    }
}
