package ssgan.train;

import ai.djl.ndarray.NDArray;

/** One iteration's real data: a labeled batch and two independently shuffled unlabeled batches (spec §1). */
public record Batch(NDArray labeled, NDArray oneHotLabels, int[] labels, NDArray unlabeled, NDArray unlabeled2) {}
