/**
 * Statistical inference on the ground floor (depends on nothing else of embdiff): one {@link
 * org.embdiff.inference.Interval} type, the bootstrap family over independent units ({@link
 * org.embdiff.inference.Bootstrap}, {@link org.embdiff.inference.ResamplingUnits}), correlations,
 * Hyndman-Fan type 7 quantiles, the normal and Student-t distributions, divergences in bits,
 * multiple-comparison adjustment, the Nadeau-Bengio corrected resampled t-test, and the one rule
 * that turns evidence into a verdict ({@link org.embdiff.inference.Decision#decide}, carried by
 * {@link org.embdiff.inference.Claim}).
 */
package org.embdiff.inference;
