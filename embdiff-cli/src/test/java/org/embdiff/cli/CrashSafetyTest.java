package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety, tested by crashing: {@code compare}, {@code convert}, {@code cooccur} and
 * {@code train glove} run in a child JVM that is killed with SIGKILL early (JVM start-up), mid-stage
 * (half-way through a normal run) and while writing (as soon as a temporary output appears). After
 * each kill the output is the previous one, byte for byte, or the complete new one, never partial;
 * then a rerun succeeds and leaves no temporary file beside its outputs.
 */
@EnabledOnOs(OS.LINUX)
class CrashSafetyTest {
  /** A small heap and the quick-starting configuration: these runs are short and killed anyway. */
  private static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  /** Only a guard against a hang: a loaded machine can take minutes for what takes seconds alone. */
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @TempDir static Path inputs;
  static Path corpus;
  static Path vectorsA;
  static Path vectorsB;

  @BeforeAll
  static void inputs() throws IOException {
    Path data = Path.of(System.getProperty("embdiff.home", "..")).resolve("data");
    corpus = inputs.resolve("wiki.txt");
    DiskFullTest.head(data.resolve("corpora/enwiki-gensim-sample.plain.txt.gz"), corpus, 2500);
    vectorsA = DiskFullTest.head(data.resolve("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz"), inputs.resolve("a.txt"), 1500);
    vectorsB = DiskFullTest.head(data.resolve("embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz"), inputs.resolve("b.txt"), 1500);
  }

  @Test
  void convert(@TempDir Path dir) throws Exception {
    Path data = Path.of(System.getProperty("embdiff.home", "..")).resolve("data");
    String in = data.resolve("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz").toString();
    crash(dir, List.of("out.vec"),
        List.of("convert", in, "out.vec", "--to", "word2vec"),
        List.of("convert", in, "out.vec", "--to", "glove"));
  }

  @Test
  void cooccur(@TempDir Path dir) throws Exception {
    crash(dir, List.of("x.crec", "x.vocab.txt"),
        List.of("cooccur", corpus.toString(), "-o", "x.crec", "--min-count", "5", "--window", "5", "--threads", "1",
            "--force"),
        List.of("cooccur", corpus.toString(), "-o", "x.crec", "--min-count", "3", "--window", "10", "--threads", "1",
            "--force"));
  }

  @Test
  void trainGlove(@TempDir Path dir) throws Exception {
    List<String> common = List.of("train", "glove", "--corpus", corpus.toString(), "-o", "vectors.txt", "--threads", "1",
        "--seed", "7", "--min-count", "5", "--x-max", "10", "--vector-size", "16");
    List<String> old = new ArrayList<>(common);
    old.addAll(List.of("--iter", "2"));
    List<String> next = new ArrayList<>(common);
    next.addAll(List.of("--iter", "6"));
    crash(dir, List.of("vectors.txt"), old, next);
  }

  @Test
  void compare(@TempDir Path dir) throws Exception {
    crash(dir, List.of("report"),
        List.of("compare", "--a", "wiki=vectors:" + vectorsA, "--b", "twitter=vectors:" + vectorsB, "--out", "report",
            "--no-bundled-eval"),
        List.of("compare", "--a", "twitter=vectors:" + vectorsB, "--b", "wiki=vectors:" + vectorsA, "--out", "report",
            "--no-bundled-eval"));
  }

  /**
   * Writes {@code outputs} with {@code old}, then kills {@code next} at three points and checks after each
   * kill that every output is still the old one (or, when the kill came after the rename, the new one);
   * a final run of {@code next} must succeed and leave only the outputs (and a training work folder).
   */
  private static void crash(Path root, List<String> outputs, List<String> old, List<String> next) throws Exception {
    Path dir = Files.createDirectories(root.resolve("out"));
    Path logs = root.resolve("logs");
    long start = System.nanoTime();
    String[] oldArgs = old.toArray(new String[0]);
    String[] nextArgs = next.toArray(new String[0]);
    ChildJvm.Result first = ChildJvm.run(dir, logs.resolve("old"), TIMEOUT, JVM, oldArgs);
    assertThat(first.exit()).as(first.err()).isZero();
    long oldNanos = System.nanoTime() - start;
    Map<String, byte[]> before = snapshot(dir, outputs);

    Path reference = Files.createDirectories(root.resolve("reference"));
    ChildJvm.Result ref = ChildJvm.run(reference, logs.resolve("ref"), TIMEOUT, JVM, nextArgs);
    assertThat(ref.exit()).as(ref.err()).isZero();
    Map<String, byte[]> after = snapshot(reference, outputs);
    assertThat(after).as("the new run writes different outputs").isNotEqualTo(before);

    for (String point : List.of("early", "mid-stage", "while writing")) {
      Process p = ChildJvm.start(dir, logs.resolve(point.replace(' ', '-')), JVM, nextArgs);
      switch (point) {
        case "early" -> Thread.sleep(150);
        case "mid-stage" -> Thread.sleep(Math.max(200, oldNanos / 2_000_000));
        default -> awaitTemporary(dir, outputs, p);
      }
      p.destroyForcibly(); // SIGKILL on Linux
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Map<String, byte[]> now = snapshot(dir, outputs);
      boolean intact = same(now, before);
      boolean replaced = isComplete(now, after, outputs);
      assertThat(intact || replaced).as("after a kill %s the outputs %s are the old or the complete new ones, got %s",
          point, outputs, now.keySet()).isTrue();
    }

    ChildJvm.Result rerun = ChildJvm.run(dir, logs.resolve("rerun"), TIMEOUT, JVM, nextArgs);
    assertThat(rerun.exit()).as(rerun.err()).isZero();
    assertThat(isComplete(snapshot(dir, outputs), after, outputs)).isTrue();
    try (Stream<Path> left = Files.walk(dir)) {
      assertThat(left.map(p -> dir.relativize(p).toString()).filter(n -> n.contains(".tmp") || n.matches(".*\\.\\d+\\..*")))
          .as("no temporary file is left beside the outputs").isEmpty();
    }
  }

  /** Waits until a temporary entry for one of the outputs appears in {@code dir}, or the process ends. */
  private static void awaitTemporary(Path dir, List<String> outputs, Process p) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (p.isAlive() && System.nanoTime() < deadline) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.map(e -> e.getFileName().toString())
            .anyMatch(n -> outputs.stream().anyMatch(o -> n.startsWith("." + o + ".")))) {
          return;
        }
      }
      Thread.sleep(2);
    }
  }

  /** Relative path -> bytes of every file under the outputs (a folder output contributes all its files). */
  private static Map<String, byte[]> snapshot(Path dir, List<String> outputs) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (String o : outputs) {
      Path root = dir.resolve(o);
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
          files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
    return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
  }

  /**
   * Whether {@code now} is a complete new output: byte-equal to the reference run, or for a report folder
   * (whose header records times) the same files, each complete: JSON that parses, HTML that ends.
   */
  private static boolean isComplete(Map<String, byte[]> now, Map<String, byte[]> reference, List<String> outputs)
      throws IOException {
    if (!outputs.equals(List.of("report"))) {
      return same(now, reference);
    }
    if (!now.keySet().equals(reference.keySet())) {
      return false;
    }
    new ObjectMapper().readTree(now.get("report/report.json"));
    String html = new String(now.get("report/index.html"), StandardCharsets.UTF_8).strip();
    return html.endsWith("</html>");
  }
}
