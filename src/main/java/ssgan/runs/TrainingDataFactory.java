package ssgan.runs;

import ssgan.config.Settings;
import ssgan.data.Dataset;
import ssgan.data.ImageSet;
import ssgan.data.LabeledSubset;
import ssgan.data.LabeledTiling;
import ssgan.data.NumpyRandomState;
import ssgan.train.Seeds;
import ssgan.train.TrainingData;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Applies a run's data settings to a loaded dataset: subsets, the labeled split and the init images. */
public final class TrainingDataFactory {
    private TrainingDataFactory() {}

    public static TrainingData create(Dataset dataset, Settings s) {
        ImageSet train = s.trainImages() > 0 ? dataset.train().head(s.trainImages()) : dataset.train();
        ImageSet test = s.testImages() > 0 ? dataset.test().head(s.testImages()) : dataset.test();
        int classes = dataset.spec().classes();
        LabeledSubset subset = labeledSubset(s, train.labels(), classes);
        int[] init = initImages(s, subset, train.count());
        return new TrainingData(train.pixels(), train.labels(), train.count(), test.pixels(), test.labels(),
                test.count(), train.imageSize(), classes, subset.indices(), init);
    }

    /** The seed_data draw: it picks the labeled subset and the MNIST init images. */
    static LabeledSubset labeledSubset(Settings s, int[] labels, int classes) {
        return switch (s.dataRng()) {
            case JAVA -> LabeledSubset.select(labels, classes, s.labels(), s.seedData());
            case NUMPY -> LabeledSubset.select(labels, classes, s.labels(),
                    new NumpyRandomState(s.seedData()).permutation(labels.length));
        };
    }

    /**
     * The authors' MNIST init uses the first images of the seed_data permutation (random unlabeled images); their
     * CIFAR init uses the first rows of the tiled labeled stream (labeled images: half the set for 1000 labels).
     */
    static int[] initImages(Settings s, LabeledSubset subset, int trainCount) {
        return switch (s.model()) {
            case MNIST_MLP -> Arrays.copyOf(subset.permutation(), Math.min(s.initImages(), trainCount));
            case CIFAR_CNN -> LabeledTiling.epoch(subset.indices(), s.initImages(),
                    new SplittableRandom(Seeds.mix(s.seedData(), Seeds.DATA_INIT)));
        };
    }
}
