package org.embdiff.compare.analyses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.embdiff.align.ProbeShift;
import org.embdiff.align.WordShift;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.Direction;
import org.embdiff.compare.Analysis;
import org.embdiff.compare.AnalysisContext;
import org.embdiff.compare.Input;
import org.embdiff.compare.Outcome;
import org.embdiff.compare.Requirement;
import org.embdiff.compare.Side;
import org.embdiff.compare.WordTable;
import org.embdiff.inference.Bootstrap;

/**
 * SPEC 4, domain shift: B aligned onto A (Procrustes, or PCA + Procrustes for different
 * dimensions) on frequent shared anchors, then per shared word Delta_w, cosine distance,
 * neighbour overlap and the second-order distance; the claims compare the probe words' Delta_w
 * with a control group of random shared words and test Delta-bar against its null level.
 */
public final class ShiftAnalysis implements Analysis<ShiftAnalysis.Result> {
  /** Random shared words compared with the probe words in the claims. */
  public static final int CONTROL_WORDS = 500;
  private static final int SCATTER_POINTS = 2500;
  private static final String DOMAIN = "shift.domain-words";
  private static final String DOMAIN_STATEMENT = "Delta_w >> 0 for domain words (probe words shift more than random shared words)";
  private static final String DOMAIN_MISSING = "the shift Delta_w after alignment of the probe words and of random shared words (needs vectors on both sides)";
  private static final String MEAN = "shift.mean";
  private static final String MEAN_STATEMENT = "Delta-bar (mean domain shift over the shared vocabulary) exceeds its null level";
  private static final String MEAN_MISSING = "the shift Delta_w over the shared vocabulary (needs vectors on both sides)";

  /**
   * The result.
   *
   * @param sideA name of A
   * @param sideB name of B
   * @param shift the alignment and per-word shifts (the per-word list is in the CSV)
   * @param deltas Delta_w of every shared word with one
   * @param scatter (rank on the rarer side, Delta_w) of every {@code scatterStep}-th presentable word
   * @param scatterLabels the words of the scatter points
   * @param scatterStep thinning of the scatter
   * @param probeWordsFound probe words with a Delta_w
   * @param controlWords size of the control group (drawn with replacement, seeded)
   */
  public record Result(String sideA, String sideB, org.embdiff.align.ShiftAnalysis shift, double[] deltas,
      List<double[]> scatter, List<String> scatterLabels, int scatterStep, int probeWordsFound, int controlWords) {}

  @Override
  public String id() {
    return "shift";
  }

  @Override
  public String title() {
    return "Domain shift";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.onBothSides(Input.VECTORS), Requirement.usesWhenPresent(Input.COUNTS));
  }

  @Override
  public int expectedCost() {
    return 40;
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) throws Exception {
    Side a = context.a();
    Side b = context.b();
    org.embdiff.align.ShiftAnalysis r = context.shared(SharedWork.SHIFT);
    double[] deltas = r.words().stream().filter(w -> w.delta() != null).mapToDouble(WordShift::delta).toArray();
    List<double[]> scatter = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int step = Math.max(1, r.words().size() / SCATTER_POINTS);
    for (int i = 0; i < r.words().size(); i += step) {
      WordShift w = r.words().get(i);
      if (w.delta() != null && w.presentable() && w.rankA() > 0 && w.rankB() > 0 && Math.max(w.rankA(), w.rankB()) < 100_000_000) {
        scatter.add(new double[] {Math.max(w.rankA(), w.rankB()), w.delta()});
        labels.add(w.word());
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (WordShift w : r.words()) {
      rows.add(Arrays.asList(w.word(), w.rankA(), w.rankB(), w.bandA(), w.bandB(), w.delta(), w.cosineDistance(), w.overlap10(),
          w.overlap100(), w.overlap1000(), w.secondOrder(), w.presentable()));
    }
    WordTable table = new WordTable("shift", List.of("word", "rank_" + a.name(), "rank_" + b.name(), "band_" + a.name(),
        "band_" + b.name(), "delta", "cosine_distance", "overlap10", "overlap100", "overlap1000", "second_order", "presentable"), rows);
    Set<String> probes = new HashSet<>(context.settings().probeWords());
    double[] domain = r.words().stream().filter(w -> probes.contains(w.word()) && w.delta() != null).mapToDouble(WordShift::delta).toArray();
    List<WordShift> pool = r.words().stream().filter(w -> w.presentable() && !probes.contains(w.word()) && w.delta() != null).toList();
    SplittableRandom random = context.random();
    double[] control = new double[Math.min(CONTROL_WORDS, pool.size())];
    for (int i = 0; i < control.length; i++) {
      control[i] = pool.get(random.nextInt(pool.size())).delta();
    }
    ClaimRules rules = new ClaimRules(ClaimSettings.defaults(context.seed()), a.name(), b.name());
    Claim domainClaim = rules.groups(DOMAIN, DOMAIN_STATEMENT, domain.length >= 2 && control.length >= 2 ? domain : null,
        control, DOMAIN_MISSING, "values: mean Delta_w").withLabels("domain words", "random control words");
    ProbeShift matched = ProbeShift.of(r.words(), probes, CONTROL_WORDS, Bootstrap.Settings.defaults(), random.split());
    if (domainClaim.difference() != null && matched.controlled().measured()) {
      domainClaim = domainClaim.withControl(org.embdiff.claims.Control.FREQUENCY_MATCHING, ProbeShift.CONTROL,
          ClaimRules.of(matched.controlled().interval()));
    }
    List<Claim> claims = List.of(domainClaim,
        rules.meanAboveNull(MEAN, MEAN_STATEMENT, deltas, null, MEAN_MISSING,
            "shiftNull (the null level of Delta-bar, e.g. a space aligned with a resampled copy of itself): Delta_w >= 0 "
                + "always, so Delta-bar > 0 says nothing without it", "Delta-bar"));
    return new Outcome<>(new Result(a.name(), b.name(), r, deltas, scatter, labels, step, domain.length, control.length),
        claims, List.of(table));
  }

  @Override
  public List<Claim> unmeasured(String a, String b, String reason) {
    return List.of(Claim.notMeasurable(DOMAIN, DOMAIN_STATEMENT, a, b, Direction.GREATER, DOMAIN_MISSING),
        Claim.notMeasurable(MEAN, MEAN_STATEMENT, a, b, Direction.GREATER, MEAN_MISSING));
  }
}
