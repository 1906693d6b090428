package ssgan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ssgan.config.Settings.FeatureLoss;
import ssgan.model.GraphScalars;

/**
 * The paper's losses (spec §1) in the stable log-sum-exp / softplus form, with the (K+1)-th "fake" logit fixed
 * at 0, so that D(x) = Z/(Z+1) with Z = exp(LSE(l(x))) is never formed directly.
 */
public final class Losses {
    private Losses() {}

    /** LSE over the K logits of each row, max-shifted so huge logits neither overflow nor lose precision. */
    public static NDArray logSumExp(NDArray logits) {
        NDArray max = logits.max(new int[] {1}, true).stopGradient();
        return logits.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
    }

    /** L_lab = mean[ -l_y(x) + LSE(x) ]: ordinary K-way cross-entropy on the labeled batch. */
    public static NDArray supervisedLoss(NDArray logits, NDArray oneHotLabels) {
        return logSumExp(logits).sub(logits.mul(oneHotLabels).sum(new int[] {1})).mean();
    }

    /**
     * 0.5 * mean[-log D(x_u)] + 0.5 * mean[-log(1 - D(G(z)))], written as
     * 0.5 * mean[-LSE(x_u) + softplus(LSE(x_u))] + 0.5 * mean[softplus(LSE(G(z)))].
     */
    public static NDArray unsupervisedLoss(NDArray realLogits, NDArray fakeLogits) {
        NDArray lseReal = logSumExp(realLogits);
        NDArray real = Activation.softPlus(lseReal).sub(lseReal).mean();
        NDArray fake = Activation.softPlus(logSumExp(fakeLogits)).mean();
        return GraphScalars.times(real.add(fake), 0.5f);
    }

    /**
     * The minibatch model's generator loss (spec §3.6): G minimises log(1 - D(G(z))) = -softplus(LSE(G(z))),
     * as a batch mean.
     */
    public static NDArray generatorGanLoss(NDArray fakeLogits) {
        return Activation.softPlus(logSumExp(fakeLogits)).mean().neg();
    }

    /** Feature matching on batch means: mean_j (m_r - m_g)_j^2 (MNIST) or mean_j |m_r - m_g|_j (CIFAR). */
    public static NDArray featureMatchingLoss(NDArray realFeatures, NDArray fakeFeatures, FeatureLoss norm) {
        NDArray diff = realFeatures.mean(new int[] {0}).sub(fakeFeatures.mean(new int[] {0}));
        return (norm == FeatureLoss.L1 ? diff.abs() : diff.square()).mean();
    }
}
