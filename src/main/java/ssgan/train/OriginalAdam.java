package ssgan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ssgan.config.Settings.AdamEpsilon;
import ssgan.model.InPlace;
import ssgan.model.Param;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam as the authors wrote it (nn.py): bias-corrected moments and {@code p -= lr * m_hat / sqrt(v_hat + eps)},
 * epsilon inside the square root. With v_hat tiny that acts like PyTorch's eps of about 1e-4 rather than 1e-8.
 * {@code OUTSIDE_SQRT} gives the PyTorch/DJL form {@code sqrt(v_hat) + eps} for comparison.
 * One instance per network: D and G keep separate moments and step counters.
 */
public final class OriginalAdam {
    private final List<Param> params;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final AdamEpsilon form;
    private long steps;

    /** State lives in {@code manager} (long-lived), never in a per-iteration scope. */
    public OriginalAdam(NDManager manager, List<Param> trainable, double beta1, double beta2, double eps,
                        AdamEpsilon form) {
        this.params = List.copyOf(trainable);
        for (Param p : params) {
            firstMoments.add(manager.zeros(p.value().getShape()));
            secondMoments.add(manager.zeros(p.value().getShape()));
        }
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.eps = (float) eps;
        this.form = form;
    }

    /** One update from the gradients the last backward left on the parameters; clears those gradients. */
    public void step(double lr) {
        steps++;
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i).value();
            NDArray g = p.getGradient();
            NDArray v = secondMoments.get(i).muli(beta2).addi(g.square().muli(1 - beta2));
            NDArray m = firstMoments.get(i).muli(beta1).addi(g.muli(1 - beta1)); // g is cleared below anyway
            NDArray vHat = v.div((float) c2);
            NDArray denom = form == AdamEpsilon.INSIDE_SQRT ? vHat.addi(eps).sqrt() : vHat.sqrt().addi(eps);
            p.subi(m.div(denom).muli((float) (lr / c1)));
            Gradients.zero(p, g);
        }
    }

    public long steps() { return steps; }

    NDList state() {
        NDList list = new NDList();
        list.addAll(firstMoments);
        list.addAll(secondMoments);
        return list;
    }

    void restore(NDList saved, long savedSteps) {
        int n = params.size();
        for (int i = 0; i < n; i++) {
            InPlace.copy(saved.get(i), firstMoments.get(i));
            InPlace.copy(saved.get(n + i), secondMoments.get(i));
        }
        steps = savedSteps;
    }
}
