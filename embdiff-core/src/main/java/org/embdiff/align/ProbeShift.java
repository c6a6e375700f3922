package org.embdiff.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.embdiff.inference.Bootstrap;
import org.embdiff.inference.FrequencyMatching;
import org.embdiff.inference.Interval;
import org.embdiff.inference.Measurement;

/**
 * "Probe words shift more than other words", naive and frequency-matched. Delta_w depends on frequency
 * (rare words move more), so probe words (frequent, mostly) against random other words (rare, mostly)
 * measure frequency. The naive comparison draws random presentable non-probe words with replacement;
 * the controlled one gives every probe the non-probe word nearest in frequency rank on both sides (the
 * geometric mean of its two ranks), without replacement ({@link FrequencyMatching}).
 *
 * @param probesFound probe words with a Delta_w
 * @param naive mean Delta_w(probes) - mean Delta_w(random words)
 * @param controlled mean Delta_w(probes) - mean Delta_w(their frequency-matched controls)
 */
public record ProbeShift(int probesFound, Measurement naive, Measurement controlled) {
  /** The control's name in reports. */
  public static final String CONTROL = "frequency-matched controls (nearest rank on both sides, without replacement)";

  /**
   * The bundled default probe words: words with a documented social-media sense beside their general one,
   * each with its sense and the dictionary entry that documents it ({@code domain-sense-words.tsv}).
   */
  public static List<String> defaultProbes() {
    try (java.io.InputStream in = ProbeShift.class.getResourceAsStream("domain-sense-words.tsv")) {
      if (in == null) {
        throw new IllegalStateException("the bundled probe list org/embdiff/align/domain-sense-words.tsv is missing "
            + "from the jar; rebuild embdiff-core");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t", 2)[0].trim()).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("reading the bundled probe list", e);
    }
  }

  /** Compares the probes' shifts with random and with frequency-matched other words. */
  public static ProbeShift of(List<WordShift> words, Set<String> probes, int randomControls, Bootstrap.Settings boot,
      SplittableRandom random) {
    List<WordShift> probe = new ArrayList<>();
    List<WordShift> pool = new ArrayList<>();
    for (WordShift w : words) {
      if (w.delta() == null) {
        continue;
      }
      if (probes.contains(w.word())) {
        probe.add(w);
      } else if (w.presentable()) {
        pool.add(w);
      }
    }
    if (probe.size() < 2 || pool.size() < 2) {
      String why = "only " + probe.size() + " probe words and " + pool.size() + " other words have a shift; 2 of each needed";
      return new ProbeShift(probe.size(), Measurement.missing("none", why), Measurement.missing(CONTROL, why));
    }
    double[] p = probe.stream().mapToDouble(WordShift::delta).toArray();
    double[] naiveControls = new double[Math.min(randomControls, pool.size())];
    for (int i = 0; i < naiveControls.length; i++) {
      naiveControls[i] = pool.get(random.nextInt(pool.size())).delta();
    }
    Interval naive = Bootstrap.meanDifference(p, naiveControls, boot, random.split());
    int[] probeRanks = probe.stream().mapToInt(ProbeShift::rank).toArray();
    int[] poolRanks = pool.stream().mapToInt(ProbeShift::rank).toArray();
    int[] match = FrequencyMatching.nearestRank(probeRanks, poolRanks, random.split());
    List<Double> matchedProbe = new ArrayList<>();
    List<Double> matchedControl = new ArrayList<>();
    for (int i = 0; i < match.length; i++) {
      if (match[i] >= 0) {
        matchedProbe.add(p[i]);
        matchedControl.add(pool.get(match[i]).delta());
      }
    }
    Measurement controlled;
    if (matchedProbe.size() < 2) {
      controlled = Measurement.missing(CONTROL, "fewer than 2 probe words found a frequency-matched control");
    } else {
      // matched pairs: the mean of the pairwise differences, resampled by pair
      double[] diff = new double[matchedProbe.size()];
      for (int i = 0; i < diff.length; i++) {
        diff[i] = matchedProbe.get(i) - matchedControl.get(i);
      }
      controlled = Measurement.controlled(Bootstrap.mean(diff, boot, random.split()), diff.length, CONTROL);
    }
    return new ProbeShift(probe.size(), Measurement.naive(naive, p.length), controlled);
  }

  private static int rank(WordShift w) {
    return (int) Math.round(Math.sqrt((double) Math.max(1, w.rankA()) * Math.max(1, w.rankB())));
  }
}
