package org.embdiff.cooc;

/**
 * The power-law exponent of the co-occurrence values, X_(r) ~ k / r^alpha over the pairs ranked
 * by value (Pennington et al. 2014 report alpha ~ 1.25).
 *
 * @param alphaMle maximum likelihood: the Hill estimate of the tail index of P(X >= x) for X >=
 *     xmin, converted by alpha = 1/(beta - 1), i.e. the mean of ln(X/xmin)
 * @param alphaLogLog least-squares slope of ln X on ln rank over log-spaced points with X >= xmin
 *     (for comparison with the paper's log-log fit)
 * @param xmin smallest value used
 * @param tailCount number of values at least xmin
 */
public record PowerLawFit(double alphaMle, double alphaLogLog, double xmin, long tailCount) {}
