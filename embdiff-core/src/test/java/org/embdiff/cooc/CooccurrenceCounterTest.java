package org.embdiff.cooc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.embdiff.util.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CooccurrenceCounterTest {
  static final Path TWEETS = Path.of("..", "data", "corpora", "tweeteval-train-sample.txt.gz");
  static final long MB = 1 << 20;

  @TempDir static Path dir;
  static ByteVocabulary vocab;
  static CorpusVocabulary.Result counted;

  @BeforeAll
  static void countVocabulary() throws IOException {
    counted = CorpusVocabulary.count(List.of(TWEETS), 5, 0, 2, ProgressListener.NONE);
    vocab = counted.vocabulary();
  }

  @Test
  void vocabularyMatchesStanfordOrderAndTokenCount() throws IOException {
    // GloVe splits on space, tab and newline only: 541,322 tokens (wc -w, which also splits on
    // other whitespace such as U+00A0, counts the 541,395 of data/README.md)
    assertThat(counted.tokens()).isEqualTo(541_322L);
    for (int id = 2; id <= vocab.size(); id++) {
      assertThat(vocab.count(id)).isLessThanOrEqualTo(vocab.count(id - 1));
      if (vocab.count(id) == vocab.count(id - 1)) {
        byte[] a = vocab.word(id - 1).getBytes(StandardCharsets.UTF_8);
        byte[] b = vocab.word(id).getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.compareUnsigned(a, b)).isNegative();
      }
    }
    assertThat(vocab.count(vocab.size())).isGreaterThanOrEqualTo(5);
    Path v = dir.resolve("vocab.txt");
    vocab.write(v);
    ByteVocabulary back = ByteVocabulary.read(v);
    assertThat(back.words()).containsExactly(vocab.words());
    assertThat(back.counts()).containsExactly(vocab.counts());
  }

  @Test
  void equalsNaiveReferenceOnRealTweetsSymmetricAndLeft() throws IOException {
    for (boolean symmetric : new boolean[] {true, false}) {
      CooccurrenceOptions o = new CooccurrenceOptions(10, symmetric, true, 256 * MB, 2, dir);
      Path out = dir.resolve("x-" + symmetric + ".crec");
      CooccurrenceSummary s = new CooccurrenceCounter(vocab, o).count(List.of(TWEETS), out, ProgressListener.NONE);
      Long2DoubleOpenHashMap expected = naive(vocab, 10, symmetric, true);
      Long2DoubleOpenHashMap actual = readAll(out, true);
      assertThat(s.records()).isEqualTo(expected.size()).isEqualTo(actual.size());
      for (var e : expected.long2DoubleEntrySet()) {
        assertThat(actual.get(e.getLongKey())).isCloseTo(e.getDoubleValue(), within(1e-9 * e.getDoubleValue()));
      }
      // total weight: every in-vocabulary pair at distance d <= W on a line adds 1/d (twice when symmetric)
      assertThat(s.sum()).isCloseTo(totalWeight(vocab, 10) * (symmetric ? 2 : 1), within(1e-9 * s.sum()));
      assertThat(s.tokens()).isEqualTo(541_322L);
    }
  }

  @Test
  void symmetricMatrixIsSymmetric() throws IOException {
    CooccurrenceOptions o = new CooccurrenceOptions(5, true, true, 64 * MB, 2, dir);
    Path out = dir.resolve("sym.crec");
    new CooccurrenceCounter(vocab, o).count(List.of(TWEETS), out, ProgressListener.NONE);
    Long2DoubleOpenHashMap m = readAll(out, true);
    for (var e : m.long2DoubleEntrySet()) {
      long k = e.getLongKey();
      long t = ((k & 0xFFFFFFFFL) << 32) | (k >>> 32);
      assertThat(m.get(t)).isCloseTo(e.getDoubleValue(), within(1e-9 * e.getDoubleValue()));
    }
  }

  @Test
  void tinyMemorySpillsToDiskAndGivesTheSameMatrix() throws IOException {
    CooccurrenceOptions big = new CooccurrenceOptions(10, true, true, 256 * MB, 2, dir);
    CooccurrenceOptions tiny = big.withMemoryBytes(2 * MB).withThreads(3);
    Path a = dir.resolve("big.crec");
    Path b = dir.resolve("tiny.crec");
    CooccurrenceSummary sa = new CooccurrenceCounter(vocab, big).count(List.of(TWEETS), a, ProgressListener.NONE);
    CooccurrenceSummary sb = new CooccurrenceCounter(vocab, tiny).count(List.of(TWEETS), b, ProgressListener.NONE);
    assertThat(sb.spilledRuns()).isGreaterThan(10);
    assertThat(sa.spilledRuns()).isZero();
    assertThat(sb.records()).isEqualTo(sa.records());
    assertThat(sb.sum()).isCloseTo(sa.sum(), within(1e-9 * sa.sum()));
    // both sorted by (word, context) and record for record equal
    try (CrecReader ra = CrecReader.open(a); CrecReader rb = CrecReader.open(b)) {
      while (ra.next()) {
        assertThat(rb.next()).isTrue();
        assertThat(rb.word()).isEqualTo(ra.word());
        assertThat(rb.context()).isEqualTo(ra.context());
        assertThat(rb.value()).isCloseTo(ra.value(), within(1e-9 * ra.value()));
      }
      assertThat(rb.next()).isFalse();
    }
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith("embdiff-cooc-run-"))).isEmpty();
    }
  }

  @Test
  void outOfVocabularyTokensAreRemovedBeforeWindowsAndLinesAreBarriers() throws IOException {
    Path corpus = dir.resolve("tiny.txt");
    // "zz" is not in the vocabulary: like cooccur, it is dropped, so a and b become adjacent
    Files.writeString(corpus, "a zz b\r\nb\tc  a\n\nc", StandardCharsets.UTF_8);
    ByteVocabulary v = ByteVocabulary.ofOrdered(
        new byte[][] {"a".getBytes(), "b".getBytes(), "c".getBytes()}, new long[] {2, 2, 2});
    Path out = dir.resolve("tiny.crec");
    CooccurrenceSummary s = new CooccurrenceCounter(v, new CooccurrenceOptions(2, true, true, 4 * MB, 2, dir))
        .count(List.of(corpus), out, ProgressListener.NONE);
    Long2DoubleOpenHashMap m = readAll(out, false);
    // line 1: a b (d=1); line 2: b c a: (b,c)=1, (c,a)=1, (b,a)=1/2; line 4: c alone
    assertThat(m.get(key(1, 2))).isEqualTo(1.5);
    assertThat(m.get(key(2, 1))).isEqualTo(1.5);
    assertThat(m.get(key(2, 3))).isEqualTo(1.0);
    assertThat(m.get(key(3, 1))).isEqualTo(1.0);
    assertThat(m.get(key(1, 3))).isEqualTo(1.0);
    assertThat(s.records()).isEqualTo(6);
    assertThat(s.tokens()).isEqualTo(7);
    assertThat(s.vocabularyTokens()).isEqualTo(6);

    // left-only, flat: X[left][right] += 1
    new CooccurrenceCounter(v, new CooccurrenceOptions(2, false, false, 4 * MB, 1, dir))
        .count(List.of(corpus), out, ProgressListener.NONE);
    m = readAll(out, false);
    assertThat(m.get(key(1, 2))).isEqualTo(1.0);
    assertThat(m.get(key(2, 3))).isEqualTo(1.0);
    assertThat(m.get(key(2, 1))).isEqualTo(1.0);
    assertThat(m.get(key(3, 1))).isEqualTo(1.0);
    assertThat(m).hasSize(4);
  }

  @Test
  void lineTokenizerPathEqualsBytePath() throws IOException {
    CooccurrenceOptions o = new CooccurrenceOptions(10, true, true, 64 * MB, 2, dir);
    Path a = dir.resolve("bytes.crec");
    Path b = dir.resolve("strings.crec");
    CooccurrenceSummary sa = new CooccurrenceCounter(vocab, o).count(List.of(TWEETS), a, ProgressListener.NONE);
    CooccurrenceSummary sb = new CooccurrenceCounter(vocab, o).count(List.of(TWEETS),
        org.embdiff.text.WhitespaceTokenizer.INSTANCE, b, ProgressListener.NONE);
    assertThat(sb.records()).isEqualTo(sa.records());
    assertThat(sb.sum()).isCloseTo(sa.sum(), within(1e-9 * sa.sum()));
  }

  @Test
  void truncatedCrecIsRefusedWithTheFileAndOffset() throws IOException {
    Path f = dir.resolve("bad.crec");
    Files.write(f, new byte[40]);
    assertThatThrownBy(() -> CrecReader.open(f)).isInstanceOf(CrecFormatException.class)
        .hasMessageContaining("truncated").hasMessageContaining("bad.crec").hasMessageContaining("byte 32");
  }

  @Test
  void shuffleKeepsTheRecordsAndIsSeeded() throws IOException {
    Path x = dir.resolve("shuf-in.crec");
    new CooccurrenceCounter(vocab, new CooccurrenceOptions(3, true, true, 64 * MB, 2, dir))
        .count(List.of(TWEETS), x, ProgressListener.NONE);
    Path s1 = dir.resolve("s1.crec");
    Path s2 = dir.resolve("s2.crec");
    Path s3 = dir.resolve("s3.crec");
    long n = CrecShuffler.shuffle(x, s1, 1 * MB, 7, dir, ProgressListener.NONE); // several chunks
    CrecShuffler.shuffle(x, s2, 1 * MB, 7, dir, ProgressListener.NONE);
    CrecShuffler.shuffle(x, s3, 1L << 30, 7, dir, ProgressListener.NONE); // in memory
    assertThat(n).isEqualTo(CrecReader.recordCount(x)).isGreaterThan(100_000);
    assertThat(Files.readAllBytes(s1)).isEqualTo(Files.readAllBytes(s2));
    assertThat(readAll(s1, false)).isEqualTo(readAll(x, false));
    assertThat(readAll(s3, false)).isEqualTo(readAll(x, false));
    // really shuffled: the first records are not in (word, context) order
    try (CrecReader r = CrecReader.open(s1)) {
      int ascending = 0;
      long prev = -1;
      for (int i = 0; i < 1000 && r.next(); i++) {
        long k = key(r.word(), r.context());
        ascending += k > prev ? 1 : 0;
        prev = k;
      }
      assertThat(ascending).isBetween(300, 700);
    }
  }

  static long key(int w, int c) {
    return ((long) w << 32) | c;
  }

  static Long2DoubleOpenHashMap readAll(Path crec, boolean checkSorted) throws IOException {
    Long2DoubleOpenHashMap m = new Long2DoubleOpenHashMap();
    long prev = -1;
    try (CrecReader r = CrecReader.open(crec)) {
      while (r.next()) {
        long k = key(r.word(), r.context());
        if (checkSorted) {
          assertThat(k).isGreaterThan(prev);
        }
        prev = k;
        m.addTo(k, r.value());
      }
    }
    return m;
  }

  /** Lines of the bundled corpus as id lists (GloVe tokenization, OOV dropped). */
  static List<int[]> idLines(ByteVocabulary v) throws IOException {
    List<int[]> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(TWEETS)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(Arrays.stream(line.replace("\r", "").split("[ \t]+")).filter(t -> !t.isEmpty())
            .mapToInt(v::id).filter(id -> id > 0).toArray());
      }
    }
    return lines;
  }

  /** The obvious implementation of cooccur's definition. */
  static Long2DoubleOpenHashMap naive(ByteVocabulary v, int w, boolean symmetric, boolean weighted) throws IOException {
    Long2DoubleOpenHashMap m = new Long2DoubleOpenHashMap();
    for (int[] ids : idLines(v)) {
      for (int j = 0; j < ids.length; j++) {
        for (int k = j - 1; k >= Math.max(0, j - w); k--) {
          double x = weighted ? 1.0 / (j - k) : 1.0;
          m.addTo(key(ids[k], ids[j]), x);
          if (symmetric) {
            m.addTo(key(ids[j], ids[k]), x);
          }
        }
      }
    }
    return m;
  }

  /** sum over lines of sum_{d=1}^{min(W, n-1)} (n - d) / d. */
  static double totalWeight(ByteVocabulary v, int w) throws IOException {
    double s = 0;
    for (int[] ids : idLines(v)) {
      int n = ids.length;
      for (int d = 1; d <= Math.min(w, n - 1); d++) {
        s += (n - d) / (double) d;
      }
    }
    return s;
  }
}
