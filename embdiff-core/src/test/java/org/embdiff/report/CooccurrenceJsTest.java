package org.embdiff.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimInputs;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.ClaimsBuilder;
import org.embdiff.claims.SideEstimate;
import org.embdiff.claims.Verdict;
import org.embdiff.stats.Counts;
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
    Counts wiki = SideLoader.countCorpora(List.of(WIKI), wikiTok, 1).counts();
    Counts tweets = SideLoader.countCorpora(List.of(TWEETS), tweetTok, 1).counts();
    CooccurrenceJs js = CooccurrenceJs.compute(List.of(WIKI), wikiTok, wiki, List.of(TWEETS), tweetTok, tweets,
        CooccurrenceAnalysis.MIN_COUNT, CooccurrenceAnalysis.MAX_WORDS, 1);
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
    Claim claim = new ClaimsBuilder(ClaimSettings.defaults(1)).build(ClaimInputs.builder("wiki", "twitter")
        .cooccurrenceJs(between, nullLevel).build()).stream()
        .filter(c -> c.id().equals("cooccurrence.js.differs")).findFirst().orElseThrow();
    assertThat(claim.verdict()).isEqualTo(Verdict.SUPPORTED);
  }
}
