package org.embdiff.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.embdiff.inference.Claim;
import org.embdiff.inference.Interval;
import org.embdiff.stats.CorpusStatistics;
import org.embdiff.stats.DomainDivergence;
import org.embdiff.stats.EntropyEstimate;
import org.embdiff.stats.FrequencySummary;
import org.embdiff.stats.HeapsFit;
import org.embdiff.stats.RankFrequencyFit;
import org.embdiff.stats.VocabularyHarmoniser;
import org.embdiff.stats.VocabularyOverlap;
import org.embdiff.stats.WordContribution;
import org.embdiff.stats.ZipfFit;

/** The readable summary of {@code embdiff stats}: a pure rendering of the result records. */
final class StatsText {
  private final PrintWriter out;

  StatsText(PrintWriter out) {
    this.out = out;
  }

  private void p(String fmt, Object... args) {
    out.println(String.format(Locale.ROOT, fmt, args));
  }

  private static String ci(Interval i, String fmt) {
    return i == null ? "(no CI)" : "[" + String.format(Locale.ROOT, fmt, i.lower()) + ", "
        + String.format(Locale.ROOT, fmt, i.upper()) + "]";
  }

  void side(CorpusStatistics.SideReport r, String source, String tokenizer) {
    FrequencySummary f = r.frequency();
    p("== %s ==  %s, tokenizer %s", r.name(), source, tokenizer);
    // a truncated list has no words below its cut: hapax share and type growth are then not defined (as in the report)
    if (f.truncated()) {
      p("tokens      %,d (kept %,d)   types %,d   hapax n/a (truncated: no words below count %,d)", f.tokens(),
          f.keptTokens(), f.types(), f.minCount());
      p("Heaps       n/a (truncated: the type growth of the listed words only flattens)");
    } else {
      p("tokens      %,d (kept %,d)   types %,d   hapax %.1f%% of types, %.2f%% of tokens", f.tokens(), f.keptTokens(),
          f.types(), 100 * f.hapaxShare(), 100 * f.hapaxTokenShare());
      HeapsFit h = r.heaps();
      p("Heaps       V(n) = %.2f n^%.3f (R^2 %.4f; expected types under random token order)", h.k(), h.exponent(), h.r2());
    }
    zipf(r.zipf(), r.rankFrequency());
    entropy(r.entropy());
    if (!f.caveat().isEmpty()) {
      p("caveat      %s", f.caveat());
    }
    out.println();
  }

  private void zipf(ZipfFit z, RankFrequencyFit rf) {
    p("Zipf MLE    alpha = %.4f %s (rank-frequency, f(r) ~ r^-alpha)   beta = %.4f %s (P(f) ~ f^-beta)",
        z.alpha(), ci(z.alphaCi(), "%.4f"), z.beta(), ci(z.betaCi(), "%.4f"));
    p("            x_min %,d, KS %.4f, tail %,d types; CI: %s", z.xMin(), z.ks(), z.tailTypes(), z.how().ciMethod());
    if (z.xMinRange() != null || !Double.isNaN(z.goodnessOfFitP())) {
      p("            x_min over the resamples %s; goodness-of-fit p %s (Clauset et al. 2009; below 0.1 the power law is "
          + "ruled out)", z.xMinRange() == null ? "n/a" : ci(z.xMinRange(), "%,.0f"),
          Double.isNaN(z.goodnessOfFitP()) ? "n/a" : String.format(Locale.ROOT, "%.2f", z.goodnessOfFitP()));
    }
    p("two-regime  alpha_head %.3f, alpha_tail %.3f, break rank %,d (R^2 %.4f); log-log OLS alpha %.3f (comparison only)",
        rf.alphaHead(), rf.alphaTail(), rf.breakRank(), rf.twoRegimeR2(), rf.olsAlpha());
  }

  private void entropy(EntropyEstimate e) {
    p("entropy     H = %.4f bits %s plug-in; %.4f bits %s Miller-Madow", e.plugInBits(), ci(e.plugInCi(), "%.4f"),
        e.millerMadowBits(), ci(e.millerMadowCi(), "%.4f"));
  }

