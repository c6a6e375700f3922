package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.embdiff.stats.Counts;
import org.embdiff.vec.Vocabulary;

/**
 * Shared, A-only and B-only vocabulary of the two sides, for the vectors and for the counts, with
 * the most frequent examples of each (GloVe-Twitter pseudo-tokens such as {@code <user>} tagged).
 */
final class VocabularyAnalysis implements Analysis {
  static final String ID = "vocabulary";
  static final String TITLE = "Shared vocabulary";
  private static final int EXAMPLES = 20;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return TITLE;
  }

  @Override
  public Section run(CompareContext context) {
    Side a = context.a();
    Side b = context.b();
    boolean vectors = a.hasVectors() && b.hasVectors();
    boolean counts = a.hasCounts() && b.hasCounts();
    if (!vectors && !counts) {
      return Section.skipped(ID, TITLE, "needs vectors on both sides or counts (corpus or frequency list) on both sides");
    }
    SectionView.Builder view = new SectionView.Builder(
        "Which words both sides know. Every comparison of vectors (alignment, shift, analogies) runs on the shared "
            + "vocabulary only, so a small overlap limits what can be compared. Examples are the most frequent words "
            + "of each group; tokens like <user> are GloVe-Twitter pseudo-tokens.");
    KeyTable.Builder sizes = new KeyTable.Builder("Sizes", List.of("vectors", "counts"));
    List<List<Object>> rows = new ArrayList<>();
    long[] v = vectors ? overlap(words(a.vectors().space().vocabulary()), b.vectors().space().vocabulary()::contains,
        b.vectors().space().size()) : null;
    long[] c = counts ? overlap(words(a.counts()), w -> b.counts().rank(w) >= 0, b.counts().size()) : null;
    sizes.row(a.name() + " words", null, cell(v, 0), cell(c, 0));
    sizes.row(b.name() + " words", null, cell(v, 1), cell(c, 1));
    sizes.row("shared", null, cell(v, 2), cell(c, 2));
    sizes.row("shared / smaller side", null, share(v), share(c));
    view.keyTable(sizes.build());
    if (vectors) {
      Vocabulary va = a.vectors().space().vocabulary();
      Vocabulary vb = b.vectors().space().vocabulary();
      rows.add(examples("vectors", "shared", words(va), vb::contains));
      rows.add(examples("vectors", a.name() + " only", words(va), w -> !vb.contains(w)));
      rows.add(examples("vectors", b.name() + " only", words(vb), w -> !va.contains(w)));
    }
    if (counts) {
      Counts ca = a.counts();
      Counts cb = b.counts();
      rows.add(examples("counts", "shared", words(ca), w -> cb.rank(w) >= 0));
      rows.add(examples("counts", a.name() + " only", words(ca), w -> cb.rank(w) < 0));
      rows.add(examples("counts", b.name() + " only", words(cb), w -> ca.rank(w) < 0));
    }
    view.table(new DataTable("vocabulary-examples", "Most frequent examples", List.of(
        new DataTable.Column("input", "input", "text"), new DataTable.Column("group", "group", "text"),
        new DataTable.Column("examples", "examples (most frequent first)", "list")), rows, false, null));
    if (counts) {
      view.table(rankTable(a, b, context.settings().topWords() * 4));
    }
    if (!vectors) {
      view.note("Vectors: not on both sides, so only the counted vocabularies are compared.");
    }
    if (!counts) {
      view.note("Counts: not on both sides (needs a corpus or a frequency list each), so only the vector vocabularies are compared.");
    }
    return Section.ok(ID, TITLE, view.build());
  }

  /**
   * The most frequent shared words (by their better rank), with their rank on each side and
   * log2(rank B / rank A): positive means relatively more frequent on side A.
   */
  private static DataTable rankTable(Side a, Side b, int limit) {
    Counts ca = a.counts();
    Counts cb = b.counts();
    List<List<Object>> rows = new ArrayList<>();
    int n = Math.max(ca.size(), cb.size());
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int r = 0; r < n && rows.size() < limit; r++) {
      for (Counts c : List.of(ca, cb)) {
        if (r < c.size() && rows.size() < limit) {
          String w = c.word(r);
          int ra = ca.rank(w);
          int rb = cb.rank(w);
          if (ra >= 0 && rb >= 0 && seen.add(w)) {
            rows.add(java.util.Arrays.asList(w, ra + 1, rb + 1, Math.log((rb + 1.0) / (ra + 1.0)) / Math.log(2)));
          }
        }
      }
    }
    return new DataTable("rank-comparison", "Frequency ranks of the most frequent shared words", List.of(
        new DataTable.Column("word", "word", "text"),
        new DataTable.Column("rank_a", "rank in " + a.name(), "number"),
        new DataTable.Column("rank_b", "rank in " + b.name(), "number"),
        new DataTable.Column("log2_rank_ratio", "log2(rank " + b.name() + " / rank " + a.name() + ")", "number")),
        rows, true, "Click a header to sort. Positive log ratio: relatively more frequent in " + a.name()
            + "; negative: in " + b.name() + ". Counts from each side's " + a.countsSource() + " / " + b.countsSource() + ".");
  }

  private static List<String> words(Vocabulary v) {
    return v.words();
  }

  private static List<String> words(Counts c) {
    return List.of(c.words());
  }

  private static long[] overlap(List<String> a, Predicate<String> inB, int sizeB) {
    long shared = a.stream().filter(inB).count();
    return new long[] {a.size(), sizeB, shared};
  }

  private static Cell cell(long[] values, int i) {
    return values == null ? Cell.text("n/a") : Cell.of(values[i]);
  }

  private static Cell share(long[] values) {
    return values == null ? Cell.text("n/a") : Cell.of((double) values[2] / Math.max(1, Math.min(values[0], values[1])));
  }

  private static List<Object> examples(String input, String group, List<String> words, Predicate<String> keep) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (keep.test(w)) {
        out.add(isPseudoToken(w) ? w + " (pseudo-token)" : w);
        if (out.size() == EXAMPLES) {
          break;
        }
      }
    }
    return List.of(input, group, out);
  }

  /** GloVe-Twitter pseudo-tokens: {@code <user>}, {@code <url>}, {@code <hashtag>}, ... */
  static boolean isPseudoToken(String w) {
    return w.length() > 2 && w.charAt(0) == '<' && w.charAt(w.length() - 1) == '>' && w.substring(1, w.length() - 1).matches("[a-z]+");
  }
}
