package org.embdiff.cooc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.SideEstimate;
import org.embdiff.claims.Verdict;
import org.embdiff.stats.CorpusCounter;
import org.embdiff.stats.Counts;
import org.embdiff.util.ProgressListener;
import org.embdiff.text.Tokenizer;
import org.embdiff.text.Tokenizers;
import org.junit.jupiter.api.Test;

class CooccurrenceJsTest {
  static final Path WIKI = Path.of("..", "data", "corpora", "enwiki-gensim-sample.plain.txt.gz");
  static final Path TWEETS = Path.of("..", "data", "corpora", "tweeteval-train-sample.txt.gz");

  @Test
  void betweenDomainJsOfTheBundledCorporaExceedsTheSplitHalfNull() throws Exception {
    Tokenizer wikiTok = Tokenizers.byName("wiki");
    Tokenizer tweetTok = Tokenizers.byName("twitter+glove");
    Counts wiki = count(WIKI, wikiTok);
    Counts tweets = count(TWEETS, tweetTok);
    CooccurrenceJs js = CooccurrenceJs.compute(List.of(WIKI), wikiTok, wiki, List.of(TWEETS), tweetTok, tweets,
        5, 10_000, 1);
    // wiki vs tweets, window 10: about 0.46 bits between the whole corpora, 0.49 between half-corpora,
    // and 0.16-0.17 bits between two halves of the same corpus
    assertThat(js.sharedWords()).isBetween(3000, 4500);
    assertThat(js.full()).isBetween(0.35, 0.6);
    for (int s = 0; s < CooccurrenceJs.SPLITS; s++) {
      assertThat(js.nullA()[s]).isBetween(0.1, 0.25);
      assertThat(js.nullB()[s]).isBetween(0.1, 0.25);
      assertThat(js.between()[s]).isBetween(0.35, 0.6).isGreaterThan(2 * Math.max(js.nullA()[s], js.nullB()[s]));
    }
    SideEstimate between = js.betweenEstimate();
    SideEstimate nullLevel = js.nullEstimate();
    assertThat(between.lo()).isGreaterThan(nullLevel.hi());
    Claim claim = new ClaimRules(ClaimSettings.defaults(1), "wiki", "twitter").aboveNull("cooccurrence.js.differs",
        "X_wiki != X_twitter", between, nullLevel, "co-occurrence counts", null);
    assertThat(claim.verdict()).isEqualTo(Verdict.SUPPORTED);
  }

  private static Counts count(Path corpus, Tokenizer tokenizer) throws Exception {
    return new CorpusCounter(CorpusCounter.Options.defaults().withTokenizer(tokenizer).withThreads(1))
        .countDetailed(List.of(corpus), ProgressListener.NONE).counts();
  }
}
