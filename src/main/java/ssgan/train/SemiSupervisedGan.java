package ssgan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ssgan.config.Settings.Mode;
import ssgan.config.Settings;
import ssgan.model.Discriminator;
import ssgan.model.Generator;
import ssgan.model.GraphScalars;
import ssgan.model.Param;
import ssgan.model.ParamSource;

import java.util.ArrayList;
import java.util.List;

/**
 * One training iteration of the feature-matching semi-supervised GAN (spec §1), in the authors' order:
 * a D step on (labeled, unlabeled, fresh fake) batches, the average update, then a G step on a second unlabeled
 * batch and fresh z. D's three batches go through one concatenated forward: D has no batch norm, so this is the
 * same maths as three passes, with one matrix product per layer instead of three.
 */
public final class SemiSupervisedGan {
    /** The G step reads D through detached views, so no gradient is ever left on D's parameters. */
    private static final ParamSource FROZEN = p -> p.value().stopGradient();

    private final Discriminator d;
    private final Generator g;
    private final OriginalAdam adamD;
    private final OriginalAdam adamG;
    private final ParameterAverage average;
    private final Settings settings;

    public SemiSupervisedGan(NDManager manager, Discriminator d, Generator g, Settings s) {
        this.d = d;
        this.g = g;
        this.settings = s;
        this.adamD = new OriginalAdam(manager, trainable(d.params()), s.beta1(), s.beta2(), s.adamEpsilon(),
                s.adamEpsilonForm());
        this.adamG = new OriginalAdam(manager, trainable(g.params()), s.beta1(), s.beta2(), s.adamEpsilon(),
                s.adamEpsilonForm());
        this.average = new ParameterAverage(manager, trainable(d.params()), s.averageRate(), s.averageStart(),
                s.averageBiasCorrection());
        for (Param p : trainable(d.params())) {
            p.value().setRequiresGradient(true);
        }
        for (Param p : trainable(g.params())) {
            p.value().setRequiresGradient(true);
        }
    }

    private static List<Param> trainable(List<Param> ps) {
        return ps.stream().filter(Param::trainable).toList();
    }

    /** What a D step reports: its two loss terms and the labeled images it misclassified. */
    private record DiscriminatorLosses(float supervised, float unsupervised, int trainErrors) {}

    /** One iteration in 0-based {@code epoch} (which only the port's extra G step reads). */
    public StepLosses step(Batch batch, double lr, int epoch) {
        boolean gan = settings.mode() == Mode.GAN;
        DiscriminatorLosses d = gan ? discriminatorStep(batch, lr) : supervisedStep(batch, lr);
        float fm = gan ? generatorStep(batch.unlabeled2(), lr) : 0f;
        if (gan && retriesGeneratorStep(settings, epoch, fm)) {
            fm = generatorStep(batch.unlabeled2(), lr);   // the port logs the second step's loss
        }
        return new StepLosses(d.supervised(), d.unsupervised(), fm, d.trainErrors());
    }

    /** The PyTorch port's {@code if epoch > 1 and lg > 1}: its epochs count from 0, so from our third epoch on. */
    static boolean retriesGeneratorStep(Settings s, int epoch, float generatorLoss) {
        return s.extraGeneratorStep() && epoch > 1 && generatorLoss > 1;
    }

    /** L_D = L_lab + w_unl * L_unl; the fake batch is generated without a graph, so no gradient reaches G. */
    private DiscriminatorLosses discriminatorStep(Batch b, double lr) {
        int nl = (int) b.labeled().getShape().get(0);
        int nu = (int) b.unlabeled().getShape().get(0);
        NDArray fake = g.generate(noise(b.labeled().getManager(), nu), ParamSource.LIVE);
        NDArray loss;
        NDArray supervised;
        NDArray unsupervised;
        NDArray labeledLogits;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray x = NDArrays.concat(new NDList(b.labeled(), b.unlabeled(), fake));
            NDList logits = d.forward(x, d.unitScales(ParamSource.LIVE), ParamSource.LIVE, true, true)
                    .logits().split(new long[] {nl, nl + nu});
            labeledLogits = logits.get(0);
            supervised = Losses.supervisedLoss(labeledLogits, b.oneHotLabels());
            unsupervised = Losses.unsupervisedLoss(logits.get(1), logits.get(2));
            loss = supervised.add(GraphScalars.times(unsupervised, (float) settings.unlabeledWeight()));
            collector.backward(loss);
        }
        average.update();
        adamD.step(lr);
        return new DiscriminatorLosses(supervised.getFloat(), unsupervised.getFloat(),
                trainErrors(labeledLogits, b.labels()));
    }

    /** The baseline: the same D on the labeled batch alone; G and z are never used. */
    private DiscriminatorLosses supervisedStep(Batch b, double lr) {
        NDArray supervised;
        NDArray logits;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            logits = d.forward(b.labeled(), d.unitScales(ParamSource.LIVE), ParamSource.LIVE, true, true).logits();
            supervised = Losses.supervisedLoss(logits, b.oneHotLabels());
            collector.backward(supervised);
        }
        average.update();
        adamD.step(lr);
        return new DiscriminatorLosses(supervised.getFloat(), 0f, trainErrors(logits, b.labels()));
    }

    /**
     * Feature matching against a second unlabeled batch (or, for the minibatch ablation, the GAN loss on the fake
     * batch alone); D runs in training mode but is not updated.
     */
    float generatorStep(NDArray unlabeled2, double lr) {
        List<NDArray> w = d.unitScales(FROZEN);
        boolean featureMatching = settings.generatorLoss() == Settings.GeneratorLoss.FEATURE_MATCHING;
        NDArray realFeatures = featureMatching ? d.forward(unlabeled2, w, FROZEN, true, false).features() : null;
        NDArray loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray fake = g.generate(noise(unlabeled2.getManager(), (int) unlabeled2.getShape().get(0)),
                    ParamSource.LIVE);
            Discriminator.Output out = d.forward(fake, w, FROZEN, true, !featureMatching);
            loss = featureMatching
                    ? Losses.featureMatchingLoss(realFeatures, out.features(), settings.featureLoss())
                    : Losses.generatorGanLoss(out.logits());
            collector.backward(loss);
        }
        adamG.step(lr);
        return loss.getFloat();
    }

    /** z ~ U[0,1)^zDim, as in the authors' code (not Gaussian). */
    NDArray noise(NDManager manager, int n) {
        return manager.randomUniform(0f, 1f, new Shape(n, g.zDim()), DataType.FLOAT32);
    }

    private static int trainErrors(NDArray logits, int[] labels) {
        long[] predicted = logits.argMax(1).toLongArray();
        int errors = 0;
        for (int i = 0; i < labels.length; i++) {
            errors += predicted[i] == labels[i] ? 0 : 1;
        }
        return errors;
    }

    public Discriminator discriminator() { return d; }
    public Generator generator() { return g; }
    public ParameterAverage average() { return average; }
    OriginalAdam adamD() { return adamD; }
    OriginalAdam adamG() { return adamG; }

    /** D's parameters, then G's: the order checkpoints store them in. */
    List<Param> allParams() {
        List<Param> all = new ArrayList<>(d.params());
        all.addAll(g.params());
        return all;
    }
}
