package org.embdiff.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.embdiff.io.CompressedInput;

/**
 * A labelled word list for one classification task: word -> class label. Words with conflicting
 * labels in the source are dropped (and counted).
 *
 * @param task task id ("bing-liu", "afinn-sign", "wordnet-supersense")
 * @param source the file it was read from
 * @param labels word -> label, in file order
 * @param conflictsDropped words dropped because the source gave them two labels
 */
public record Lexicon(String task, String source, Map<String, String> labels, int conflictsDropped) {
  /** Copies the map (keeping its order). */
  public Lexicon {
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** Reads {@code file} in the format its content shows ({@link LexiconFormat#detect}). */
  public static Lexicon read(Path file) throws IOException {
    return read(file, LexiconFormat.detect(file));
  }

  /** Reads {@code file} in {@code format}. */
  public static Lexicon read(Path file, LexiconFormat format) throws IOException {
    return switch (format) {
      case BING_LIU -> bingLiu(file);
      case AFINN_SIGN -> afinnSign(file);
      case WORDNET_SUPERSENSE -> wordnetSupersense(file);
    };
  }

  /**
   * The Bing Liu opinion lexicon (Hu &amp; Liu 2004) as {@code word<TAB>positive|negative}.
   *
   * @throws LexiconFormatException on a malformed line (file:line)
   */
  public static Lexicon bingLiu(Path file) throws IOException {
    return read("bing-liu", file, (fields, line) -> {
      String label = fields[1].strip().toLowerCase(Locale.ROOT);
      if (!label.equals("positive") && !label.equals("negative")) {
        throw new LexiconFormatException("expected 'positive' or 'negative', got '" + fields[1] + "'", file, line);
      }
      return label;
    });
  }

  /**
   * AFINN-165 valences ({@code word<TAB>-5..5}) reduced to their sign; valence 0 is dropped
   * (Nielsen 2011).
   */
  public static Lexicon afinnSign(Path file) throws IOException {
    return read("afinn-sign", file, (fields, line) -> {
      int valence;
      try {
        valence = Integer.parseInt(fields[1].strip());
      } catch (NumberFormatException e) {
        throw new LexiconFormatException("valence '" + fields[1] + "' is not an integer", file, line);
      }
      return valence > 0 ? "positive" : valence < 0 ? "negative" : null;
    });
  }

  /**
   * The WordNet 3.0 supersense (lexicographer file) of a lemma's first sense, from
   * {@code lemma<TAB>pos<TAB>first-sense lexname<TAB>all lexnames<TAB>n_senses}. A lemma listed
   * under several parts of speech takes the part of speech with the most senses (the first listed
   * on a tie: n, v, a, r), since WordNet orders senses within a part of speech only.
   */
  public static Lexicon wordnetSupersense(Path file) throws IOException {
    Map<String, String> best = new LinkedHashMap<>();
    Map<String, Integer> bestSenses = new java.util.HashMap<>();
    try (BufferedReader in = reader(file)) {
      String text;
      int line = 0;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        String[] f = text.split("\t");
        if (f.length < 5) {
          throw new LexiconFormatException("expected 5 tab-separated fields, got " + f.length, file, line);
        }
        int senses;
        try {
          senses = Integer.parseInt(f[4].strip());
        } catch (NumberFormatException e) {
          throw new LexiconFormatException("sense count '" + f[4] + "' is not an integer", file, line);
        }
        String lemma = f[0].strip().toLowerCase(Locale.ROOT);
        Integer previous = bestSenses.get(lemma);
        if (previous == null || senses > previous) {
          best.put(lemma, f[2].strip());
          bestSenses.put(lemma, senses);
        }
      }
    }
    return new Lexicon("wordnet-supersense", file.toString(), best, 0);
  }

  /** The labelled words that {@code keep} accepts, in this lexicon's order. */
  public Lexicon restrictTo(java.util.function.Predicate<String> keep) {
    Map<String, String> out = new LinkedHashMap<>();
    labels.forEach((w, l) -> {
      if (keep.test(w)) {
        out.put(w, l);
      }
    });
    return new Lexicon(task, source, out, conflictsDropped);
  }

  /** Drops classes with fewer than {@code minWords} words. */
  public Lexicon withMinClassSize(int minWords) {
    Map<String, Integer> sizes = new java.util.HashMap<>();
    labels.values().forEach(l -> sizes.merge(l, 1, Integer::sum));
    return restrictTo(w -> sizes.get(labels.get(w)) >= minWords);
  }

  /** The distinct labels, sorted. */
  public List<String> classes() {
    return labels.values().stream().distinct().sorted().toList();
  }

  @FunctionalInterface
  private interface LabelParser {
    String label(String[] fields, int line) throws LexiconFormatException;
  }

  private static Lexicon read(String task, Path file, LabelParser parser) throws IOException {
    Map<String, String> labels = new LinkedHashMap<>();
    Set<String> conflicts = new HashSet<>();
    try (BufferedReader in = reader(file)) {
      String text;
      int line = 0;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.isBlank() || text.startsWith("#") || text.startsWith(";")) {
          continue;
        }
        String[] fields = text.split("\t");
        if (fields.length < 2) {
          throw new LexiconFormatException("expected 'word<TAB>label', got '" + text + "'", file, line);
        }
        String label = parser.label(fields, line);
        if (label == null) {
          continue;
        }
        String word = fields[0].strip().toLowerCase(Locale.ROOT);
        String old = labels.putIfAbsent(word, label);
        if (old != null && !old.equals(label)) {
          conflicts.add(word);
        }
      }
    }
    List<String> drop = new ArrayList<>(conflicts);
    drop.forEach(labels::remove);
    return new Lexicon(task, file.toString(), labels, drop.size());
  }

  private static BufferedReader reader(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(CompressedInput.open(file).stream(), StandardCharsets.UTF_8));
  }
}
