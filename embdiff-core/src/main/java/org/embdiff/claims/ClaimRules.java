package org.embdiff.claims;

import java.util.Objects;
import java.util.SplittableRandom;
import org.embdiff.inference.Bootstrap;
import org.embdiff.inference.Normal;
import org.embdiff.inference.Quantiles;
import org.embdiff.inference.Tests;
import org.embdiff.util.Seeds;

/**
 * The shapes of evidence a claim can rest on, each turned into a {@link Claim} whose verdict is
 * computed by {@link Verdict#decide} from an interval: two per-side estimates, a statistic against
 * its null level, a group of words against a control group, and paired values. Every analysis
 * builds its own claims with these; a missing input gives NOT_MEASURABLE naming it. Differences
 * are B - A, B being the side the source document calls Twitter. Each shape labels its two value
 * columns (the sides, "group words" / "control words", "observed" / "null level"); an analysis
 * names them more exactly with {@link Claim#withLabels}.
 */
public final class ClaimRules {
  private final ClaimSettings settings;
  private final String sideA;
  private final String sideB;

  /** Rules for sides {@code sideA} and {@code sideB} with {@code settings}. */
  public ClaimRules(ClaimSettings settings, String sideA, String sideB) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sideA = sideA;
    this.sideB = sideB;
  }

  /** The statistics settings. */
  public ClaimSettings settings() {
    return settings;
  }

  /** A claim that cannot be measured because {@code missing} is absent. */
  public Claim notMeasurable(String id, String statement, Direction direction, String missing) {
    return Claim.notMeasurable(id, statement, sideA, sideB, direction, missing);
  }

  /** A claim on the per-side estimates {@code ea} (A) and {@code eb} (B): is B - A in {@code direction}? */
  public Claim sidePair(String id, String statement, SideEstimate ea, SideEstimate eb, Direction direction,
      String missing) {
    if (ea == null || eb == null) {
      return notMeasurable(id, statement, direction, missing);
    }
    Interval diff = difference(ea, eb);
    if (diff == null) {
      return notMeasurable(id, statement, direction, missing + ": a side has no interval or replicates");
    }
    return Claim.measured(id, statement, sideA, sideB, ea.value(), eb.value(), diff, diff.method(), null, direction, null);
  }

  /** B - A from replicates when both have them, else from the per-side intervals (normal approximation). */
  public Interval difference(SideEstimate ea, SideEstimate eb) {
    double level = settings.level();
    if (ea.replicates() != null && eb.replicates() != null && ea.replicates().length > 1 && eb.replicates().length > 1) {
      int n = Math.min(ea.replicates().length, eb.replicates().length);
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = eb.replicates()[i] - ea.replicates()[i];
      }
      double alpha = (1 - level) / 2;
      double est = eb.value() - ea.value();
      double lo = Quantiles.of(d, alpha);
      double hi = Quantiles.of(d, 1 - alpha);
      String method = "percentile interval of B - A over " + n + " independent bootstrap replicate pairs";
      if (!(lo <= est && est <= hi)) {
        // a biased statistic's replicates can miss the estimate; the interval is widened to it and says so
        lo = Math.min(lo, est);
        hi = Math.max(hi, est);
        method += ", widened to contain the estimate";
      }
      return new Interval(est, lo, hi, level, method);
    }
    if (!ea.hasInterval() || !eb.hasInterval()) {
      return null;
    }
    double seA = (ea.hi() - ea.lo()) / (2 * Normal.quantile((1 + ea.level()) / 2));
    double seB = (eb.hi() - eb.lo()) / (2 * Normal.quantile((1 + eb.level()) / 2));
    double d = eb.value() - ea.value();
    double half = Normal.quantile((1 + level) / 2) * Math.sqrt(seA * seA + seB * seB);
    return new Interval(d, d - half, d + half, level,
        "normal approximation from the per-side intervals (independent sides): B - A +- z sqrt(seA^2 + seB^2)");
  }

  /** Does {@code observed} exceed {@code nullLevel}? Values: observed (first column), null level (second). */
  public Claim aboveNull(String id, String statement, SideEstimate observed, SideEstimate nullLevel, String missing,
      String note) {
    if (observed == null || nullLevel == null) {
      return notMeasurable(id, statement, Direction.GREATER, missing);
    }
    Interval diff = difference(nullLevel, observed);
    if (diff == null) {
      return notMeasurable(id, statement, Direction.GREATER, missing + ": an estimate has no interval");
    }
    return new Claim(id, statement, sideA, sideB, observed.value(), nullLevel.value(), diff, diff.method(), null,
        Direction.GREATER, Verdict.decide(diff, Direction.GREATER), null, note).withLabels("observed", "null level");
  }

  /**
   * Is the mean of {@code group} above the mean of {@code control}? Bootstrap interval of the
   * difference of means and a one-sided permutation p.
   */
  public Claim groups(String id, String statement, double[] group, double[] control, String missing, String note) {
    if (group == null || control == null || group.length < 2 || control.length < 2) {
      return notMeasurable(id, statement, Direction.GREATER, missing);
    }
    Interval diff = of(Bootstrap.meanDifference(group, control, percentile(), new SplittableRandom(settings.seed())));
    double p = Tests.permutation(control, group, settings.permutations(),
        new SplittableRandom(Seeds.derive(settings.seed(), "permutation")),
        org.embdiff.inference.Direction.GREATER);
    String test = "difference of means (group - control): " + diff.method() + "; one-sided permutation test, "
        + settings.permutations() + " permutations (" + group.length + " vs " + control.length + " words)";
    return new Claim(id, statement, sideA, sideB, Tests.mean(group), Tests.mean(control),
        new Interval(diff.estimate(), diff.lo(), diff.hi(), diff.level(), test), test, p, Direction.GREATER,
        Verdict.decide(diff, Direction.GREATER), null, note).withLabels("group words", "control words");
  }

  /** Is mean(B - A) over paired items in {@code direction}? Paired bootstrap and Wilcoxon signed-rank p. */
  public Claim paired(String id, String statement, double[] xa, double[] xb, Direction direction, String missing) {
    if (xa == null || xb == null || xa.length < 2) {
      return notMeasurable(id, statement, direction, missing);
    }
    if (xa.length != xb.length) {
      throw new IllegalArgumentException(id + ": paired inputs differ in length: " + xa.length + " vs " + xb.length);
    }
    Interval diff = of(pairedMean(xa, xb, percentile(), settings.seed()));
    Tests.SignedRankTest w = Tests.signedRank(xa, xb);
    return Claim.measured(id, statement, sideA, sideB, Tests.mean(xa), Tests.mean(xb), diff,
        diff.method() + "; Wilcoxon signed-rank p (two-sided) beside it", w.pTwoSided(), direction, null);
  }

  /** A claim decided on an interval computed by the analysis itself (a t-interval over splits, a Spearman CI). */
  public Claim onInterval(String id, String statement, double valueA, double valueB, Interval interval, String test,
      Double p, Direction direction, String note) {
    return new Claim(id, statement, sideA, sideB, valueA, valueB, interval, test, p, direction,
        Verdict.decide(interval, direction), null, note);
  }

  /**
   * Does the mean of {@code values} exceed {@code nullLevel}? Without a null level the claim is
   * NOT_MEASURABLE with the mean shown ({@code whyNull} says what the null would be).
   */
  public Claim meanAboveNull(String id, String statement, double[] values, SideEstimate nullLevel, String missing,
      String whyNull, String label) {
    if (values == null || values.length < 2) {
      return notMeasurable(id, statement, Direction.GREATER, missing);
    }
    Interval mean = of(Bootstrap.mean(values, percentile(), new SplittableRandom(settings.seed())));
    if (nullLevel == null) {
      return new Claim(id, statement, sideA, sideB, mean.estimate(), null, mean, mean.method(), null, Direction.GREATER,
          Verdict.NOT_MEASURABLE, whyNull, label + " with its interval").withLabels(label, "null level");
    }
    SideEstimate observed = new SideEstimate(mean.estimate(), mean.lo(), mean.hi(), mean.level(), null);
    Interval diff = difference(nullLevel, observed);
    if (diff == null) {
      return notMeasurable(id, statement, Direction.GREATER, "the null level has no interval");
    }
    return new Claim(id, statement, sideA, sideB, mean.estimate(), nullLevel.value(), diff, diff.method(), null,
        Direction.GREATER, Verdict.decide(diff, Direction.GREATER), null, null).withLabels(label, "null level");
  }

  /** The normal interval estimate +- z se at the settings' level, named {@code method}. */
  public Interval normal(double estimate, double se, String method) {
    double half = Normal.quantile((1 + settings.level()) / 2) * se;
    return new Interval(estimate, estimate - half, estimate + half, settings.level(), method);
  }

  /** Mean and standard error of the mean of {@code x}. */
  public static double[] meanAndSe(double[] x) {
    double mean = Tests.mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return new double[] {mean, Math.sqrt(ss / Math.max(1, x.length - 1) / x.length)};
  }

  private Bootstrap.Settings percentile() {
    return new Bootstrap.Settings(settings.resamples(), settings.level(), Bootstrap.Method.PERCENTILE);
  }

  /**
   * The percentile-bootstrap interval of the mean paired difference mean(y_i - x_i), resampling the
   * pairs (the one paired bootstrap of claims and analyses).
   */
  public static org.embdiff.inference.Interval pairedMean(double[] x, double[] y, Bootstrap.Settings boot, long seed) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("paired samples differ in length: " + x.length + " vs " + y.length);
    }
    double[] d = new double[x.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = y[i] - x[i];
    }
    org.embdiff.inference.Interval ci = Bootstrap.mean(d, boot, new SplittableRandom(seed));
    return new org.embdiff.inference.Interval(ci.estimate(), ci.lower(), ci.upper(), ci.level(),
        "paired " + ci.method() + " of mean(B - A) over " + d.length + " pairs");
  }

  /** The claims package's interval for an {@link org.embdiff.inference.Interval}. */
  public static Interval of(org.embdiff.inference.Interval i) {
    return i == null ? null : new Interval(i.estimate(), i.lower(), i.upper(), i.level(), i.method());
  }
}
