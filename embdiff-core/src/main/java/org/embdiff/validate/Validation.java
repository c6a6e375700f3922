package org.embdiff.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.embdiff.align.ShiftMeasure;
import org.embdiff.replicate.MeasureNull;
import org.embdiff.replicate.ReplicateNull;
import org.embdiff.replicate.ReplicateSettings;
import org.embdiff.replicate.ReplicateSpaces;
import org.embdiff.replicate.SpaceTrainer;
import org.embdiff.replicate.WordNull;
import org.embdiff.train.TokenCorpus;
import org.embdiff.util.ProgressListener;

/**
 * Known truth by injected change: corpus A is the corpus, B a copy with {@link InjectedChange};
 * both are trained alike with replicates ({@link ReplicateNull}); every measure, raw and as its
 * null z-score, is scored against the injected share p (Spearman over the scored words; average
 * precision of p >= 0.5 against every p = 0 word, i.e. the p = 0 controls and the untouched
 * words), and so are two frequency-only baselines: the change of frequency |log f_A - log f_B|
 * and rarity -log f_A (rare words' vectors are the noisiest). The false-positive share is the
 * share of the significant-shift list (BH at the null's rate) made of untouched words of the
 * targets' frequency range.
 *
 * @param tested words tested by the null
 * @param targets scored words tested, with their share p
 * @param untouched tested words neither target nor donor, with a count that made them eligible as targets
 * @param scores one row per scored measure, then the frequency baseline
 * @param deltaBarObserved Delta-bar between A and B
 * @param deltaBarNullUpper its one-sided 95% null bound
 */
