package ssgan.train;

/**
 * What the trainer needs from a dataset, already scaled and with the labeled subset chosen.
 *
 * @param labeled     indices of the class-balanced labeled subset (chosen by seed_data)
 * @param initImages  indices of the images for the data-dependent init
 */
public record TrainingData(float[] trainImages, int[] trainLabels, int trainCount,
                           float[] testImages, int[] testLabels, int testCount,
                           int imageSize, int classes, int[] labeled, int[] initImages) {}
