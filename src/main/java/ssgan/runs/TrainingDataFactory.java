package ssgan.runs;

import ssgan.data.Dataset;
import ssgan.data.ImageSet;
import ssgan.data.LabeledSubset;
import ssgan.experiment.Settings;
import ssgan.train.TrainingData;

import java.util.Arrays;

/** Applies a run's data settings to a loaded dataset: subsets, the labeled split and the init images. */
public final class TrainingDataFactory {
    private TrainingDataFactory() {}

    public static TrainingData create(Dataset dataset, Settings s) {
        ImageSet train = s.trainImages() > 0 ? dataset.train().head(s.trainImages()) : dataset.train();
        ImageSet test = s.testImages() > 0 ? dataset.test().head(s.testImages()) : dataset.test();
        int classes = dataset.spec().classes();
        LabeledSubset subset = LabeledSubset.select(train.labels(), classes, s.labels(), s.seedData());
        // The authors' MNIST init uses the first images of the seed_data permutation (random unlabeled images).
        int[] init = Arrays.copyOf(subset.permutation(), Math.min(s.initImages(), train.count()));
        return new TrainingData(train.pixels(), train.labels(), train.count(), test.pixels(), test.labels(),
                test.count(), train.imageSize(), classes, subset.indices(), init);
    }
}