  void comparison(CorpusStatistics.ComparisonReport c) {
    String a = c.a().name();
    String b = c.b().name();
    VocabularyOverlap v = c.overlap();
    p("== %s vs %s ==", a, b);
    p("vocabulary  shared %,d (%.1f%% of %s tokens, %.1f%% of %s tokens); %s-only %,d; %s-only %,d", v.shared(),
        100 * v.aTokenShareShared(), a, 100 * v.bTokenShareShared(), b, a, v.aOnly(), b, v.bOnly());
    p("            %s-only e.g. %s", a, String.join(" ", v.aOnlyExamples()));
    p("            %s-only e.g. %s", b, String.join(" ", v.bOnlyExamples()));
    if (!v.pseudoTokensA().isEmpty() || !v.pseudoTokensB().isEmpty()) {
      p("            pseudo-tokens: %s %s; %s %s", a, first(v.pseudoTokensA(), 8), b, first(v.pseudoTokensB(), 8));
    }
    divergence(c.divergence(), a, b);
    CorpusStatistics.CommonSupport s = c.support();
    p("common support: %s%s (%s count >= %,d, %s count >= %,d): %,d vs %,d types", s.method(),
        Double.isNaN(s.relativeThreshold()) ? "" : String.format(Locale.ROOT, " = %.3g", s.relativeThreshold()), a,
        s.minCountA(), b, s.minCountB(), s.typesA(), s.typesB());
    p("            alpha %.4f %s vs %.4f %s", c.aOnSupport().zipf().alpha(), ci(c.aOnSupport().zipf().alphaCi(), "%.4f"),
        c.bOnSupport().zipf().alpha(), ci(c.bOnSupport().zipf().alphaCi(), "%.4f"));
    p("            H (Miller-Madow) %.4f %s vs %.4f %s bits", c.aOnSupport().entropy().millerMadowBits(),
        ci(c.aOnSupport().entropy().millerMadowCi(), "%.4f"), c.bOnSupport().entropy().millerMadowBits(),
        ci(c.bOnSupport().entropy().millerMadowCi(), "%.4f"));
    DomainDivergence ds = c.divergenceOnSupport();
    p("            I(W;D) %.4f bits, JS %.4f bits, KL(%s||%s) %.4f, KL(%s||%s) %.4f bits", ds.mutualInformationBits(),
        ds.jensenShannonBits(), a, b, ds.klABBits(), b, a, ds.klBABits());
    CorpusStatistics.HarmonisedComparison h = c.harmonised();
    p("harmonised vocabulary (lower case, a-z words split text8-style, numbers and digit words as one type):");
    for (VocabularyHarmoniser.TokenClass k : VocabularyHarmoniser.TokenClass.values()) {
      p("            %-11s %6.2f%% of %s tokens, %6.2f%% of %s tokens", k.name().toLowerCase(Locale.ROOT),
          100 * h.a().share(k), a, 100 * h.b().share(k), b);
    }
    p("            top %,d types on both sides: H (Miller-Madow) %.4f %s vs %.4f %s bits (raw lists %.4f vs %.4f)",
        h.topTypes(), h.entropyA().millerMadowBits(), ci(h.entropyA().millerMadowCi(), "%.4f"),
        h.entropyB().millerMadowBits(), ci(h.entropyB().millerMadowCi(), "%.4f"), c.a().entropy().millerMadowBits(),
        c.b().entropy().millerMadowBits());
    p("            Chao-Shen %.4f vs %.4f bits", h.entropyA().chaoShenBits(), h.entropyB().chaoShenBits());
    if (h.zipfA() != null) {
      p("            alpha on the top %,d types: %.4f %s vs %.4f %s (free fits %.4f vs %.4f)", h.tailTypes(),
          h.zipfA().alpha(), ci(h.zipfA().alphaCi(), "%.4f"), h.zipfB().alpha(), ci(h.zipfB().alphaCi(), "%.4f"),
          c.a().zipf().alpha(), c.b().zipf().alpha());
    } else {
      p("            alpha on a matched tail: n/a (the harmonised lists share only %d tail types)", h.tailTypes());
    }
    p("            I(W;D) %.4f bits, KL(%s||%s) %.4f bits (raw lists %.4f, %.4f)", h.divergence().mutualInformationBits(),
        b, a, h.divergence().klBABits(), c.divergence().mutualInformationBits(), c.divergence().klBABits());
    p("claims (margin, naive -> controlled, Holm-adjusted p):");
    for (Claim claim : c.claims()) {
      p("  %-15s %s (margin %s; naive %s%s; adjusted p %.3g): %s", claim.verdict().label(), claim.statement(),
          trim(claim.margin()), claim.decision().naive().label(),
          claim.decision().controlled() == null ? "" : ", controlled " + claim.decision().controlled().label(),
          claim.adjustedP(), claim.decision().reason());
    }
  }

  private void divergence(DomainDivergence d, String a, String b) {
    p("I(W;D)      %.4f bits (P(%s) = %.3f)   Jensen-Shannon %.4f bits", d.mutualInformationBits(), a, d.priorA(),
        d.jensenShannonBits());
    p("KL          KL(%s||%s) %.4f bits, KL(%s||%s) %.4f bits (add-%s smoothing of both sides over %,d union types)", a,
        b, d.klABBits(), b, a, d.klBABits(), trim(d.smoothingLambda()), d.unionTypes());
    p("carry I(W;D): %s", d.words().stream().limit(15)
        .map(w -> String.format(Locale.ROOT, "%s %.4f", w.word(), w.miBits())).collect(Collectors.joining(", ")));
    p("most %s-specific (log-odds z, informative Dirichlet prior alpha0 = %s):", a, trim(d.priorStrength()));
    p("  %s", words(d.topA()));
    p("most %s-specific:", b);
    p("  %s", words(d.topB()));
  }

  private static String words(List<WordContribution> ws) {
    return ws.stream().map(w -> String.format(Locale.ROOT, "%s%s (%.1f)", w.word(), w.pseudoToken() ? "[pseudo]" : "",
        w.z())).collect(Collectors.joining(", "));
  }

  private static String first(List<String> l, int n) {
    return l.isEmpty() ? "none" : String.join(" ", l.subList(0, Math.min(n, l.size())))
        + (l.size() > n ? " ..." : "");
  }

  private static String trim(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
