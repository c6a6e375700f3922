package org.embdiff.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.embdiff.inference.Decision;
import org.embdiff.inference.Direction;
import org.embdiff.inference.Measurement;
import org.embdiff.inference.Verdict;
import org.embdiff.io.VectorReader;
import org.embdiff.testing.BundledData;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransferExperimentTest {
  static EmbeddingSpace wiki;
  static EmbeddingSpace twitter;
  static Lexicon bingLiu;

  @BeforeAll
  static void load() throws Exception {
    wiki = VectorReader.load(BundledData.path("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz")).space();
    twitter = VectorReader.load(BundledData.path("embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz")).space();
    bingLiu = Lexicon.bingLiu(BundledData.path("lexicons/bing-liu-opinion-lexicon.tsv"));
  }

  @Test
  void bingLiuPolarityIsLearnedFromWikiVectorsAndTransfersWorse() throws Exception {
    DomainDivergence divergence = new DomainDivergence(
        FrequencyLists.read(BundledData.path("freq/enwiki_vocab_min200.top60k.txt.gz")),
        FrequencyLists.read(BundledData.path("freq/twitter-ark-wordfreq.top60k.tsv.gz")), 0.5);
    TransferResult result = new TransferExperiment(TransferSettings.defaults(42), LeastSquaresMap.fitter())
        .run("wiki", wiki, "twitter", twitter, List.of(bingLiu), divergence, ProgressListener.NONE);
    TransferResult.Task task = result.tasks().get(0);
    TransferResult.Direction wikiToTwitter = task.directions().get(0);
    assertThat(task.words()).isEqualTo(1108);
    assertThat(wikiToTwitter.inDomain().accuracy().estimate()).isGreaterThanOrEqualTo(0.80);
    assertThat(wikiToTwitter.inDomain().accuracy().estimate()).isGreaterThan(wikiToTwitter.majority().accuracy().upper());
    assertThat(wikiToTwitter.crossDomain().logLoss().estimate()).isGreaterThan(wikiToTwitter.inDomain().logLoss().estimate());
    assertThat(result.divergence().jsBits()).isBetween(0.05, 1.0);
    assertThat(result.divergence().klAB()).isPositive();
  }

  @Test
  void theLossIncreaseVerdictIsTheSameForFiveSplitSeeds() {
    // repeated 5-fold cross-validation with the Nadeau-Bengio correction: the split seed must not decide
    java.util.Set<Verdict> verdicts = new java.util.HashSet<>();
    List<Object> intervals = new java.util.ArrayList<>();
    for (long seed = 1; seed <= 5; seed++) {
      TransferResult result = new TransferExperiment(TransferSettings.defaults(seed), LeastSquaresMap.fitter())
          .run("wiki", wiki, "twitter", twitter, List.of(bingLiu), null, ProgressListener.NONE);
      TransferResult.Direction wikiToTwitter = result.tasks().get(0).directions().get(0);
      assertThat(wikiToTwitter.lossIncrease().method()).contains("Nadeau-Bengio");
      intervals.add(wikiToTwitter.lossIncrease());
      verdicts.add(Decision.decide(Direction.GREATER, TransferExperiment.LOSS_MARGIN_NATS, 2,
          Measurement.naive(wikiToTwitter.lossIncrease(), wikiToTwitter.splits().size()), null, Double.NaN, 0.05)
          .verdict());
    }
    assertThat(verdicts).as(intervals.toString()).hasSize(1);
  }

  @Test
  void crossDomainEvaluationOfASpaceAgainstItselfEqualsInDomain() {
    TransferSettings settings = new TransferSettings(3, 0.2, 1.0, 0.01, 100, 5, 200, 0.95, 0.5, 7);
    TransferResult result = new TransferExperiment(settings, LeastSquaresMap.fitter())
        .run("wiki", wiki, "wiki-again", wiki, List.of(bingLiu), null, ProgressListener.NONE);
    for (TransferResult.Direction d : result.tasks().get(0).directions()) {
      for (TransferResult.Split s : d.splits()) {
        assertThat(s.crossDomain().accuracy()).isEqualTo(s.inDomain().accuracy());
        assertThat(s.crossDomain().macroF1()).isEqualTo(s.inDomain().macroF1());
        assertThat(s.crossDomain().logLoss()).isCloseTo(s.inDomain().logLoss(), within(1e-4));
      }
    }
  }
}
