package org.embdiff.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.embdiff.attention.AttentionResult;
import org.embdiff.transfer.TransferResult;

/**
 * Builds the table of claims (SPEC section 10) from whatever results are available. Every verdict
 * is computed by {@link Verdict#decide} from an interval; a claim whose input is missing is
 * NOT_MEASURABLE and names that input. Differences are B - A, B being the side the source document
 * calls Twitter.
 */
public final class ClaimsBuilder {
  private final ClaimSettings settings;

  /** A builder with {@code settings}. */
  public ClaimsBuilder(ClaimSettings settings) {
    this.settings = java.util.Objects.requireNonNull(settings, "settings");
  }

  /** The claims, in the order of the source document. */
  public List<Claim> build(ClaimInputs in) {
    String a = in.sideA();
    String b = in.sideB();
    List<Claim> out = new ArrayList<>();
    out.add(sidePair("zipf.alpha.differs", "alpha_" + a + " != alpha_" + b + " (Zipf rank-frequency exponent)", a, b,
        in.zipfAlphaA(), in.zipfAlphaB(), Direction.DIFFERENT,
        "the Zipf fit with an interval on both sides (needs a frequency list or corpus per side)"));
    out.add(sidePair("entropy.b-greater", "H_" + b + " > H_" + a + " (lexical entropy, bits)", a, b, in.entropyA(),
        in.entropyB(), Direction.GREATER, "the lexical entropy with an interval on both sides (needs a frequency list or corpus per side)"));
    out.add(againstNull("cooccurrence.js.differs", "X_" + a + " != X_" + b
        + " (JS of the co-occurrence distributions on the shared vocabulary, above its split-half null level)", a, b,
        in.cooccurrenceJs(), in.cooccurrenceJsNull(),
        "co-occurrence counts of both corpora and their split-half baseline (needs a corpus per side)"));
    out.add(groups("shift.domain-words", "Delta_w >> 0 for domain words (probe words shift more than random shared words)",
        a, b, in.domainWordShift(), in.controlWordShift(),
        "the shift Delta_w after alignment of the probe words and of random shared words (needs vectors on both sides)",
        "values: mean Delta_w of domain words (A column) and of control words (B column)"));
    out.add(groups("mi.concentrated", "I(W;D) is concentrated in domain words (mean per-word contribution above other words')",
        a, b, in.domainWordMi(), in.otherWordMi(),
        "per-word I(W;D) contributions (needs a frequency list or corpus per side)",
        "values: mean contribution in bits of domain words (A column) and of other words (B column)"
            + miShare(in.domainWordMi(), in.otherWordMi())));
    out.add(paired("analogy.eps.b-greater", "eps_" + b + " > eps_" + a + " (analogy error, paired over shared questions)",
        a, b, in.analogyErrorA(), in.analogyErrorB(), Direction.GREATER,
        "per-question analogy errors on the questions both sides answer (needs vectors and an analogy set)"));
    addTransfer(out, in.transfer(), a, b);
    out.add(sidePair("spectrum.effective-rank.b-greater", "the " + b + " spectrum is flatter: effective rank_" + b
        + " > effective rank_" + a, a, b, in.effectiveRankA(), in.effectiveRankB(), Direction.GREATER,
        "the singular-value spectrum of both sides with an interval (needs vectors on both sides, each with at least 5 dimensions and 10 words per dimension, 100 at least)"));
    out.add(sidePair("spectrum.decay.b-less", "the " + b + " spectrum is flatter: decay exponent_" + b
        + " < decay exponent_" + a, a, b, in.decayExponentA(), in.decayExponentB(), Direction.LESS,
        "the spectral decay exponent of both sides with an interval (needs vectors on both sides, each with at least 5 dimensions and 10 words per dimension, 100 at least)"));
    addAttention(out, in.attention(), a, b);
    out.add(paired("similarity.mean.differs", "s-bar_" + a + " != s-bar_" + b
        + " (mean similarity over the pair set both sides cover)", a, b, in.pairSimilarityA(), in.pairSimilarityB(),
        Direction.DIFFERENT, "similarities of the benchmark pairs both sides cover (needs vectors and word-pair sets)"));
    out.add(shiftMean(in, a, b));
    return out;
  }

  private Claim sidePair(String id, String statement, String a, String b, SideEstimate ea, SideEstimate eb,
      Direction direction, String missing) {
    if (ea == null || eb == null) {
      return Claim.notMeasurable(id, statement, a, b, direction, missing);
    }
    Interval diff = difference(ea, eb);
    if (diff == null) {
      return Claim.notMeasurable(id, statement, a, b, direction, missing + ": a side has no interval or replicates");
    }
    return Claim.measured(id, statement, a, b, ea.value(), eb.value(), diff, diff.method(), null, direction, null);
  }