public record Validation(int tested, Map<String, Double> targets, int untouched, List<Score> scores,
    double deltaBarObserved, double deltaBarNullUpper) {

  /** The name of the frequency-change baseline row. */
  public static final String FREQUENCY = "frequency |log fA - log fB|";
  /** The name of the rarity baseline row. */
  public static final String RARITY = "rarity -log fA";

  /**
   * One scored measure.
   *
   * @param measure its name ({@code delta}, {@code delta z}, ...)
   * @param spearman Spearman's rho against p over the targets
   * @param averagePrecision AP of p >= 0.5 against every p = 0 word
   * @param significant size of the BH list (NaN-free: 0 for the baseline, which has no null)
   * @param significantUntouched untouched words on the BH list
   * @param falsePositiveShare significantUntouched / significant (0 for an empty list)
   */
  public record Score(String measure, double spearman, double averagePrecision, int significant, int significantUntouched,
      double falsePositiveShare) {}

  /** Runs the whole validation. */
  public static Validation run(TokenCorpus corpus, InjectedChange injected, long minTargetCount, SpaceTrainer trainer,
      ReplicateSettings settings, ProgressListener progress) {
    ReplicateSpaces spaces = ReplicateSpaces.train(corpus, injected.changed(), trainer, settings, progress);
    ReplicateNull nulls = ReplicateNull.analyze(spaces, settings, progress);
    return score(corpus, injected, nulls, minTargetCount);
  }

  /**
   * The raw measures only, from one space per side (no replicates, no null): what CI can afford.
   * Rows have no BH list (0) and Delta-bar has no null bound (NaN).
   */
  public static Validation observedOnly(TokenCorpus corpus, InjectedChange injected, long minTargetCount,
      SpaceTrainer trainer, ReplicateSettings settings) {
    var a = trainer.train(corpus, org.embdiff.util.Seeds.derive(settings.rootSeed(), "replicate-full", 0));
    var b = trainer.train(injected.changed(), org.embdiff.util.Seeds.derive(settings.rootSeed(), "replicate-full", 1));
    org.embdiff.replicate.PairMeasures pair = org.embdiff.replicate.PairMeasures.compute(a, b, settings,
        org.embdiff.util.Seeds.derive(settings.rootSeed(), "replicate-pair", 0, 0));
    List<MeasureNull> measures = new ArrayList<>();
    double deltaBar = Double.NaN;
    for (int m = 0; m < settings.measures().size(); m++) {
      List<WordNull> words = new ArrayList<>();
      double sum = 0;
      for (var e : new java.util.TreeMap<>(pair.values()).entrySet()) {
        double x = e.getValue()[m];
        words.add(new WordNull(e.getKey(), x, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false));
        sum += x;
      }
      measures.add(new MeasureNull(settings.measures().get(m), words, List.of(), 0));
      if (settings.measures().get(m) == org.embdiff.align.ShiftMeasure.DELTA) {
        deltaBar = sum / words.size();
      }
    }
    Validation v = score(corpus, injected, measures, null, minTargetCount);
    return new Validation(v.tested(), v.targets(), v.untouched(),
        v.scores().stream().filter(s -> !s.measure().endsWith(" z")).toList(), deltaBar, Double.NaN);
  }

  /**
   * Scores {@code nulls} against the injected truth. Untouched words count only when they were
   * eligible as targets (count in A at least {@code minTargetCount}), so the targets are ranked
   * among words of the same frequency range rather than among rare words' noise.
   */
  public static Validation score(TokenCorpus corpus, InjectedChange injected, ReplicateNull nulls, long minTargetCount) {
    return score(corpus, injected, nulls.measures(), nulls.deltaBar(), minTargetCount);
  }

  private static Validation score(TokenCorpus corpus, InjectedChange injected, List<MeasureNull> nulls,
      org.embdiff.replicate.MeanShift deltaBar, long minTargetCount) {
    Set<String> touched = injected.touched();
    Set<String> eligible = new java.util.HashSet<>();
    for (int id = 0; id < corpus.vocabularySize(); id++) {
      if (corpus.count(id) >= minTargetCount) {
        eligible.add(corpus.word(id));
      }
    }
    List<String> tested = nulls.get(0).words().stream().map(WordNull::word).toList();
    Map<String, Double> targetGold = new LinkedHashMap<>();
    Map<String, Double> apGold = new HashMap<>();
    int untouched = 0;
    for (String w : tested) {
      Double p = injected.gold().get(w);
      if (p != null) {
        targetGold.put(w, p);
        apGold.put(w, p);
      } else if (!touched.contains(w) && eligible.contains(w)) {
        apGold.put(w, 0.0);
        untouched++;
      }
    }
    List<Score> scores = new ArrayList<>();
    for (MeasureNull m : nulls) {
      Map<String, Double> raw = new HashMap<>(), z = new HashMap<>();
      int untouchedSignificant = 0;
      for (WordNull w : m.words()) {
        raw.put(w.word(), w.observed());
        z.put(w.word(), w.z());
        if (w.significant() && !touched.contains(w.word()) && eligible.contains(w.word())) {
          untouchedSignificant++;
        }
      }
      int sig = m.significant().size();
      double fp = sig == 0 ? 0 : untouchedSignificant / (double) sig;
      String name = label(m.measure());
      scores.add(row(name, targetGold, apGold, raw, sig, untouchedSignificant, fp));
      scores.add(row(name + " z", targetGold, apGold, z, sig, untouchedSignificant, fp));
    }
    TokenCorpus b = injected.changed();
    Map<String, Long> countB = new HashMap<>();
    for (int id = 0; id < b.vocabularySize(); id++) {
      countB.put(b.word(id), b.count(id));
    }
    Map<String, Double> freq = new HashMap<>(), rarity = new HashMap<>();
    double na = corpus.size(), nb = b.size();
    for (int id = 0; id < corpus.vocabularySize(); id++) {
      String w = corpus.word(id);
      double fa = (corpus.count(id) + 1) / na, fb = (countB.getOrDefault(w, 0L) + 1) / nb;
      freq.put(w, Math.abs(Math.log(fa) - Math.log(fb)));
      rarity.put(w, -Math.log(fa));
    }
    scores.add(row(FREQUENCY, targetGold, apGold, freq, 0, 0, 0));
    scores.add(row(RARITY, targetGold, apGold, rarity, 0, 0, 0));
    return new Validation(tested.size(), targetGold, untouched, scores,
        deltaBar == null ? Double.NaN : deltaBar.observed(), deltaBar == null ? Double.NaN : deltaBar.nullUpper());
  }

  private static Score row(String name, Map<String, Double> targetGold, Map<String, Double> apGold,
      Map<String, Double> values, int sig, int sigUntouched, double fp) {
    GoldScores.Agreement rho = GoldScores.score(name, targetGold, values);
    GoldScores.Agreement ap = GoldScores.score(name, apGold, values);
    return new Score(name, rho.spearman(), ap.averagePrecision(), sig, sigUntouched, fp);
  }

  /** The command-line name of a measure. */
  public static String label(ShiftMeasure m) {
    return switch (m) {
      case DELTA -> "delta";
      case COSINE_DISTANCE -> "cosine";
      case OVERLAP_10 -> "overlap10";
      case OVERLAP_100 -> "overlap100";
      case OVERLAP_1000 -> "overlap1000";
      case SECOND_ORDER -> "second-order";
    };
  }

  /** Whether {@code measure} names a frequency-only baseline row. */
  public static boolean isBaseline(String measure) {
    return measure.equals(FREQUENCY) || measure.equals(RARITY);
  }

  /** The best shift-measure row by Spearman (ties by AP). */
  public Score best() {
    return scores.stream().filter(s -> !isBaseline(s.measure()) && !Double.isNaN(s.spearman()))
        .max(java.util.Comparator.comparingDouble(Score::spearman).thenComparingDouble(Score::averagePrecision))
        .orElseThrow();
  }

  /** The frequency-change baseline's row. */
  public Score baseline() {
    return scores.stream().filter(s -> s.measure().equals(FREQUENCY)).findFirst().orElseThrow();
  }

  /** The stronger (by Spearman) of the two frequency-only baselines. */
  public Score bestBaseline() {
    return scores.stream().filter(s -> isBaseline(s.measure()))
        .max(java.util.Comparator.comparingDouble(Score::spearman)).orElseThrow();
  }

  /** A Markdown table of the scores. */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(java.util.Locale.ROOT, "%d words tested, %d scored words (p = 0 .. 1), %d untouched words; "
        + "Delta-bar %.4f (null bound %.4f)%n%n", tested, targets.size(), untouched, deltaBarObserved, deltaBarNullUpper));
    sb.append("| measure | Spearman vs p | AP (p >= 0.5 vs p = 0) | BH list | untouched on it | false-positive share |\n");
    sb.append("|---|---:|---:|---:|---:|---:|\n");
    for (Score s : scores) {
      sb.append(String.format(java.util.Locale.ROOT, "| %s | %.3f | %.3f | %d | %d | %.3f |%n", s.measure(), s.spearman(),
          s.averagePrecision(), s.significant(), s.significantUntouched(), s.falsePositiveShare()));
    }
    return sb.toString();
  }
}
