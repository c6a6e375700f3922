package org.embdiff.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a number was computed: the estimator, its effective parameters, how its confidence interval
 * was obtained and the seed (null when nothing was random).
 *
 * @param estimator the estimator ("discrete power-law MLE (Clauset, Shalizi & Newman 2009)")
 * @param parameters effective settings, in insertion order
 * @param ciMethod how the interval was obtained ("percentile bootstrap, 200 Poisson resamples of the counts"), or "none"
 * @param seed random seed, or null
 */
public record Computation(String estimator, Map<String, Object> parameters, String ciMethod, Long seed) {
  /** Copies the parameters (keeping their order). */
  public Computation {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** A deterministic computation without a CI. */
  public static Computation exact(String estimator, Map<String, Object> parameters) {
    return new Computation(estimator, parameters, "none", null);
  }
}
