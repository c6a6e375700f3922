package org.embdiff.compare.analyses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.embdiff.compare.Analysis;
import org.embdiff.compare.AnalysisContext;
import org.embdiff.compare.Input;
import org.embdiff.compare.Outcome;
import org.embdiff.compare.Requirement;
import org.embdiff.compare.Side;
import org.embdiff.stats.Counts;
import org.embdiff.vec.Vocabulary;

/**
 * Shared, A-only and B-only vocabulary of the two sides, for the vectors and for the counts, with
 * the most frequent examples of each (GloVe-Twitter pseudo-tokens such as {@code <user>} tagged).
 */
public final class VocabularyAnalysis implements Analysis<VocabularyAnalysis.Result> {
  private static final int EXAMPLES = 20;

  /**
   * Sizes of two vocabularies.
   *
   * @param sizeA words of A
   * @param sizeB words of B
   * @param shared words in both
   */
  public record Overlap(long sizeA, long sizeB, long shared) {
    /** Shared words over the smaller vocabulary. */
    public double shareOfSmaller() {
      return (double) shared / Math.max(1, Math.min(sizeA, sizeB));
    }
  }

  /**
   * The most frequent words of one group.
   *
   * @param input "vectors" or "counts"
   * @param group "shared", "wiki only", ...
   * @param words most frequent first, pseudo-tokens tagged
   */
  public record Examples(String input, String group, List<String> words) {}

  /**
   * One frequent shared word's ranks.
   *
   * @param word the word
   * @param rankA 1-based rank on A
   * @param rankB 1-based rank on B
   * @param log2RankRatio log2(rank B / rank A)
   */
  public record RankRow(String word, int rankA, int rankB, double log2RankRatio) {}

  /**
   * The result.
   *
   * @param sideA name of A
   * @param sideB name of B
   * @param vectors vector vocabularies, null unless both sides have vectors
   * @param counts counted vocabularies, null unless both sides have counts
   * @param examples examples per group
   * @param ranks the most frequent shared words (counts), empty without counts
   * @param countsSources where each side's counts come from
   */
  public record Result(String sideA, String sideB, Overlap vectors, Overlap counts, List<Examples> examples,
      List<RankRow> ranks, List<String> countsSources) {}

  @Override
  public String id() {
    return "vocabulary";
  }

  @Override
  public String title() {
    return "Shared vocabulary";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.anyOf("needs vectors on both sides or counts (corpus or frequency list) on both sides",
        Requirement.onBothSides(Input.VECTORS), Requirement.onBothSides(Input.COUNTS)));
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) {
    Side a = context.a();
    Side b = context.b();
    boolean vectors = a.hasVectors() && b.hasVectors();
    boolean counts = a.hasCounts() && b.hasCounts();
    List<Examples> examples = new ArrayList<>();
    Overlap v = null;
    Overlap c = null;
    if (vectors) {
      Vocabulary va = a.vectors().space().vocabulary();
      Vocabulary vb = b.vectors().space().vocabulary();
      v = overlap(va.words(), vb::contains, vb.size());
      examples.add(examples("vectors", "shared", va.words(), vb::contains));
      examples.add(examples("vectors", a.name() + " only", va.words(), w -> !vb.contains(w)));
      examples.add(examples("vectors", b.name() + " only", vb.words(), w -> !va.contains(w)));
    }
    List<RankRow> ranks = List.of();
    if (counts) {
      Counts ca = a.counts();
      Counts cb = b.counts();
      c = overlap(List.of(ca.words()), w -> cb.rank(w) >= 0, cb.size());
      examples.add(examples("counts", "shared", List.of(ca.words()), w -> cb.rank(w) >= 0));
      examples.add(examples("counts", a.name() + " only", List.of(ca.words()), w -> cb.rank(w) < 0));
      examples.add(examples("counts", b.name() + " only", List.of(cb.words()), w -> ca.rank(w) < 0));
      ranks = ranks(ca, cb, context.settings().topWords() * 4);
    }
    return Outcome.of(new Result(a.name(), b.name(), v, c, examples, ranks,
        Arrays.asList(a.countsSource(), b.countsSource())));
  }

  /** The most frequent shared words (by their better rank), with their rank on each side. */
  private static List<RankRow> ranks(Counts ca, Counts cb, int limit) {
    List<RankRow> rows = new ArrayList<>();
    int n = Math.max(ca.size(), cb.size());
    Set<String> seen = new HashSet<>();
    for (int r = 0; r < n && rows.size() < limit; r++) {
      for (Counts c : List.of(ca, cb)) {
        if (r < c.size() && rows.size() < limit) {
          String w = c.word(r);
          int ra = ca.rank(w);
          int rb = cb.rank(w);
          if (ra >= 0 && rb >= 0 && seen.add(w)) {
            rows.add(new RankRow(w, ra + 1, rb + 1, Math.log((rb + 1.0) / (ra + 1.0)) / Math.log(2)));
          }
        }
      }
    }
    return rows;
  }

  private static Overlap overlap(List<String> a, Predicate<String> inB, int sizeB) {
    return new Overlap(a.size(), sizeB, a.stream().filter(inB).count());
  }

  private static Examples examples(String input, String group, List<String> words, Predicate<String> keep) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (keep.test(w)) {
        out.add(isPseudoToken(w) ? w + " (pseudo-token)" : w);
        if (out.size() == EXAMPLES) {
          break;
        }
      }
    }
    return new Examples(input, group, out);
  }

  /** GloVe-Twitter pseudo-tokens: {@code <user>}, {@code <url>}, {@code <hashtag>}, ... */
  static boolean isPseudoToken(String w) {
    return w.length() > 2 && w.charAt(0) == '<' && w.charAt(w.length() - 1) == '>' && w.substring(1, w.length() - 1).matches("[a-z]+");
  }
}
