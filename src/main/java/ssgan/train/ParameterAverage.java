package ssgan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ssgan.config.Settings.AverageStart;
import ssgan.model.InPlace;
import ssgan.model.Param;
import ssgan.model.ParamSource;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exponential moving average of D's trainable parameters, used for the test error (the authors'
 * {@code disc_param_avg}): {@code a <- a + rate * (p - a)} after every D step. The authors start it at zero,
 * so early averages are shrunk; {@code biasCorrection} divides by {@code 1 - (1 - rate)^n} as Adam does.
 * Frozen parameters are not averaged: their live value is used.
 */
public final class ParameterAverage implements ParamSource {
    private final Map<Param, NDArray> shadows = new IdentityHashMap<>();
    private final List<Param> params;
    private final float rate;
    private final boolean biasCorrection;
    private long updates;

    public ParameterAverage(NDManager manager, List<Param> trainable, double rate, AverageStart start,
                            boolean biasCorrection) {
        this.params = List.copyOf(trainable);
        for (Param p : params) {
            shadows.put(p, start == AverageStart.ZERO ? manager.zeros(p.value().getShape()) : p.value().duplicate());
        }
        this.rate = (float) rate;
        this.biasCorrection = biasCorrection;
    }

    /** Call with the parameters before the optimiser step, as Theano's simultaneous updates see them. */
    public void update() {
        updates++;
        for (Param p : params) {
            NDArray a = shadows.get(p);
            a.addi(p.value().sub(a).muli(rate));
        }
    }

    @Override
    public NDArray valueOf(Param p) {
        NDArray a = shadows.get(p);
        if (a == null) {
            return p.value();
        }
        return biasCorrection && updates > 0 ? a.div((float) (1 - Math.pow(1 - rate, updates))) : a;
    }

    public long updates() { return updates; }

    /** The same average, always divided by {@code 1 - (1 - rate)^n}: the bias-corrected view for evaluation. */
    public ParamSource corrected() {
        return p -> {
            NDArray a = shadows.get(p);
            return a == null || updates == 0 ? valueOf(p) : a.div((float) (1 - Math.pow(1 - rate, updates)));
        };
    }

    NDList state() {
        NDList list = new NDList();
        params.forEach(p -> list.add(shadows.get(p)));
        return list;
    }

    void restore(NDList saved, long savedUpdates) {
        for (int i = 0; i < params.size(); i++) {
            InPlace.copy(saved.get(i), shadows.get(params.get(i)));
        }
        updates = savedUpdates;
    }
}
