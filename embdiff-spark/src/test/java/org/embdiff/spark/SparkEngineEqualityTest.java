package org.embdiff.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.embdiff.cooc.ByteVocabulary;
import org.embdiff.cooc.CooccurrenceCounter;
import org.embdiff.cooc.CooccurrenceOptions;
import org.embdiff.cooc.CooccurrenceSummary;
import org.embdiff.cooc.CorpusVocabulary;
import org.embdiff.cooc.CountingEngine;
import org.embdiff.cooc.CountingEngines;
import org.embdiff.cooc.EngineSettings;
import org.embdiff.io.CompressedInput;
import org.embdiff.stats.CorpusCounter;
import org.embdiff.text.Tokenizers;
import org.embdiff.util.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine in local[2] against the local engine on the bundled corpora: identical word
 * counts and vocab.txt (counts, order, ties), identical CREC records after sorting, plain files read
 * in several Hadoop splits equal to the compressed file read whole.
 */
class SparkEngineEqualityTest {
  static final Path WIKI = Path.of("..", "data", "corpora", "enwiki-gensim-sample.plain.txt.gz");
  static final Path TWEETS = Path.of("..", "data", "corpora", "tweeteval-train-sample.txt.gz");

  @TempDir static Path dir;
  static CountingEngine spark;
  static Path wikiPlain;

  @BeforeAll
  static void start() throws IOException {
    // small splits, so the plain copy is read by several tasks and lines cross split boundaries
    spark = CountingEngines.open("spark", new EngineSettings("local[2]", 3,
        Map.of("spark.hadoop.mapreduce.input.fileinputformat.split.maxsize", String.valueOf(512 << 10))));
    wikiPlain = dir.resolve("wiki.txt");
    try (InputStream in = CompressedInput.open(WIKI).stream()) {
      Files.copy(in, wikiPlain);
    }
  }

  @AfterAll
  static void stop() {
    spark.close();
  }

  static String uri(Path p) {
    return p.toAbsolutePath().toUri().toString();
  }

  @Test
  void wordCountsEqualTheLocalCounterForEveryTokenizer() throws IOException {
    record Case(Path corpus, String sparkInput, String tokenizer, long minCount) {}
    for (Case c : List.of(new Case(WIKI, uri(WIKI), "whitespace", 1), new Case(WIKI, uri(wikiPlain), "whitespace", 3),
        new Case(TWEETS, uri(TWEETS), "twitter", 2))) {
      CorpusCounter.Result local = new CorpusCounter(new CorpusCounter.Options(Tokenizers.byName(c.tokenizer()),
          c.minCount(), 0, 2, 0)).countDetailed(List.of(c.corpus()), ProgressListener.NONE);
      CorpusCounter.Result distributed = spark.countWords(List.of(c.sparkInput()), c.tokenizer(), c.minCount(), 0);
      assertThat(distributed.counts().words()).as(c.toString()).containsExactly(local.counts().words());
      assertThat(distributed.counts().counts()).as(c.toString()).containsExactly(local.counts().counts());
      assertThat(distributed.counts().totalTokens()).isEqualTo(local.counts().totalTokens());
      assertThat(distributed.counts().truncated()).isEqualTo(local.counts().truncated());
      assertThat(distributed.lines()).isEqualTo(local.lines());
      assertThat(distributed.bytes()).isEqualTo(local.bytes());
    }
  }

  @Test
  void gloveVocabularyIsByteIdenticalIncludingTies() throws IOException {
    for (String input : List.of(uri(TWEETS), uri(wikiPlain))) {
      Path corpus = input.equals(uri(TWEETS)) ? TWEETS : wikiPlain;
      CorpusVocabulary.Result local = CorpusVocabulary.count(List.of(corpus), 5, 0, 2, ProgressListener.NONE);
      CorpusVocabulary.Result distributed = spark.countVocabulary(List.of(input), null, 5, 0);
      assertThat(bytesOf(distributed.vocabulary())).isEqualTo(bytesOf(local.vocabulary()));
      assertThat(distributed.tokens()).isEqualTo(local.tokens());
      assertThat(distributed.types()).isEqualTo(local.types());
    }
    CorpusVocabulary.Result capped = spark.countVocabulary(List.of(uri(TWEETS)), null, 1, 1000);
    assertThat(bytesOf(capped.vocabulary()))
        .isEqualTo(bytesOf(CorpusVocabulary.count(List.of(TWEETS), 1, 1000, 2, ProgressListener.NONE).vocabulary()));
  }

