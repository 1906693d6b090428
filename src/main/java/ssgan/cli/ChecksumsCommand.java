package ssgan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ssgan.config.SettingsCodec;
import ssgan.results.ResultsStore;
import ssgan.results.RunDirectory;
import ssgan.results.RunLock;
import ssgan.results.RunRecord;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "checksums", description = "Records checksums.json (the SHA-256 of metrics.jsonl and "
        + "predictions.bin.gz, which the report verifies) for every finished run that has none, i.e. runs finished "
        + "before runs recorded it themselves, and verifies the runs that have one. A run whose record contradicts "
        + "itself is not sealed: its files are not the run's. Nothing else is written. Exit 0 when every finished run "
        + "is sealed and unchanged, 1 otherwise.")
final class ChecksumsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private int sealed;
    private int verified;
    private int troubled;

    @Override
    public Integer call() {
        ResultsStore store = common.store();
        for (String experiment : store.experiments()) {
            for (RunDirectory dir : store.runs(experiment)) {
                check(experiment + "/" + dir.runId(), dir);
            }
        }
        System.out.println("checksums: " + sealed + " run(s) sealed now, " + verified + " verified, " + troubled
                + " with a problem (above)");
        return troubled > 0 ? 1 : 0;
    }

    private void check(String where, RunDirectory dir) {
        RunRecord record;
        try {
            record = RunRecord.read(dir);
        } catch (RuntimeException e) {
            trouble(where + ": status.json unreadable (" + e.getMessage() + ")");
            return;
        }
        if (!record.done()) {
            return; // a run still training seals itself when it finishes
        }
        if (RunLock.held(dir.lockFile()) == RunLock.Held.LIVE) {
            System.out.println(where + ": skipped, a live process holds its lock (a rerun moving it aside?)");
            return;
        }
        if (record.checksums() != null) {
            List<String> changes = record.checksums().changes(dir);
            if (changes.isEmpty()) {
                verified++;
            } else {
                trouble(where + ": " + String.join("; ", changes));
            }
            return;
        }
        if (record.damage().stream().anyMatch(d -> d.startsWith("checksums.json"))) {
            trouble(where + ": checksums.json unreadable, left as it is (it may be the evidence): "
                    + String.join("; ", record.damage()));
            return;
        }
        List<String> faults = record.faults(dir, budget(dir));
        if (!faults.isEmpty()) {
            trouble(where + ": not sealed, its record does not stand: " + String.join("; ", faults));
            return;
        }
        var sums = dir.writeChecksums("ssgan checksums");
        sealed++;
        System.out.println(where + ": sealed " + String.join(", ", sums.files().keySet()));
    }

    /** The epochs its config.yaml asks for; null when the config cannot say (the record's own files still can). */
    @SuppressWarnings("unchecked")
    private static Integer budget(RunDirectory dir) {
        try {
            return SettingsCodec.fromMap((Map<String, Object>) dir.readConfig().get("settings")).epochs();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void trouble(String line) {
        troubled++;
        System.out.println(line);
    }
}
