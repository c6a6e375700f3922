package org.embdiff.compare;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.embdiff.io.SideSpec;
import org.embdiff.util.InvalidSetting;

/**
 * Everything a comparison run needs, validated on construction.
 *
 * @param a side A
 * @param b side B
 * @param analogies analogy file in {@code questions-words.txt} format, or null
 * @param pairs word-pair similarity files ({@code w1 w2 score})
 * @param lexicons labelled word lexicons for the transfer classifier
 * @param probeWords words to follow through shift, projection and attention (domain words)
 * @param seed seed of every randomised step
 * @param threads worker threads
 * @param topWords rows of the per-word tables shown in the HTML (CSV files have all rows)
 * @param analyses the settings of the analyses that have their own
 */
public record CompareSettings(SideSpec a, SideSpec b, Path analogies, List<Path> pairs, List<Path> lexicons,
    List<String> probeWords, long seed, int threads, int topWords, AnalysisSettings analyses) {
  /** The default probe words: the bundled list of words with a documented social-media sense (see ProbeShift). */
  public static final List<String> DEFAULT_PROBE_WORDS = org.embdiff.align.ProbeShift.defaultProbes();

  /** Validates and copies. */
  public CompareSettings {
    Objects.requireNonNull(a, "side A");
    Objects.requireNonNull(b, "side B");
    if (a.name().equals(b.name())) {
      throw new IllegalArgumentException("the two sides need different names, both are '" + a.name() + "'");
    }
    if (threads < 1) {
      throw new InvalidSetting("threads", Integer.toString(threads), "at least 1");
    }
    if (topWords < 1) {
      throw new InvalidSetting("top words", Integer.toString(topWords), "at least 1");
    }
    analyses = analyses == null ? AnalysisSettings.defaults() : analyses;
    pairs = List.copyOf(pairs == null ? List.of() : pairs);
    lexicons = List.copyOf(lexicons == null ? List.of() : lexicons);
    probeWords = List.copyOf(probeWords == null || probeWords.isEmpty() ? DEFAULT_PROBE_WORDS : probeWords);
  }

  /** Settings with the default analysis settings. */
  public CompareSettings(SideSpec a, SideSpec b, Path analogies, List<Path> pairs, List<Path> lexicons,
      List<String> probeWords, long seed, int threads, int topWords) {
    this(a, b, analogies, pairs, lexicons, probeWords, seed, threads, topWords, AnalysisSettings.defaults());
  }

  /** The same settings with other analysis settings. */
  public CompareSettings withAnalyses(AnalysisSettings settings) {
    return new CompareSettings(a, b, analogies, pairs, lexicons, probeWords, seed, threads, topWords, settings);
  }

  /** Every effective setting by name, for the report header. */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("side A", describe(a));
    m.put("side B", describe(b));
    m.put("analogies", analogies == null ? "none" : analogies.toString());
    m.put("pair sets", pairs.isEmpty() ? "none" : pairs.size() + " files");
    m.put("lexicons", lexicons.isEmpty() ? "none" : String.join(", ", lexicons.stream().map(p -> p.getFileName().toString()).toList()));
    m.put("probe words", String.join(" ", probeWords));
    m.put("seed", Long.toString(seed));
    m.put("threads", Integer.toString(threads));
    m.put("top words shown", Integer.toString(topWords));
    m.put("attention sentences per side", Integer.toString(analyses.attention().sentencesPerSide()));
    m.put("attention projections", Integer.toString(analyses.attention().probe().projectionSeeds()));
    m.put("transfer splits", Integer.toString(analyses.transfer().experiment().splits()));
    m.put("transfer map", analyses.transfer().map().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    m.put("claim margins", analyses.margins().overrides().isEmpty() ? "defaults" : "defaults, except "
        + analyses.margins().overrides().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(java.util.stream.Collectors.joining(", ")));
    return m;
  }

  private static String describe(SideSpec s) {
    StringBuilder sb = new StringBuilder(s.name()).append(':');
    if (s.hasVectors()) {
      sb.append(" vectors");
    }
    if (s.hasCorpus()) {
      sb.append(" corpus x").append(s.corpora().size());
    }
    if (s.hasFrequencies()) {
      sb.append(" freq");
    }
    return sb.toString();
  }
}
