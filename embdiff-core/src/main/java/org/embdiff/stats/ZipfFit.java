package org.embdiff.stats;

import org.embdiff.inference.Interval;

/**
 * A discrete power law fitted to the distribution of word frequencies, P(f) ∝ f^-beta for
 * f >= xMin, and the rank-frequency exponent it implies, f(r) ∝ r^-alpha with
 * alpha = 1 / (beta - 1).
 *
 * @param beta frequency-distribution exponent (Clauset et al.'s "alpha"; here beta)
 * @param betaCi its confidence interval
 * @param betaStdErr asymptotic standard error (beta - 1) / sqrt(n)
 * @param alpha rank-frequency (Zipf) exponent, 1 / (beta - 1)
 * @param alphaCi its interval, mapped from {@code betaCi}
 * @param xMin the smallest frequency of the fitted tail (chosen by minimum KS distance, or fixed)
 * @param xMinRange the bootstrap range of the re-selected x_min (null when x_min was fixed or not resampled)
 * @param tailTypes types with frequency >= xMin (the sample size n)
 * @param ks Kolmogorov–Smirnov distance between the tail's empirical and fitted CDFs
 * @param goodnessOfFitP Clauset's goodness-of-fit p-value (NaN when not computed); small means the power law is rejected
 * @param alternatives likelihood-ratio tests against the lognormal and the truncated power law on the same tail
 * @param truncatedInput whether the counts came from a truncated list (then xMin >= its cut)
 * @param how estimator, parameters, CI method and seed
 */
public record ZipfFit(double beta, Interval betaCi, double betaStdErr, double alpha, Interval alphaCi, long xMin,
    Interval xMinRange, long tailTypes, double ks, double goodnessOfFitP, ZipfAlternatives alternatives,
    boolean truncatedInput, Computation how) {}
