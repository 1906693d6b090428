package ssgan.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variants of one dataset x labels x epoch budget side by side, each against the faithful variant: the
 * ablation table. Only formed where there is more than one variant.
 *
 * @param faithful the reference cell, if that budget has faithful runs
 * @param rows     every variant's cell (faithful first), with its difference from the faithful one
 */
public record Ablation(String dataset, int labels, int epochs, Optional<CellSummary> faithful, List<Row> rows) {

    /**
     * @param vsFaithful this variant's figure (its own reported_d) minus the faithful one's, mean against mean with a
     *                   Welch 95 % CI; null for the faithful row itself or when there is no faithful cell
     */
    public record Row(CellSummary cell, MeanDifference vsFaithful) {}

    /** Groups cells (already in report order: faithful first) by dataset, labels and budget. */
    static List<Ablation> of(List<CellSummary> cells) {
        Map<List<Object>, List<CellSummary>> groups = new LinkedHashMap<>();
        for (CellSummary c : cells) {
            groups.computeIfAbsent(List.of(c.key().dataset(), c.key().epochs(), c.key().labels()),
                    k -> new ArrayList<>()).add(c);
        }
        List<Ablation> out = new ArrayList<>();
        groups.values().stream().filter(g -> g.size() > 1).forEach(group -> {
            Optional<CellSummary> faithful = group.stream().filter(c -> c.key().faithful()).findFirst();
            List<Row> rows = group.stream().map(c -> new Row(c, faithful.filter(f -> f != c)
                    .map(f -> MeanDifference.of(c.figure(), f.figure())).orElse(null))).toList();
            CellKey k = group.get(0).key();
            out.add(new Ablation(k.dataset(), k.labels(), k.epochs(), faithful, rows));
        });
        return out;
    }

    public CellKey key() { return rows.get(0).cell().key(); }
}
