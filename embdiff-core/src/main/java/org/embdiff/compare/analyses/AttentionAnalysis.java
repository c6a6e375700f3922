package org.embdiff.compare.analyses;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.embdiff.attention.AttentionProbe;
import org.embdiff.attention.AttentionResult;
import org.embdiff.attention.AttentionSettings;
import org.embdiff.attention.ProbeSentence;
import org.embdiff.attention.ProbeSentences;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.Control;
import org.embdiff.claims.Direction;
import org.embdiff.compare.Analysis;
import org.embdiff.compare.AnalysisContext;
import org.embdiff.compare.AnalysisSettings;
import org.embdiff.compare.Input;
import org.embdiff.compare.Outcome;
import org.embdiff.compare.Requirement;
import org.embdiff.compare.Side;
import org.embdiff.util.ProgressListener;

/**
 * SPEC 9, effect on self-attention: the same sentences embedded with each side's vectors,
 * attention entropy / max weight / logit norm compared pairwise, the noise-injection control and
 * a few heatmaps. Sentences come from the sides' corpora (the same number per side, shared among
 * its files), else from the 50 bundled ones.
 */
public final class AttentionAnalysis implements Analysis<AttentionAnalysis.Result> {
  /** Where the bundled sentences come from. */
  public static final String BUNDLED = "bundled: 25 Wikipedia + 25 TweetEval sentences (org/embdiff/attention/probe-sentences.tsv)";

  /**
   * The result.
   *
   * @param attention the probe
   */
  public record Result(AttentionResult attention) {}

  @Override
  public String id() {
    return "attention";
  }

  @Override
  public String title() {
    return "Effect on self-attention";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.onBothSides(Input.VECTORS));
  }

  @Override
  public int expectedCost() {
    return 8;
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) throws Exception {
    Side a = context.a();
    Side b = context.b();
    AnalysisSettings.Attention options = context.settings().analyses().attention();
    AttentionSettings p = options.probe();
    AttentionSettings settings = new AttentionSettings(p.projectionSeeds(), p.minTokens(), p.maxTokens(), p.noiseScales(),
        p.noiseDraws(), p.heatmaps(), p.resamples(), p.level(), context.seed());
    List<ProbeSentence> sentences = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (Side s : context.sides()) {
      for (Path corpus : s.spec().corpora()) {
        sentences.addAll(ProbeSentences.sample(corpus, s.name(), options.sentencesPerSide() / s.spec().corpora().size(),
            settings.minTokens(), settings.maxTokens(), context.seed()));
        sources.add(s.name() + " corpus");
      }
    }
    String source = sources.isEmpty() ? BUNDLED : String.join(" + ", sources);
    if (sentences.isEmpty()) {
      sentences = ProbeSentences.bundled();
    }
    AttentionResult result = new AttentionProbe(settings).run(a.name(), a.vectors().space(), b.name(), b.vectors().space(),
        sentences, source, ProgressListener.NONE);
    return new Outcome<>(new Result(result), claims(result, a.name(), b.name(), context.seed()), List.of());
  }

  /** The claims of a probe result (the native one controlled at a common temperature). */
  List<Claim> claimsOf(AttentionResult att, String a, String b, long seed) {
    return claims(att, a, b, seed);
  }

  private static List<Claim> claims(AttentionResult att, String a, String b, long seed) {
    ClaimRules rules = new ClaimRules(ClaimSettings.defaults(seed), a, b);
    List<Claim> out = new ArrayList<>();
    for (AttentionResult.Representation r : CLAIMED) {
      AttentionResult.Comparison c = entropy(att, r);
      String note = r == AttentionResult.Representation.COMMON_DIM ? "reduction: " + att.reduction() : null;
      Claim claim = rules.onInterval(claimId(r), statement(r, b), c.meanA(), c.meanB(), c.difference(),
          c.difference().method() + "; Wilcoxon signed-rank p (two-sided) beside it", c.wilcoxon().pTwoSided(),
          Direction.GREATER, note);
      if (r == AttentionResult.Representation.NATIVE) {
        AttentionResult.Comparison t = entropy(att, AttentionResult.Representation.COMMON_TEMPERATURE);
        claim = claim.withControl(Control.COMMON_TEMPERATURE, "unit-length rows at length sqrt(" + att.commonDim()
            + "), logits sqrt(" + att.commonDim() + ") cos on both sides", t.difference());
      }
      out.add(claim);
    }
    return out;
  }

  // the claims: native and common dimension; the common temperature is the native claim's control
  private static final List<AttentionResult.Representation> CLAIMED = List.of(AttentionResult.Representation.NATIVE,
      AttentionResult.Representation.COMMON_DIM);

  private static AttentionResult.Comparison entropy(AttentionResult att, AttentionResult.Representation r) {
    return att.comparisons().stream()
        .filter(x -> x.representation() == r && x.projection() == AttentionResult.Projection.IDENTITY
            && x.metric().equals("normalizedEntropy"))
        .findFirst().orElseThrow();
  }

  private static String claimId(AttentionResult.Representation r) {
    return "attention.b-more-diffuse." + r.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String statement(AttentionResult.Representation r, String b) {
    String label = r == AttentionResult.Representation.NATIVE ? "native dimensions" : "common dimension";
    return "attention is more diffuse with " + b + "'s vectors (normalised entropy, Q = K = E, " + label + ")";
  }

  @Override
  public List<Claim> unmeasured(String a, String b, String reason) {
    List<Claim> out = new ArrayList<>();
    for (AttentionResult.Representation r : CLAIMED) {
      out.add(Claim.notMeasurable(claimId(r), statement(r, b), a, b, Direction.GREATER,
          "attention (run the attention probe; needs vectors on both sides)"));
    }
    return out;
  }
}
