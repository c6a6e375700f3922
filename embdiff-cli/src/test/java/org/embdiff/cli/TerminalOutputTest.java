package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile words on the terminal: words holding ANSI escape sequences, BEL, DEL, C1 controls and
 * bidirectional overrides, printed by each family of commands (word lookups, shift tables, load
 * summaries and their JSON, error messages), come out as {@code U+XXXX}.
 */
class TerminalOutputTest {
  static final String ANSI = "esc\u001b[31mred";
  static final String BIDI = "abc\u202edcba";
  static final String ISOLATE = "\u2066isolate";
  static final String DEL = "del\u007fete";
  static final String C1 = "c1\u009bcsi";
  static final List<String> HOSTILE = List.of(ANSI, BIDI, ISOLATE, DEL, C1, "bell\u0007");
  /** A raw control (other than the line feed and tab a table prints) or a bidirectional control. */
  static final Pattern RAW = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029]");

  @TempDir static Path dir;
  static Path a;
  static Path b;

  @BeforeAll
  static void files() throws IOException {
    a = vectors("a.txt", 1);
    b = vectors("b.txt", 2);
  }

  /** 200 words of 8 random dimensions, the hostile ones first (so they are frequent and neighbours). */
  private static Path vectors(String name, long seed) throws IOException {
    Random random = new Random(seed);
    List<String> words = new ArrayList<>(HOSTILE);
    for (int i = 0; words.size() < 200; i++) {
      words.add("word" + i);
    }
    StringBuilder text = new StringBuilder();
    for (String w : words) {
      text.append(w);
      for (int d = 0; d < 8; d++) {
        // the hostile words lie close together, so each is among the others' neighbours
        double base = HOSTILE.contains(w) ? (d == 0 ? 5 : 0) : 0;
        text.append(String.format(Locale.ROOT, " %.4f", base + random.nextGaussian()));
      }
      text.append('\n');
    }
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static void assertInert(String printed) {
    assertThat(RAW.matcher(printed).find()).as("raw control or bidi character in:%n%s", printed).isFalse();
  }

  @Test
  void wordLookupsShowHostileNeighboursEscaped() {
    CliRun nn = CliRun.of("neighbors", a.toString(), ANSI, "-k", "30");
    assertThat(nn.exit()).as(nn.err()).isZero();
    assertInert(nn.out());
    assertThat(nn.out()).contains("escU+001B[31mred", "abcU+202Edcba", "U+2066isolate", "delU+007Fete", "c1U+009Bcsi");
    CliRun analogy = CliRun.of("analogy", a.toString(), BIDI, ISOLATE, DEL, "-k", "5");
    assertThat(analogy.exit()).as(analogy.err()).isZero();
    assertInert(analogy.out());
    assertThat(analogy.out()).contains("abcU+202Edcba : U+2066isolate :: delU+007Fete");
  }

  @Test
  void shiftTablesShowHostileWordsEscaped() {
    CliRun run = CliRun.of("shift", a.toString(), b.toString(), "--words", String.join(",", HOSTILE), "--top", "5");
    assertThat(run.exit()).as(run.err()).isZero();
    assertInert(run.out());
    assertInert(run.err());
    assertThat(run.out()).contains("escU+001B[31mred", "abcU+202Edcba");
  }

  @Test
  void loadSummariesAndTheirJsonAreInert() throws IOException {
    Path duplicated = dir.resolve("dup.txt");
    Files.writeString(duplicated, Files.readString(a) + ANSI + " 1 2 3 4 5 6 7 8\n", StandardCharsets.UTF_8);
    CliRun info = CliRun.of("info", duplicated.toString());
    assertThat(info.exit()).as(info.err()).isZero();
    assertInert(info.out() + info.err());
    CliRun json = CliRun.of("info", duplicated.toString(), "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertInert(json.out());
    assertThat(new ObjectMapper().readTree(json.out()).path("words").asInt()).isEqualTo(200);
  }

  @Test
  void errorMessagesNamingAHostileWordAreInert() {
    CliRun run = CliRun.of("neighbors", a.toString(), "no\u001b]0;title\u0007such", "-k", "3");
    assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertInert(run.err());
    assertThat(run.err()).contains("noU+001B]0;titleU+0007such");
  }

  @Test
  void aLineFeedOrTabInsideABinaryWordKeepsItsLineAndColumn() throws IOException {
    // word2vec binary words end at a space only, so they may hold a line feed or a tab
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write("3 2\n".getBytes(StandardCharsets.US_ASCII));
    String[] words = {"near", "fake\nembdiff:error", "tab\tword"};
    float[][] rows = {{0.9f, 0.1f}, {1, 0}, {0.8f, 0.3f}};
    for (int i = 0; i < 3; i++) {
      bytes.write((words[i] + " ").getBytes(StandardCharsets.UTF_8));
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      b.putFloat(rows[i][0]).putFloat(rows[i][1]);
      bytes.write(b.array());
      bytes.write('\n');
    }
    Path bin = dir.resolve("words.bin");
    Files.write(bin, bytes.toByteArray());
    CliRun run = CliRun.of("neighbors", bin.toString(), "near", "-k", "2");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("fakeU+000Aembdiff:error", "tabU+0009word").doesNotContain("\t");
    assertThat(run.out().lines()).hasSize(3);
  }

  @Test
  void theWriterKeepsLineBreaksTabsAndTheCrOfCrLf() {
    StringWriter target = new StringWriter();
    PrintWriter out = TerminalText.inert(new PrintWriter(target));
    out.print("a\tb\r\nc\rd\u001b\n");
    out.printf("%s%n", BIDI);
    out.print("end\r");
    out.flush();
    assertThat(target.toString()).isEqualTo("a\tb\r\ncU+000DdU+001B\nabcU+202Edcba" + System.lineSeparator() + "endU+000D");
    assertThat(TerminalText.inert(out)).isSameAs(out);
    assertThat(TerminalText.word("x\ny\tz\u202e")).isEqualTo("xU+000AyU+0009zU+202E");
  }
}
