package ssgan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ssgan.config.Settings;

/** The semi-supervised GAN a run starts from, seeded as every run seeds it. */
final class Networks {
    private Networks() {}

    /** Seeded weights, then the data-dependent init on the run's init images (or, without it, frozen hidden scales). */
    static SemiSupervisedGan build(NDManager manager, Settings s, TrainingData data) {
        Models.Pair nets = create(manager, s, data);
        if (s.dataInit()) {
            Engine.getInstance().setRandomSeed(Seeds.engineSeed(s.seed(), Seeds.DATA_INIT));
            int n = data.initImages().length;
            try (NDScope scope = new NDScope()) {
                nets.d().dataDependentInit(new ImageRows(data, n).gather(manager, data.initImages(), 0, n));
            }
            // G's init pass (the CIFAR output layer; MNIST's weight_norm output, else a no-op) on one noise batch, after D's so that
            // MNIST's D init draws exactly what it drew before
            try (NDScope scope = new NDScope()) {
                nets.g().dataDependentInit(manager.randomUniform(0f, 1f, new Shape(s.batchSize(), s.zDim()),
                        DataType.FLOAT32));
            }
        } else {
            nets.d().freezeHiddenScales();
        }
        return new SemiSupervisedGan(manager, nets.d(), nets.g(), s);
    }

    /** Seeded weights without the data-dependent init: what the benchmark times (a step costs the same either way). */
    static SemiSupervisedGan withoutDataInit(NDManager manager, Settings s, TrainingData data) {
        Models.Pair nets = create(manager, s, data);
        nets.d().freezeHiddenScales();
        return new SemiSupervisedGan(manager, nets.d(), nets.g(), s);
    }

    private static Models.Pair create(NDManager manager, Settings s, TrainingData data) {
        Engine.getInstance().setRandomSeed(Seeds.engineSeed(s.seed(), Seeds.INIT));
        return Models.create(manager, s, data.imageSize(), data.classes());
    }
}
