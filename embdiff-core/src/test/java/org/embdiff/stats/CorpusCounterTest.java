package org.embdiff.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.embdiff.testing.SharedData;
import org.embdiff.text.Tokenizer;
import org.embdiff.text.WhitespaceTokenizer;
import org.embdiff.util.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusCounterTest {
  @TempDir
  Path dir;

  private static Counts reference(String text, Tokenizer tok) {
    CountsBuilder b = new CountsBuilder();
    for (String line : text.split("\n")) {
      tok.tokenize(line, b::add);
    }
    return b.build(1, 0);
  }

  private static void assertSame(Counts a, Counts b) {
    assertThat(a.words()).containsExactly(b.words());
    assertThat(a.counts()).containsExactly(b.counts());
    assertThat(a.totalTokens()).isEqualTo(b.totalTokens());
  }

  /** Random text over a Zipf-ish vocabulary with UTF-8, tabs and CRLF, large enough for many blocks. */
  private static String randomText(long seed, int lines) {
    Random r = new Random(seed);
    String[] vocab = {"the", "café", "naïve", "😂", "#tag", "@user", "x", "Ünïcode", "a\u00a0b", "word"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      int n = r.nextInt(30);
      for (int j = 0; j < n; j++) {
        sb.append(j == 0 ? "" : r.nextInt(5) == 0 ? "\t " : " ");
        int k = (int) Math.min(vocab.length - 1, Math.abs(r.nextGaussian() * 3));
        sb.append(vocab[k]);
        if (r.nextInt(7) == 0) {
          sb.append(r.nextInt(5000));
        }
      }
      sb.append(r.nextInt(9) == 0 ? "\r\n" : "\n");
    }
    return sb.toString();
  }

  @Test
  void byteCountingEqualsStringCountingOnePlainAndOneGzippedFile() throws IOException {
    String text = randomText(1, 60_000);
    Path plain = dir.resolve("a.txt");
    Files.writeString(plain, text);
    Path gz = dir.resolve("b.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    Counts ref = reference(text + text, WhitespaceTokenizer.INSTANCE);
    AtomicLong bytes = new AtomicLong();
    ProgressListener p = new ProgressListener() {
      @Override
      public void start(String task, long total, String unit) {
        assertThat(unit).isEqualTo("B");
      }

      @Override
      public void advance(long delta) {
        bytes.addAndGet(delta);
      }

      @Override
      public void finish() {}
    };
    for (int threads : new int[] {1, 2, 3}) {
      bytes.set(0);
      CorpusCounter.Result r = new CorpusCounter(CorpusCounter.Options.defaults().withThreads(threads))
          .countDetailed(List.of(plain, gz), p);
      assertSame(r.counts(), ref);
      assertThat(r.lines()).isEqualTo(120_000);
      assertThat(r.counts().truncated()).isFalse();
      assertThat(bytes.get()).isEqualTo(Files.size(plain) + Files.size(gz));
    }
  }

  @Test
  void lineTokenizerPathEqualsReference() throws IOException {
    String text = randomText(2, 30_000);
    Path plain = dir.resolve("a.txt");
    Files.writeString(plain, text);
    Tokenizer lower = new Tokenizer() {
      @Override
      public String name() {
        return "lower";
      }

      @Override
      public void tokenize(String line, Sink sink) {
        WhitespaceTokenizer.INSTANCE.tokenize(line.toLowerCase(java.util.Locale.ROOT), sink);
      }
    };
    Counts c = new CorpusCounter(CorpusCounter.Options.defaults().withTokenizer(lower).withThreads(2))
        .count(List.of(plain), ProgressListener.NONE);
    assertSame(c, reference(text, lower));
  }

  @Test
  void minCountAndMaxVocabMarkTruncation() throws IOException {
    Path p = dir.resolve("c.txt");
    Files.writeString(p, "a a a b b c\nd a b\n");
    Counts c = new CorpusCounter(CorpusCounter.Options.defaults().withMinCount(2)).count(List.of(p), ProgressListener.NONE);
    assertThat(c.words()).containsExactly("a", "b");
    assertThat(c.counts()).containsExactly(4, 3);
    assertThat(c.totalTokens()).isEqualTo(9);
    assertThat(c.truncated()).isTrue();
    Counts top1 = new CorpusCounter(CorpusCounter.Options.defaults().withMaxVocab(1)).count(List.of(p), ProgressListener.NONE);
    assertThat(top1.words()).containsExactly("a");
  }

  @Test
  void memoryBoundPrunesRareWordsAndKeepsFrequentOnesExact() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      sb.append("common rare").append(i).append(" common\n");
    }
    Path p = dir.resolve("d.txt");
    Files.writeString(p, sb);
    for (boolean bytes : new boolean[] {true, false}) {
      Tokenizer t = bytes ? WhitespaceTokenizer.INSTANCE : new Tokenizer() {
        @Override
        public String name() {
          return "ws-lines";
        }

        @Override
        public void tokenize(String line, Sink sink) {
          WhitespaceTokenizer.INSTANCE.tokenize(line, sink);
        }
      };
      CorpusCounter.Result r = new CorpusCounter(CorpusCounter.Options.defaults().withTokenizer(t).withThreads(2)
          .withMaxTypesInMemory(1000)).countDetailed(List.of(p), ProgressListener.NONE);
      assertThat(r.counts().count("common")).isEqualTo(100_000);
      assertThat(r.counts().totalTokens()).isEqualTo(150_000);
      assertThat(r.prunedTokens()).isGreaterThan(40_000);
      assertThat(r.counts().truncated()).isTrue();
      assertThat(r.counts().size()).isLessThan(1500);
    }
  }

  @Test
  void lineLongerThanOneBlockIsCountedWhole() throws IOException {
    String big = "z".repeat(3 << 20);
    Path p = dir.resolve("e.txt");
    Files.writeString(p, "a " + big + " b\n" + big + "\n");
    Counts c = new CorpusCounter(CorpusCounter.Options.defaults()).count(List.of(p), ProgressListener.NONE);
    assertThat(c.count(big)).isEqualTo(2);
    assertThat(c.count("a")).isEqualTo(1);
    assertThat(c.totalTokens()).isEqualTo(4);
  }

  @Test
  void realWikiTextCountsMatchTheDocumentedSize() throws IOException {
    Path p = SharedData.require("corpora/wiki/wikitext-2.valid.tokens.gz");
    CorpusCounter.Result r = new CorpusCounter(CorpusCounter.Options.defaults()).countDetailed(List.of(p),
        ProgressListener.NONE);
    // SOURCES.md: 3,760 lines, 213,886 tokens (wc -w)
    assertThat(r.lines()).isEqualTo(3760);
    assertThat(r.counts().totalTokens()).isEqualTo(213_886);
    assertThat(r.counts().word(0)).isEqualTo("the");
  }

  @Test
  void vocabTxtRoundTripsThroughTheFrequencyListReader() throws IOException {
    Path p = dir.resolve("f.txt");
    Files.writeString(p, "b a b c b a\n");
    Counts c = new CorpusCounter(CorpusCounter.Options.defaults()).count(List.of(p), ProgressListener.NONE);
    Path vocab = dir.resolve("vocab.txt");
    VocabWriter.write(c, vocab);
    assertThat(Files.readString(vocab)).isEqualTo("b 3\na 2\nc 1\n");
    Counts back = FrequencyListReader.read(vocab);
    assertThat(back.words()).containsExactly("b", "a", "c");
    assertThat(back.truncated()).isTrue();
    assertThat(FrequencyListReader.looksLikeFrequencyList(vocab)).isTrue();
    assertThat(FrequencyListReader.looksLikeFrequencyList(p)).isFalse();
  }
}
