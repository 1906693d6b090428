package ssgan.train;

/** A loss or a parameter became NaN or infinite: the run stops with status "diverged", never with garbage. */
public final class DivergedException extends Exception {
    private final int epoch;
    private final int iteration;

    public DivergedException(int epoch, int iteration, String what) {
        super(what + " is not finite at epoch " + epoch + ", iteration " + iteration);
        this.epoch = epoch;
        this.iteration = iteration;
    }

    public int epoch() { return epoch; }
    public int iteration() { return iteration; }
}
