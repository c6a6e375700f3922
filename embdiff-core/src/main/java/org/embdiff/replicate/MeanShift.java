package org.embdiff.replicate;

/**
 * Delta-bar (mean Delta_w over the tested words) between domains against its within-domain null.
 * One-sided: a domain shift can only raise Delta-bar above what two same-domain samples give.
 *
 * @param observed Delta-bar of the whole-corpus pair (A, B)
 * @param crossValues Delta-bar of each cross-domain pair (one: the whole-corpus pair)
 * @param nullLevel mean Delta-bar over the 2R within-domain pairs
 * @param nullValues Delta-bar of each within-domain pair
 * @param nullLower lower end of the 95% null interval (-infinity: one-sided)
 * @param nullUpper the 95% one-sided prediction bound of a same-domain Delta-bar, nullLevel + t(0.95, 2R-1) s sqrt(1 + 1/2R)
 * @param difference observed - nullLevel (the domain's share of Delta-bar)
 * @param differenceLower lower 95% bound of the difference
 * @param differenceUpper upper bound (+infinity: one-sided)
 */
public record MeanShift(double observed, double[] crossValues, double nullLevel, double[] nullValues, double nullLower,
    double nullUpper, double difference, double differenceLower, double differenceUpper) {

  /** Whether {@code observed} lies inside its null interval (no detectable domain shift of the mean). */
  public boolean withinNull() {
    return observed >= nullLower && observed <= nullUpper;
  }
}
