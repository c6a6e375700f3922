package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import org.embdiff.compare.analyses.VocabularyAnalysis;

/** The view of {@link VocabularyAnalysis.Result}. */
final class VocabularyView {
  private VocabularyView() {}

  static SectionView of(VocabularyAnalysis.Result r) {
    SectionView.Builder view = new SectionView.Builder(
        "Which words both sides know. Every comparison of vectors (alignment, shift, analogies) runs on the shared "
            + "vocabulary only, so a small overlap limits what can be compared. Examples are the most frequent words "
            + "of each group; tokens like <user> are GloVe-Twitter pseudo-tokens.");
    VocabularyAnalysis.Overlap v = r.vectors();
    VocabularyAnalysis.Overlap c = r.counts();
    view.keyTable(new KeyTable.Builder("Sizes", List.of("vectors", "counts"))
        .row(r.sideA() + " words", null, size(v, 0), size(c, 0))
        .row(r.sideB() + " words", null, size(v, 1), size(c, 1))
        .row("shared", null, size(v, 2), size(c, 2))
        .row("shared / smaller side", null, share(v), share(c))
        .build());
    List<List<Object>> rows = new ArrayList<>();
    for (VocabularyAnalysis.Examples e : r.examples()) {
      rows.add(List.of(e.input(), e.group(), e.words()));
    }
    view.table(new DataTable("vocabulary-examples", "Most frequent examples", List.of(
        new DataTable.Column("input", "input", "text"), new DataTable.Column("group", "group", "text"),
        new DataTable.Column("examples", "examples (most frequent first)", "list")), rows, false, null));
    if (c != null) {
      List<List<Object>> ranks = new ArrayList<>();
      for (VocabularyAnalysis.RankRow x : r.ranks()) {
        ranks.add(java.util.Arrays.asList(x.word(), x.rankA(), x.rankB(), x.log2RankRatio()));
      }
      view.table(new DataTable("rank-comparison", "Frequency ranks of the most frequent shared words", List.of(
          new DataTable.Column("word", "word", "text"),
          new DataTable.Column("rank_a", "rank in " + r.sideA(), "number"),
          new DataTable.Column("rank_b", "rank in " + r.sideB(), "number"),
          new DataTable.Column("log2_rank_ratio", "log2(rank " + r.sideB() + " / rank " + r.sideA() + ")", "number")),
          ranks, true, "Click a header to sort. Positive log ratio: relatively more frequent in " + r.sideA()
              + "; negative: in " + r.sideB() + ". Counts from each side's " + r.countsSources().get(0) + " / "
              + r.countsSources().get(1) + "."));
    }
    if (v == null) {
      view.note("Vectors: not on both sides, so only the counted vocabularies are compared.");
    }
    if (c == null) {
      view.note("Counts: not on both sides (needs a corpus or a frequency list each), so only the vector vocabularies are compared.");
    }
    return view.build();
  }

  private static Cell size(VocabularyAnalysis.Overlap o, int i) {
    if (o == null) {
      return Cell.text("n/a");
    }
    return Cell.of(i == 0 ? o.sizeA() : i == 1 ? o.sizeB() : o.shared());
  }

  private static Cell share(VocabularyAnalysis.Overlap o) {
    return o == null ? Cell.text("n/a") : Cell.of(o.shareOfSmaller());
  }
}
