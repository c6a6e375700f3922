package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk: {@code convert}, {@code cooccur} and {@code compare} write into a 2 MB tmpfs (mounted by
 * the test, which needs root; skipped with the reason otherwise) that cannot hold their output. Each
 * must fail with one line naming the output, exit 1, keep the previous output intact and leave no
 * temporary file behind.
 */
@EnabledOnOs(OS.LINUX)
class DiskFullTest {
  @TempDir static Path root;
  static Path disk;
  static boolean mounted;

  @BeforeAll
  static void mountSmallDisk() throws Exception {
    disk = Files.createDirectories(root.resolve("disk"));
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString())
        .redirectErrorStream(true).start();
    String why = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    mounted = p.waitFor() == 0;
    Assumptions.assumeTrue(mounted, "skipped: cannot mount a 2 MB tmpfs to fill (needs root): " + why);
  }

  @AfterAll
  static void unmount() throws Exception {
    if (mounted) {
      new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
    }
  }

  @BeforeEach
  void empty() throws IOException {
    try (Stream<Path> files = Files.list(disk)) {
      for (Path p : files.toList()) {
        try (Stream<Path> walk = Files.walk(p)) {
          for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(q);
          }
        }
      }
    }
  }

  private static Path data(String relative) {
    return Path.of(System.getProperty("embdiff.home", "..")).resolve("data").resolve(relative);
  }

  @Test
  void convertKeepsThePreviousFile() throws IOException {
    Path out = disk.resolve("out.vec");
    Files.writeString(out, "previous 1 2\n");
    CliRun run = CliRun.of("convert", data("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz").toString(), out.toString(),
        "--to", "glove");
    assertFailedCleanly(run, "out.vec");
    assertThat(Files.readString(out)).isEqualTo("previous 1 2\n");
    assertOnly(List.of("out.vec"));
  }

  @Test
  void cooccurKeepsThePreviousRecordsAndVocabulary() throws IOException {
    Path out = disk.resolve("x.crec");
    Files.write(out, new byte[16]);
    Files.writeString(disk.resolve("x.vocab.txt"), "the 1\n");
    CliRun run = CliRun.of("cooccur", data("corpora/enwiki-gensim-sample.plain.txt.gz").toString(), "-o", out.toString(),
        "--min-count", "2", "--threads", "1", "--temp-dir", root.resolve("spill").toString(), "--force");
    assertFailedCleanly(run, "x.crec");
    assertThat(Files.readAllBytes(out)).hasSize(16);
    assertThat(Files.readString(disk.resolve("x.vocab.txt"))).isEqualTo("the 1\n");
    assertOnly(List.of("x.crec", "x.vocab.txt"));
  }

  @Test
  void compareKeepsThePreviousReport() throws IOException {
    Path report = Files.createDirectories(disk.resolve("report"));
    Files.writeString(report.resolve("report.json"), "{}");
    String a = head(data("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz"), root.resolve("a.txt"), 1500).toString();
    String b = head(data("embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz"), root.resolve("b.txt"), 1500).toString();
    // leave 512 kB: less than the page alone (it inlines the chart library)
    Files.write(disk.resolve("filler"), new byte[(2 << 20) - (512 << 10) - 8192]);
    CliRun run = CliRun.of("compare", "--a", "wiki=vectors:" + a, "--b", "twitter=vectors:" + b, "--out", report.toString(),
        "--threads", "2", "--no-bundled-eval");
    assertFailedCleanly(run, "report");
    try (Stream<Path> files = Files.list(report)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
    }
    assertThat(Files.readString(report.resolve("report.json"))).isEqualTo("{}");
    assertOnly(List.of("report", "filler"));
  }

  /** The first {@code lines} lines of a gzipped text file. */
  static Path head(Path gz, Path out, int lines) throws IOException {
    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
        new java.util.zip.GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8));
        var w = Files.newBufferedWriter(out)) {
      for (int i = 0; i < lines; i++) {
        w.write(in.readLine());
        w.write('\n');
      }
    }
    return out;
  }

  private static void assertFailedCleanly(CliRun run, String output) {
    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err().strip().lines()).as("one line").hasSize(1);
    assertThat(run.err()).contains("No space left on device").contains(output).doesNotContain("\tat ");
  }

  private static void assertOnly(List<String> names) throws IOException {
    try (Stream<Path> files = Files.list(disk)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactlyInAnyOrderElementsOf(names);
    }
  }
}
