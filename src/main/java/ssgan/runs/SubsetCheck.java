package ssgan.runs;

import ai.djl.ndarray.NDManager;
import ssgan.config.Settings;
import ssgan.data.Dataset;
import ssgan.data.LabeledSubset;
import ssgan.results.SubsetDifficulty;
import ssgan.train.TrainingData;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out {@link SubsetDifficulty} for runs: the 1-NN test errors of each run's labeled subset, and of the
 * reference subsets of the same size, computed once per dataset and label count however many seeds ask.
 */
public final class SubsetCheck {
    /** The reference subsets are those of seed_data 1001, 1002, …: apart from any seed a sweep uses (1..10). */
    public static final long REFERENCE_FIRST_SEED = 1001;
    /** Reference subsets per label count unless asked otherwise: percentiles to the nearest 1 %. */
    public static final int DEFAULT_DRAWS = 100;

    private final NDManager manager;
    private final DatasetCache datasets;
    private final int draws;
    private final String commit;
    private final Map<List<Object>, int[]> references = new HashMap<>();

    /** @param draws reference subsets per label count (0: none, the run's figure alone) */
    public SubsetCheck(NDManager manager, DatasetCache datasets, int draws) {
        if (draws < 0) {
            throw new IllegalArgumentException("draws must be at least 0, got " + draws);
        }
        this.manager = manager;
        this.datasets = datasets;
        this.draws = draws;
        this.commit = ProvenanceCollector.commit();
    }

    public SubsetDifficulty of(Settings s) {
        Dataset dataset = datasets.get(s.dataset());
        TrainingData data = TrainingDataFactory.create(dataset, s);
        try (NearestNeighbours nn = new NearestNeighbours(manager, data)) {
            int errors = nn.testErrors(data.labeled());
            int[] reference = references.computeIfAbsent(
                    List.of(s.dataset(), s.trainImages(), s.testImages(), s.labels()), k -> reference(nn, data, s));
            return new SubsetDifficulty(SubsetDifficulty.METHOD, s.labels(), s.seedData(), errors, data.testCount(),
                    REFERENCE_FIRST_SEED, reference.clone(), dataset.checksums(), commit, Instant.now().toString());
        }
    }

    private int[] reference(NearestNeighbours nn, TrainingData data, Settings s) {
        int[] errors = new int[draws];
        for (int i = 0; i < draws; i++) {
            errors[i] = nn.testErrors(LabeledSubset.select(data.trainLabels(), data.classes(), s.labels(),
                    REFERENCE_FIRST_SEED + i).indices());
        }
        return errors;
    }
}
