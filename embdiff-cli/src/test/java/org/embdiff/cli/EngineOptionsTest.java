package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** --engine without the Spark module on the class path, and the option checks (black box). */
class EngineOptionsTest {
  static final String TWEETS = "../data/corpora/tweeteval-train-sample.txt.gz";

  @Test
  void sparkEngineMissingFromTheClassPathIsOneLineWithTheWayToGetIt() {
    for (String cmd : new String[] {"vocab", "cooccur"}) {
      CliRun r = cmd.equals("vocab") ? CliRun.of("vocab", "--engine", "spark", TWEETS)
          : CliRun.of("cooccur", "--engine", "spark", TWEETS, "-o", "x.crec");
      assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err().strip().lines()).hasSize(1);
      assertThat(r.err()).contains("not on the class path").contains("./embdiff").contains("spark-submit");
    }
  }

  @Test
  void unknownEngineAndMasterWithoutSparkAreRefused() {
    CliRun bogus = CliRun.of("vocab", "--engine", "flink", TWEETS);
    assertThat(bogus.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bogus.err()).contains("--engine must be local or spark, got 'flink'");
    CliRun master = CliRun.of("vocab", "--master", "local[2]", TWEETS);
    assertThat(master.err()).contains("--master needs --engine spark");
    CliRun uri = CliRun.of("vocab", "hdfs://namenode:8020/corpus.txt");
    assertThat(uri.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(uri.err()).contains("read it with --engine spark");
  }

  @Test
  void urisAreToldFromLocalPaths() {
    assertThat(EngineOptions.isUri("hdfs://nn:8020/a/b.txt")).isTrue();
    assertThat(EngineOptions.isUri("file:///tmp/a.txt")).isTrue();
    assertThat(EngineOptions.isUri("s3a://bucket/x")).isTrue();
    assertThat(EngineOptions.isUri("data/corpora/x.txt.gz")).isFalse();
    assertThat(EngineOptions.isUri("/abs/path:with:colons")).isFalse();
    assertThat(CooccurCommand.defaultVocabPath("hdfs://nn/out/tweets.crec/").toString()).isEqualTo("tweets.vocab.txt");
    assertThat(CooccurCommand.defaultVocabPath("/tmp/x/tweets.crec").toString()).isEqualTo("/tmp/x/tweets.vocab.txt");
  }
}
