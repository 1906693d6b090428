package ssgan.model;

import ai.djl.ndarray.NDArray;

/**
 * A named model parameter. Frozen parameters (the hidden weight-norm scales after the data-dependent init) are
 * neither optimised nor averaged, but they are checkpointed.
 */
public final class Param {
    private final String name;
    private final NDArray value;
    private boolean trainable;

    public Param(String name, NDArray value, boolean trainable) {
        this.name = name;
        this.value = value;
        this.trainable = trainable;
    }

    public String name() { return name; }
    public NDArray value() { return value; }
    public boolean trainable() { return trainable; }

    void freeze() { trainable = false; }
}
