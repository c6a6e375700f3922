package org.embdiff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.embdiff.compare.WordTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  /** A record whose value throws when serialised. */
  record Unserialisable(Object value) {}

  @TempDir Path dir;

  @Test
  void writesEveryFileAndReplacesAnOldReport() throws Exception {
    Path out = dir.resolve("report");
    Files.createDirectories(out);
    Files.writeString(out.resolve("stale.txt"), "old");
    WordTable table = new WordTable("shift", List.of("word", "delta", "neighbours"),
        List.of(Arrays.asList("a,b", 0.5, List.of("x", "y")), Arrays.asList("q\"uote", Double.NaN, List.of())));
    List<String> written = ReportWriter.write(ReportJsonTest.report("w", new ReportJsonTest.Fixture("w", 1, 2), List.of(table)), out);
    assertThat(written).containsExactly("report.json", "index.html", "report.md", "shift.csv");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("index.html", "report.json",
          "report.md", "shift.csv");
    }
    assertThat(Files.readString(out.resolve("shift.csv"))).isEqualTo("word,delta,neighbours\n\"a,b\",0.5,\"x y\"\n\"q\"\"uote\",,\n");
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings).hasSize(1);
    }
  }

  @Test
  void aFailedWriteKeepsThePreviousReport() throws Exception {
    Path out = dir.resolve("report");
    ReportWriter.write(ReportJsonTest.report("first"), out);
    Report broken = ReportJsonTest.report("w", new Unserialisable(new Object() {
      public String getValue() {
        throw new IllegalStateException("cannot serialise");
      }
    }), List.of());
    assertThatThrownBy(() -> ReportWriter.write(broken, out)).hasMessageContaining("cannot serialise");
    assertThat(Files.readString(out.resolve("report.json"))).contains("\"title\" : \"first\"");
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings).hasSize(1);
    }
  }

  @Test
  void refusesAFileAsTarget() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> ReportWriter.write(ReportJsonTest.report("w"), file))
        .hasMessageContaining("not a folder");
  }

  @Test
  void csvUsesJacksonQuoting() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportWriter.writeCsv(new WordTable("t", List.of("a"), List.of(List.of("x\ny"))), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\n\"x\ny\"\n");
  }
}
