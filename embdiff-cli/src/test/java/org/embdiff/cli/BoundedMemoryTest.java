package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.embdiff.cooc.CrecReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory, tested in a forked JVM with a small heap: co-occurrence counting spills to disk and
 * gives the same records as in memory; {@code compare} of the bundled data fits in 1 GB; {@code info}
 * of a 1.2M x 200 text file fits in 3 GB (see {@link #infoOfAMillionWordsFitsIn3g}); and running out
 * of memory is one line naming the stage and {@code EMBDIFF_JAVA_OPTS}, never a stack trace.
 */
class BoundedMemoryTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @TempDir Path dir;

  private static Path data(String relative) {
    return Path.of(System.getProperty("embdiff.home", "..")).resolve("data").resolve(relative);
  }

  @Test
  void cooccurrenceSpillsUnder256mAndMatchesTheInMemoryCount() throws Exception {
    Path corpus = dir.resolve("corpus.txt");
    try (OutputStream out = Files.newOutputStream(corpus)) {
      for (String f : List.of("corpora/enwiki-gensim-sample.plain.txt.gz", "corpora/tweeteval-train-sample.txt.gz")) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(data(f)))) {
          in.transferTo(out);
        }
      }
    }
    ChildJvm.Result spilled = ChildJvm.run(dir, dir.resolve("logs-spill"), TIMEOUT, List.of("-Xmx256m"), "cooccur",
        corpus.toString(), "-o", "spilled.crec", "--min-count", "1", "--window", "10", "--memory", "0.03",
        "--threads", "2", "--temp-dir", dir.resolve("spill").toString());
    assertThat(spilled.exit()).as(spilled.err()).isZero();
    assertThat(spilled.out()).containsPattern("sorted runs, [1-9][0-9]* spilled to disk");
    try (var left = Files.list(dir.resolve("spill"))) {
      assertThat(left).as("spilled runs are removed").isEmpty();
    }
    CliRun inMemory = CliRun.of("cooccur", corpus.toString(), "-o", dir.resolve("memory.crec").toString(), "--min-count",
        "1", "--window", "10", "--memory", "1", "--threads", "2");
    assertThat(inMemory.exit()).as(inMemory.err()).isZero();
    assertThat(inMemory.out()).contains(", 0 spilled to disk");
    assertThat(Files.mismatch(dir.resolve("spilled.vocab.txt"), dir.resolve("memory.vocab.txt"))).isEqualTo(-1L);
    // the same records in the same order; a sum's last bits may differ (its parts were added in another order)
    long records = 0;
    try (CrecReader spill = CrecReader.open(dir.resolve("spilled.crec"));
        CrecReader memory = CrecReader.open(dir.resolve("memory.crec"))) {
      while (memory.next()) {
        assertThat(spill.next()).isTrue();
        assertThat(spill.word()).isEqualTo(memory.word());
        assertThat(spill.context()).isEqualTo(memory.context());
        assertThat(spill.value()).isCloseTo(memory.value(), within(1e-9 * memory.value()));
        records++;
      }
      assertThat(spill.next()).isFalse();
    }
    assertThat(records).isGreaterThan(100_000);
  }

  @Test
  void compareOfTheBundledDataFitsIn1g() throws Exception {
    ChildJvm.Result demo = ChildJvm.run(dir, dir.resolve("logs"), TIMEOUT, List.of("-Xmx1g"), "demo", "--out", "report");
    assertThat(demo.exit()).as(demo.err()).isZero();
    assertThat(dir.resolve("report/index.html")).isRegularFile();
    assertThat(demo.err()).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
  }

  @Test
  void runningOutOfMemoryIsOneLineNamingTheStageAndTheOption() throws Exception {
    ChildJvm.Result r = ChildJvm.run(dir, dir.resolve("logs"), TIMEOUT, List.of("-Xmx24m"), "compare", "--a",
        "wiki=vectors:" + data("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz"), "--b",
        "twitter=vectors:" + data("embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz"), "--out", "report",
        "--no-bundled-eval");
    assertThat(r.exit()).as(r.err()).isIn(ExitCodes.BAD_INPUT, ExitCodes.INTERNAL);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains("memory").contains("EMBDIFF_JAVA_OPTS=-Xmx").doesNotContain("\tat ");
    assertThat(r.err()).containsPattern("while [a-z]|the vectors need");
    assertThat(dir.resolve("report")).doesNotExist();
  }

  /** glove.twitter.27B's vocabulary: the size of the largest file a user of this tool loads. */
  private static final int BIG_ROWS = 1_193_514;

  /**
   * {@code info} of a 1,193,514 x 200 GloVe text file (2.0 GB, the shape of glove.twitter.27B.200d)
   * under {@code -Xmx3g}: the 955 MB matrix is allocated once and the text streamed through, so the
   * forked JVM succeeds and reports every row. The file is written here by {@link BigVectors} (about
   * 25 s, and {@code info} 50 s, on 2 loaded cores); the test runs where {@code ../shared/data} is (CI),
   * or with {@code EMBDIFF_BIG_TESTS=1}, and reads {@code EMBDIFF_BIG_VECTORS=FILE} instead when given.
   */
  @Test
  void infoOfAMillionWordsFitsIn3g() throws Exception {
    Path file = bigVectors();
    ChildJvm.Result r = ChildJvm.run(dir, dir.resolve("logs"), TIMEOUT, List.of("-Xmx3g", "-XX:+UseParallelGC"), "info",
        file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("OutOfMemoryError");
    if (System.getenv("EMBDIFF_BIG_VECTORS") == null) {
      assertThat(r.out()).contains("format:      glove").contains("words:       1,193,514").contains("dimensions:  200")
          .contains("warnings:    none");
    } else {
      assertThat(r.out()).containsPattern("words: +1,[12][0-9]{2},[0-9]{3}").contains("dimensions:  200");
    }
  }

  private Path bigVectors() throws IOException {
    String given = System.getenv("EMBDIFF_BIG_VECTORS");
    if (given != null && Files.isRegularFile(Path.of(given))) {
      return Path.of(given);
    }
    Path shared = Path.of(System.getProperty("embdiff.shared.data", "../shared/data"));
    Assumptions.assumeTrue(Files.isDirectory(shared) || "1".equals(System.getenv("EMBDIFF_BIG_TESTS")),
        "skipped: writes a 2 GB file; runs where ../shared/data is (CI), or with EMBDIFF_BIG_TESTS=1");
    Path file = dir.resolve("vectors-1193514x200.txt");
    BigVectors.gloveText(file, BIG_ROWS, 200, 1);
    return file;
  }
}