  @Test
  void awkwardBytesFollowTheSameRules() throws IOException {
    // CRLF, a CR inside a word, tabs, blank lines, invalid UTF-8, a 1,200-byte token cut inside a
    // UTF-8 sequence, and no newline at the end
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("a b\r\nb\ra c\t\ta\n\n\nc a b \u00e9 \u00e9\n".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(new byte[] {'x', (byte) 0xff, 'y', ' ', 'a', '\n'});
    b.writeBytes(("z".repeat(997) + "\u00e9\u00e9" + "q".repeat(200) + " a b").getBytes(StandardCharsets.UTF_8));
    Path odd = dir.resolve("odd.txt");
    Files.write(odd, b.toByteArray());
    CorpusVocabulary.Result local = CorpusVocabulary.count(List.of(odd), 1, 0, 1, ProgressListener.NONE);
    CorpusVocabulary.Result distributed = spark.countVocabulary(List.of(uri(odd)), null, 1, 0);
    assertThat(bytesOf(distributed.vocabulary())).isEqualTo(bytesOf(local.vocabulary()));
    assertThat(local.vocabulary().id("b\ra")).isZero();
    assertThat(local.vocabulary().id("ba")).isPositive();
    CorpusCounter.Result words = new CorpusCounter(new CorpusCounter.Options(Tokenizers.byName("whitespace"), 1, 0, 1,
        0)).countDetailed(List.of(odd), ProgressListener.NONE);
    CorpusCounter.Result sparkWords = spark.countWords(List.of(uri(odd)), "whitespace", 1, 0);
    assertThat(sparkWords.counts().words()).containsExactly(words.counts().words());
    assertThat(sparkWords.counts().counts()).containsExactly(words.counts().counts());
    assertThat(sparkWords.lines()).isEqualTo(words.lines()).isEqualTo(7);
    CrecPair both = cooccurBoth(List.of(odd), List.of(uri(odd)), local.vocabulary(),
        CooccurrenceOptions.defaults().withWindow(3).withThreads(2), "odd");
    assertThat(both.spark()).isEqualTo(both.local());
  }

  @Test
  void cooccurrenceRecordsEqualTheLocalEngine() throws IOException {
    ByteVocabulary wiki = CorpusVocabulary.count(List.of(WIKI), 5, 0, 2, ProgressListener.NONE).vocabulary();
    ByteVocabulary tweets = CorpusVocabulary.count(List.of(TWEETS), 5, 0, 2, ProgressListener.NONE).vocabulary();
    CooccurrenceOptions options = CooccurrenceOptions.defaults().withThreads(2).withMemoryBytes(64L << 20);
    // without distance weighting every value is an integer count: bit-equal whatever the order
    CrecPair flat = cooccurBoth(List.of(WIKI), List.of(uri(wikiPlain)), wiki,
        options.withWindow(5).withDistanceWeighting(false), "flat");
    assertThat(flat.spark()).isEqualTo(flat.local());
    assertEqualRecords(cooccurBoth(List.of(WIKI), List.of(uri(WIKI)), wiki, options, "wiki"), 10);
    assertEqualRecords(cooccurBoth(List.of(TWEETS), List.of(uri(TWEETS)), tweets,
        options.withWindow(5).withSymmetric(false), "left"), 5);
  }

  /**
   * Same pairs in the same order; values: the local engine sums doubles in corpus order, Spark
   * rounds the exact sum once, so they agree to within n * 2^-53 * X for a sum of n terms
   * (n <= window * X, every term being at least 1/window), and most are bit-equal.
   */
  static void assertEqualRecords(CrecPair p, int window) {
    ByteBuffer a = ByteBuffer.wrap(p.local()).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer b = ByteBuffer.wrap(p.spark()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(p.spark().length).isEqualTo(p.local().length);
    long records = p.local().length / 16;
    long bitEqual = 0;
    double worst = 0;
    for (long r = 0; r < records; r++) {
      assertThat(b.getInt()).isEqualTo(a.getInt());
      assertThat(b.getInt()).isEqualTo(a.getInt());
      double x = a.getDouble();
      double y = b.getDouble();
      if (Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y)) {
        bitEqual++;
      } else {
        double terms = Math.ceil(window * y);
        assertThat(Math.abs(x - y)).isLessThanOrEqualTo(terms * Math.ulp(y));
        worst = Math.max(worst, Math.abs(x - y) / y);
      }
    }
    assertThat(bitEqual).isGreaterThan(records * 9 / 10);
    System.out.printf("window %d: %,d records, %,d bit-equal, largest relative difference %.2e%n", window, records,
        bitEqual, worst);
  }

  record CrecPair(byte[] local, byte[] spark, CooccurrenceSummary localSummary, CooccurrenceSummary sparkSummary) {}

  static CrecPair cooccurBoth(List<Path> local, List<String> sparkInput, ByteVocabulary vocab, CooccurrenceOptions o,
      String name) throws IOException {
    Path a = dir.resolve(name + "-local.crec");
    Path b = dir.resolve(name + "-spark.crec");
    CooccurrenceSummary sa = new CooccurrenceCounter(vocab, o).count(local, a, ProgressListener.NONE);
    CooccurrenceSummary sb = spark.cooccur(sparkInput, null, vocab, o, b.toString());
    assertThat(sb.records()).isEqualTo(sa.records());
    assertThat(sb.tokens()).isEqualTo(sa.tokens());
    assertThat(sb.vocabularyTokens()).isEqualTo(sa.vocabularyTokens());
    return new CrecPair(Files.readAllBytes(a), Files.readAllBytes(b), sa, sb);
  }

  static byte[] bytesOf(ByteVocabulary v) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    v.writeTo(out);
    return out.toByteArray();
  }
}
