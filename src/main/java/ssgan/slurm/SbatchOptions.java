package ssgan.slurm;

/**
 * Resources and behaviour of the array tasks; null means "the cluster's default" and writes no directive.
 *
 * @param maxParallel at most this many tasks at once ({@code --array=...%K}), null for no limit
 * @param requeue     let Slurm requeue preempted or failed-node tasks; they resume from their checkpoint
 */
public record SbatchOptions(String partition, Integer gpusPerTask, String time, Integer maxParallel,
                            Integer cpusPerTask, String mem, boolean requeue) {}
