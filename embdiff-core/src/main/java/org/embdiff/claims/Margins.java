package org.embdiff.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The smallest effect of interest of each claim: a difference whose interval lies inside
 * [-margin, margin] is "no difference", and no verdict is decided by a smaller one. Margins are
 * keyed by claim id or id prefix; the longest matching key wins, so {@code transfer.loss-increase}
 * sets all transfer loss claims and {@code transfer.loss-increase.bing-liu.wiki-to-twitter} one of them.
 * Each default says what its size means on the statistic's scale ({@link #DEFAULTS}, also in
 * docs/DESIGN.md, "How verdicts are decided"); a user override replaces a default and is reported
 * as overridden.
 */
public final class Margins {
  /**
   * One default margin.
   *
   * @param key claim id or id prefix
   * @param value the margin, in the claim's difference units
   * @param reason why this size, in words
   */
  public record Default(String key, double value, String reason) {}

  /**
   * One margin a run used.
   *
   * @param key claim id or id prefix
   * @param value the margin
   * @param overridden whether the user set it
   * @param reason the default's reason, or "set by the user (default X)"
   */
  public record Used(String key, double value, boolean overridden, String reason) {}

  /** The defaults, by claim-id prefix. */
  public static final List<Default> DEFAULTS = List.of(
      new Default("zipf.alpha", 0.05, "rank-frequency exponent: 0.05 changes the frequency ratio of ranks 10 and 1,000 by "
          + "about 26% (100^0.05)"),
      new Default("entropy", 0.1, "bits: 0.1 bit is a 7% change of the effective vocabulary size (2^0.1)"),
      new Default("cooccurrence.js", 0.005, "bits of JS (range [0, 1]) above the split-half null: 0.5% of the range"),
      new Default("mi.concentrated", 1e-6, "bits per word: about a seventh of the average word's share of I(W;D) "
          + "(0.42 bits over 60,000 words)"),
      new Default("shift.domain-words", 0.02, "cosine distance (range [0, 2]): 1% of the range"),
      new Default("shift.mean", 0.02, "cosine distance (range [0, 2]): 1% of the range"),
      new Default("analogy.eps", 0.02, "L2 analogy error on unit vectors (0.68 and 0.81 on the demo sides): about 3% of it"),
      new Default("similarity.mean", 0.02, "mean cosine (range [-1, 1]): 1% of the range"),
      new Default("spectrum.effective-rank", 0.5, "half a dimension of effective rank"),
      new Default("spectrum.decay", 0.05, "log-log decay exponent: the same scale and margin as the Zipf alpha"),
      new Default("transfer.loss-increase", 0.01, "nats of log loss: a 1% change of the per-word likelihood (e^0.01)"),
      new Default("transfer.loss-rises-with-divergence", 0.1, "Spearman rho: below 0.1 the ranks share under 1% of "
          + "their variance"),
      new Default("attention", 0.02, "normalised attention entropy (range [0, 1]): 2% of the range"));

  private final Map<String, Double> overrides;

  private Margins(Map<String, Double> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  /** The defaults, no overrides. */
  public static Margins defaults() {
    return new Margins(Map.of());
  }

  /**
   * The defaults with {@code overrides} (claim id or id prefix to margin); each key must name a claim
   * family ({@link #known}) and each value be finite and >= 0.
   */
  public static Margins withOverrides(Map<String, Double> overrides) {
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      if (!known(e.getKey())) {
        throw new IllegalArgumentException("margin for '" + e.getKey() + "': no claim has this id or id prefix; "
            + "expected one starting with " + DEFAULTS.stream().map(Default::key).toList());
      }
      double v = e.getValue();
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("margin for '" + e.getKey() + "' must be finite and >= 0, got " + v);
      }
    }
    return new Margins(new LinkedHashMap<>(overrides));
  }

  /** Whether {@code key} is a claim id or id prefix of a claim family with a default margin. */
  public static boolean known(String key) {
    return key != null && !key.isBlank()
        && DEFAULTS.stream().anyMatch(d -> key.startsWith(d.key()) || d.key().startsWith(key));
  }

  /** The default margin of claim {@code id} (0 when none is set: then only the sign is tested). */
  public static double forId(String id) {
    Default d = defaultFor(id);
    return d == null ? 0 : d.value();
  }

  /** The default that applies to claim {@code id} (the longest matching key), or null when none does. */
  public static Default defaultFor(String id) {
    return DEFAULTS.stream().filter(d -> id.startsWith(d.key())).max(Comparator.comparingInt(d -> d.key().length()))
        .orElse(null);
  }

  private String overrideKey(String id) {
    return overrides.keySet().stream().filter(id::startsWith).max(Comparator.comparingInt(String::length)).orElse(null);
  }

  /** The margin of claim {@code id}: the longest matching override, else the default. */
  public double of(String id) {
    String k = overrideKey(id);
    return k != null ? overrides.get(k) : forId(id);
  }

  /** Whether the margin of claim {@code id} was set by the user. */
  public boolean overridden(String id) {
    return overrideKey(id) != null;
  }

  /** Every claim with its margin from these margins, re-decided. */
  public List<Claim> apply(List<Claim> claims) {
    return claims.stream().map(c -> c.withMargin(of(c.id()), overridden(c.id()))).toList();
  }

  /** The user's overrides, by key. */
  public Map<String, Double> overrides() {
    return overrides;
  }

  /** Every margin: the defaults (or their override), then overrides of narrower keys. */
  public List<Used> used() {
    List<Used> out = new ArrayList<>();
    for (Default d : DEFAULTS) {
      Double o = overrides.get(d.key());
      out.add(o == null ? new Used(d.key(), d.value(), false, d.reason())
          : new Used(d.key(), o, true, "set by the user (default " + format(d.value()) + ")"));
    }
    overrides.forEach((k, v) -> {
      if (DEFAULTS.stream().noneMatch(d -> d.key().equals(k))) {
        Default d = defaultFor(k);
        out.add(new Used(k, v, true, "set by the user (default " + (d == null ? "0" : format(d.value())) + ")"));
      }
    });
    return List.copyOf(out);
  }

  /** {@code v} in at most four significant digits, without trailing zeros. */
  public static String format(double v) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
  }

  /** Every default value, by claim-id prefix. */
  public static Map<String, Double> defaultValues() {
    Map<String, Double> m = new LinkedHashMap<>();
    DEFAULTS.forEach(d -> m.put(d.key(), d.value()));
    return m;
  }
}
