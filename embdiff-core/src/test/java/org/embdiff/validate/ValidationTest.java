package org.embdiff.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.embdiff.testing.BundledData;
import org.embdiff.train.TokenCorpus;
import org.embdiff.util.ProgressListener;
import org.junit.jupiter.api.Test;

class ValidationTest {
  @Test
  void injectionReplacesTheGradedShareOfEachDonor() throws IOException {
    TokenCorpus wiki = TokenCorpus.read(List.of(BundledData.path("corpora/enwiki-gensim-sample.plain.txt.gz")), 5, 2,
        ProgressListener.NONE);
    InjectedChange inj = InjectedChange.inject(wiki, InjectedChange.LEVELS, 3, 20, 100, 5, 5);
    assertThat(inj.targets()).hasSize(33);
    assertThat(inj.touched()).hasSize(66);
    TokenCorpus b = inj.changed();
    // the same tokens, less those of donors that fell under the min-count
    assertThat(b.rawTokens()).isEqualTo(wiki.size());
    for (var e : inj.donors().entrySet()) {
      String target = e.getKey(), donor = e.getValue();
      double p = inj.targets().get(target);
      long before = count(wiki, donor), moved = count(b, target) - count(wiki, target);
      if (count(b, donor) > 0) {
        assertThat(count(b, donor) + moved).isEqualTo(before);
      }
      if (p == 0) {
        assertThat(moved).isZero();
      }
      if (p == 1) {
        assertThat(moved).isEqualTo(before);
      }
      // a binomial share: within 4 standard deviations of p
      double sd = Math.sqrt(before * p * (1 - p));
      assertThat((double) moved).isBetween(before * p - 4 * sd - 1e-9, before * p + 4 * sd + 1e-9);
    }
  }

  private static long count(TokenCorpus c, String w) {
    for (int id = 0; id < c.vocabularySize(); id++) {
      if (c.word(id).equals(w)) {
        return c.count(id);
      }
    }
    return 0;
  }
}
