package org.embdiff.claims;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The smallest effect of interest of each claim: a difference whose interval lies inside
 * [-margin, margin] is "no difference", and no verdict is decided by a smaller one. The values are
 * about the spread of each statistic between corpora or trainings of one domain (see docs/DESIGN.md,
 * "How verdicts are decided"); override one with {@link Claim#withMargin}.
 */
public final class Margins {
  private Margins() {}

  private static final Map<String, Double> BY_PREFIX = new LinkedHashMap<>();

  static {
    BY_PREFIX.put("zipf.alpha", 0.05);
    BY_PREFIX.put("entropy", 0.1);
    BY_PREFIX.put("cooccurrence.js", 0.005);
    BY_PREFIX.put("mi.concentrated", 1e-6);
    BY_PREFIX.put("shift.domain-words", 0.02);
    BY_PREFIX.put("shift.mean", 0.02);
    BY_PREFIX.put("analogy.eps", 0.02);
    BY_PREFIX.put("similarity.mean", 0.02);
    BY_PREFIX.put("spectrum.effective-rank", 0.5);
    BY_PREFIX.put("spectrum.decay", 0.05);
    BY_PREFIX.put("transfer.loss-increase", 0.01);
    BY_PREFIX.put("transfer.loss-rises-with-divergence", 0.1);
    BY_PREFIX.put("attention", 0.02);
  }

  /** The default margin of claim {@code id} (0 when none is set: then only the sign is tested). */
  public static double forId(String id) {
    for (Map.Entry<String, Double> e : BY_PREFIX.entrySet()) {
      if (id.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return 0;
  }

  /** Every default, by claim-id prefix. */
  public static Map<String, Double> defaults() {
    return Map.copyOf(BY_PREFIX);
  }
}
