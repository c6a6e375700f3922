package org.embdiff.align;

/**
 * How well the map fits and how stable the shift ranking it produces is.
 *
 * @param residualRms sqrt(mean over anchors of ||A(w) - M B(w)||^2), unit vectors (0 = perfect, sqrt(2) = orthogonal)
 * @param anchorMeanCosine mean cos(A(w), M B(w)) over the anchors the map was fitted on
 * @param heldOutMeanCosine mean cosine on held-out anchors, {@code folds}-fold cross-validation
 * @param folds folds of the cross-validation
 * @param sharedMeanCosine mean cosine over all shared words
 * @param stabilitySpearmanMean mean Spearman correlation between the shift ranking of the full fit
 *     and that of fits on {@code stabilityResamples} bootstrap resamples of the anchors
 * @param stabilitySpearmanMin the smallest of those correlations
 * @param stabilityResamples bootstrap resamples of the anchors
 */
public record AlignmentDiagnostics(double residualRms, double anchorMeanCosine, double heldOutMeanCosine, int folds,
    double sharedMeanCosine, double stabilitySpearmanMean, double stabilitySpearmanMin, int stabilityResamples) {}