  /** B - A from replicates when both have them, else from the per-side intervals (normal approximation). */
  private Interval difference(SideEstimate ea, SideEstimate eb) {
    double level = settings.level();
    if (ea.replicates() != null && eb.replicates() != null && ea.replicates().length > 1 && eb.replicates().length > 1) {
      int n = Math.min(ea.replicates().length, eb.replicates().length);
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = eb.replicates()[i] - ea.replicates()[i];
      }
      double alpha = (1 - level) / 2;
      return new Interval(eb.value() - ea.value(), Statistics.quantile(d, alpha), Statistics.quantile(d, 1 - alpha),
          level, "percentile interval of B - A over " + n + " independent bootstrap replicate pairs");
    }
    if (!ea.hasInterval() || !eb.hasInterval()) {
      return null;
    }
    double seA = (ea.hi() - ea.lo()) / (2 * Statistics.normalQuantile((1 + ea.level()) / 2));
    double seB = (eb.hi() - eb.lo()) / (2 * Statistics.normalQuantile((1 + eb.level()) / 2));
    double d = eb.value() - ea.value();
    double half = Statistics.normalQuantile((1 + level) / 2) * Math.sqrt(seA * seA + seB * seB);
    return new Interval(d, d - half, d + half, level,
        "normal approximation from the per-side intervals (independent sides): B - A +- z sqrt(seA^2 + seB^2)");
  }

  private Claim againstNull(String id, String statement, String a, String b, SideEstimate between, SideEstimate nullLevel,
      String missing) {
    if (between == null || nullLevel == null) {
      return Claim.notMeasurable(id, statement, a, b, Direction.GREATER, missing);
    }
    Interval diff = difference(nullLevel, between);
    if (diff == null) {
      return Claim.notMeasurable(id, statement, a, b, Direction.GREATER, missing + ": an estimate has no interval");
    }
    return new Claim(id, statement, a, b, between.value(), nullLevel.value(), diff, diff.method(), null,
        Direction.GREATER, Verdict.decide(diff, Direction.GREATER), null,
        "values: JS between the sides (A column) and the split-half null level (B column); difference = between - null; "
            + "JS in bits of the joint co-occurrence distributions X_ij / sum X on the shared vocabulary: between = mean JS "
            + "of the cross-side pairs of line-halves, null = larger within-corpus JS of two line-halves, over line splits");
  }

  private Claim groups(String id, String statement, String a, String b, double[] group, double[] control, String missing,
      String note) {
    if (group == null || control == null || group.length < 2 || control.length < 2) {
      return Claim.notMeasurable(id, statement, a, b, Direction.GREATER, missing);
    }
    Interval diff = Statistics.bootstrapMeanDifference(control, group, settings.resamples(), settings.seed(), settings.level());
    double p = Statistics.permutationTest(control, group, settings.permutations(), settings.seed() + 1, Direction.GREATER);
    String test = "difference of means (group - control): " + diff.method() + "; one-sided permutation test, "
        + settings.permutations() + " permutations (" + group.length + " vs " + control.length + " words)";
    return new Claim(id, statement, a, b, Statistics.mean(group), Statistics.mean(control),
        new Interval(diff.estimate(), diff.lo(), diff.hi(), diff.level(), test), test, p, Direction.GREATER,
        Verdict.decide(diff, Direction.GREATER), null, note);
  }

  private Claim paired(String id, String statement, String a, String b, double[] xa, double[] xb, Direction direction,
      String missing) {
    if (xa == null || xb == null || xa.length < 2) {
      return Claim.notMeasurable(id, statement, a, b, direction, missing);
    }
    if (xa.length != xb.length) {
      throw new IllegalArgumentException(id + ": paired inputs differ in length: " + xa.length + " vs " + xb.length);
    }
    Interval diff = Statistics.pairedBootstrap(xa, xb, settings.resamples(), settings.seed(), settings.level());
    Statistics.SignedRankTest w = Statistics.wilcoxonSignedRank(xa, xb);
    return Claim.measured(id, statement, a, b, Statistics.mean(xa), Statistics.mean(xb), diff,
        diff.method() + "; Wilcoxon signed-rank p (two-sided) beside it", w.pTwoSided(), direction, null);
  }

  private void addTransfer(List<Claim> out, TransferResult t, String a, String b) {
    if (t == null || t.tasks().isEmpty()) {
      String missing = "transfer (run the transfer experiment; needs vectors on both sides and a lexicon)";
      out.add(Claim.notMeasurable("transfer.loss-increase", "cross-domain loss > in-domain loss", a, b,
          Direction.GREATER, missing));
      out.add(Claim.notMeasurable("transfer.loss-rises-with-divergence",
          "cross-domain loss rises with the word's divergence", a, b, Direction.GREATER, missing));
      return;
    }
    for (TransferResult.Task task : t.tasks()) {
      for (TransferResult.Direction d : task.directions()) {
        String suffix = "." + task.task() + "." + d.trainSide() + "-to-" + d.otherSide();
        String where = " (" + task.task() + ", trained on " + d.trainSide() + ", tested with " + d.otherSide() + ")";
        out.add(new Claim("transfer.loss-increase" + suffix, "cross-domain loss > in-domain loss" + where, a, b,
            d.inDomain().logLoss().estimate(), d.crossDomain().logLoss().estimate(), d.lossIncrease(),
            "paired over splits: " + d.lossIncrease().method(), null, Direction.GREATER,
            Verdict.decide(d.lossIncrease(), Direction.GREATER), null,
            "values: in-domain log loss (A column) and cross-domain log loss (B column), nats"));
        String statement = "cross-domain loss rises with the word's divergence |log P_" + a + "/P_" + b + "|" + where;
        if (d.divergenceRelation() == null) {
          out.add(Claim.notMeasurable("transfer.loss-rises-with-divergence" + suffix, statement, a, b, Direction.GREATER,
              "frequency lists (freq:PATH) on both sides"));
        } else {
          Interval rho = d.divergenceRelation().spearmanCrossLoss();
          List<TransferResult.Bin> bins = d.divergenceRelation().bins();
          out.add(new Claim("transfer.loss-rises-with-divergence" + suffix, statement, a, b,
              bins.get(0).meanCrossLoss(), bins.get(bins.size() - 1).meanCrossLoss(), rho, rho.method(), null,
              Direction.GREATER, Verdict.decide(rho, Direction.GREATER), null,
              "values: mean cross-domain loss of the lowest (A column) and highest (B column) divergence bin; "
                  + "difference = Spearman rho over " + d.divergenceRelation().words() + " words"));
        }
      }
    }
  }

  private void addAttention(List<Claim> out, AttentionResult att, String a, String b) {
    for (AttentionResult.Representation r : AttentionResult.Representation.values()) {
      String label = r == AttentionResult.Representation.NATIVE ? "native dimensions" : "common dimension";
      String id = "attention.b-more-diffuse." + r.name().toLowerCase(Locale.ROOT).replace('_', '-');
      String statement = "attention is more diffuse with " + b + "'s vectors (normalised entropy, Q = K = E, " + label + ")";
      if (att == null) {
        out.add(Claim.notMeasurable(id, statement, a, b, Direction.GREATER,
            "attention (run the attention probe; needs vectors on both sides)"));
        continue;
      }
      AttentionResult.Comparison c = att.comparisons().stream()
          .filter(x -> x.representation() == r && x.projection() == AttentionResult.Projection.IDENTITY
              && x.metric().equals("normalizedEntropy"))
          .findFirst().orElseThrow();
      String note = r == AttentionResult.Representation.COMMON_DIM ? "reduction: " + att.reduction() : null;
      out.add(Claim.measured(id, statement, a, b, c.meanA(), c.meanB(), c.difference(),
          c.difference().method() + "; Wilcoxon signed-rank p (two-sided) beside it", c.wilcoxon().pTwoSided(),
          Direction.GREATER, note));
    }
  }

  private Claim shiftMean(ClaimInputs in, String a, String b) {
    String id = "shift.mean";
    String statement = "Delta-bar (mean domain shift over the shared vocabulary) exceeds its null level";
    if (in.shifts() == null || in.shifts().length < 2) {
      return Claim.notMeasurable(id, statement, a, b, Direction.GREATER, "the shift Delta_w over the shared vocabulary (needs vectors on both sides)");
    }
    Interval mean = Statistics.bootstrapMean(in.shifts(), settings.resamples(), settings.seed(), settings.level());
    if (in.shiftNull() == null) {
      return new Claim(id, statement, a, b, mean.estimate(), null, mean, mean.method(), null, Direction.GREATER,
          Verdict.NOT_MEASURABLE, "shiftNull (the null level of Delta-bar, e.g. a space aligned with a resampled copy "
              + "of itself): Delta_w >= 0 always, so Delta-bar > 0 says nothing without it", "Delta-bar with its interval");
    }
    SideEstimate observed = new SideEstimate(mean.estimate(), mean.lo(), mean.hi(), mean.level(), null);
    Interval diff = difference(in.shiftNull(), observed);
    if (diff == null) {
      return Claim.notMeasurable(id, statement, a, b, Direction.GREATER, "shiftNull has no interval");
    }
    return new Claim(id, statement, a, b, mean.estimate(), in.shiftNull().value(), diff, diff.method(), null,
        Direction.GREATER, Verdict.decide(diff, Direction.GREATER), null,
        "values: Delta-bar (A column) and its null level (B column)");
  }

  private static String miShare(double[] group, double[] other) {
    if (group == null || other == null) {
      return "";
    }
    double g = java.util.Arrays.stream(group).sum();
    double o = java.util.Arrays.stream(other).sum();
    double share = g + o > 0 ? g / (g + o) : Double.NaN;
    return String.format(Locale.ROOT, "; domain words (%d of %d) carry %.1f%% of I(W;D)", group.length,
        group.length + other.length, 100 * share);
  }
}
