package org.embdiff.eval;

/**
 * A point estimate with a percentile-bootstrap confidence interval (Efron & Tibshirani 1993).
 *
 * @param value the statistic on the full sample
 * @param lower lower bound of the interval
 * @param upper upper bound of the interval
 * @param level confidence level, e.g. 0.95
 * @param resamples bootstrap resamples drawn
 * @param n sample size
 */
public record Estimate(double value, double lower, double upper, double level, int resamples, int n) {}
