package org.embdiff.align;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Frequency bands of the shift summaries: a word the list does not have is "not in list", not the rarest band. */
class ShiftBandsTest {
  @Test
  void unlistedWordsHaveTheirOwnBand() {
    var edges = ShiftSettings.DEFAULT_BANDS;
    assertThat(DomainShift.band(1, edges)).isEqualTo("1-1k");
    assertThat(DomainShift.band(100_000, edges)).isEqualTo("50001-100k");
    assertThat(DomainShift.band(100_001, edges)).isEqualTo(">100k");
    assertThat(DomainShift.band(SharedVocabulary.UNRANKED + 1, edges)).isEqualTo("not in list");
    // a frequency list that lacks "zebra": its rank is the unranked one, so its band says so
    SharedVocabulary shared = SharedVocabulary.of(
        new org.embdiff.vec.EmbeddingSpace(new org.embdiff.vec.Vocabulary(new String[] {"apple", "zebra"}), 1, new float[] {1, 2}),
        new org.embdiff.vec.EmbeddingSpace(new org.embdiff.vec.Vocabulary(new String[] {"zebra", "apple"}), 1, new float[] {3, 4}),
        w -> w.equals("apple") ? 0 : -1, w -> 0, WordTags.english());
    int zebra = shared.word(0).equals("zebra") ? 0 : 1;
    assertThat(DomainShift.band(shared.rankA(zebra) + 1, edges)).isEqualTo("not in list");
  }
}
