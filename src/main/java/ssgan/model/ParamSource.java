package ssgan.model;

import ai.djl.ndarray.NDArray;

/** Where a forward pass takes its parameter values from: the live parameters or their moving average. */
@FunctionalInterface
public interface ParamSource {
    NDArray valueOf(Param p);

    ParamSource LIVE = Param::value;
}
