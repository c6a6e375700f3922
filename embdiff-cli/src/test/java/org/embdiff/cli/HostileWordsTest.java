package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile words end to end: vector files and frequency lists whose words hold HTML/JS, spreadsheet
 * formulas, control characters, bidirectional overrides, a 1,000-byte token and invalid UTF-8 go
 * through {@code embdiff compare}, and each output format must show them as inert text: HTML (no
 * element or handler of theirs), Markdown (escaped, no raw control or bidi character), CSV (formula
 * cells guarded, every row intact), JSON (parses, the decoded words come back unchanged).
 */
class HostileWordsTest {
  /** Words as written to the files (UTF-8), without whitespace: vector files split on it. */
  static final List<String> WORDS = List.of("<script>alert(1)</script>", "<img/src=x/onerror=alert(1)>",
      "=HYPERLINK(\"http://x.invalid\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "bell\u0007esc\u001b[31mred", "abc\u202edcba",
      "\u2066isolate", "|pipe|*star*_u_", "x".repeat(1000), "</textarea><!--", "{{7*7}}");
  /** Invalid UTF-8 (a lone continuation byte and an 0xff), read with replacement as U+FFFD. */
  static final byte[] INVALID = {'b', 'a', 'd', (byte) 0x80, (byte) 0xff, 'w'};
  static final String INVALID_DECODED = "bad\ufffd\ufffdw";

  @TempDir static Path dir;
  static Path report;

  @BeforeAll
  static void compare() throws IOException {
    Path a = vectors(dir.resolve("a.txt"), 1);
    Path b = vectors(dir.resolve("b.txt"), 2);
    Path fa = freq(dir.resolve("a.tsv"));
    Path fb = freq(dir.resolve("b.tsv"));
    report = dir.resolve("report");
    CliRun run = CliRun.of("compare", "--a", "wiki=vectors:" + a + ",freq:" + fa, "--b", "twitter=vectors:" + b + ",freq:" + fb,
        "--out", report.toString(), "--threads", "2", "--no-bundled-eval");
    assertThat(run.exit()).as(run.err()).isZero();
  }

  private static List<byte[]> words() {
    List<byte[]> out = new ArrayList<>();
    WORDS.forEach(w -> out.add(w.getBytes(StandardCharsets.UTF_8)));
    out.add(INVALID);
    for (int i = 0; i < 120; i++) {
      out.add(("w" + i).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Path vectors(Path file, long seed) throws IOException {
    Random random = new Random(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] w : words()) {
      out.write(w);
      for (int d = 0; d < 6; d++) {
        out.write(String.format(Locale.ROOT, " %.4f", random.nextGaussian()).getBytes(StandardCharsets.US_ASCII));
      }
      out.write('\n');
    }
    Files.write(file, out.toByteArray());
    return file;
  }

  private static Path freq(Path file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rank = 1;
    for (byte[] w : words()) {
      out.write(w);
      out.write(("\t" + Math.max(1, 10_000 / rank++) + "\n").getBytes(StandardCharsets.US_ASCII));
    }
    Files.write(file, out.toByteArray());
    return file;
  }

  /** The words as the report must show them: decoded, invalid bytes replaced. */
  private static List<String> decodedWords() {
    List<String> w = new ArrayList<>(WORDS);
    w.add(INVALID_DECODED);
    return w;
  }

  private static String strictUtf8(Path file) throws IOException {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError(file + " is not valid UTF-8", e);
    }
  }

  @Test
  void jsonParsesAndHoldsTheWordsUnchanged() throws IOException {
    JsonNode tree = new ObjectMapper().readTree(strictUtf8(report.resolve("report.json")));
    List<String> texts = new ArrayList<>();
    collectTexts(tree, texts);
    String all = String.join("\n", texts);
    for (String w : decodedWords()) {
      assertThat(all).as("report.json holds %s", w.length() > 40 ? w.substring(0, 40) + "..." : w).contains(w);
    }
  }

  private static void collectTexts(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(child -> collectTexts(child, out));
  }

  @Test
  void htmlShowsTheWordsOnlyAsData() throws IOException {
    String html = strictUtf8(report.resolve("index.html"));
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script")).hasSize(3);
    assertThat(doc.select("img, iframe, object, embed, svg, textarea")).isEmpty();
    for (Element e : doc.getAllElements()) {
      e.attributes().forEach(attr -> assertThat(attr.getKey()).doesNotStartWith("on"));
    }
    String data = doc.select("script").get(0).data();
    assertThat(data).doesNotContain("<").doesNotContain(">").doesNotContain("\u2028");
    List<String> texts = new ArrayList<>();
    collectTexts(new ObjectMapper().readTree(data), texts);
    String all = String.join("\n", texts);
    for (String w : decodedWords()) {
      assertThat(all).as("the page's data holds %s", w.length() > 40 ? w.substring(0, 40) + "..." : w).contains(w);
    }
    assertThat(doc.select("style").html()).as("cells isolate bidi overrides").contains("unicode-bidi: isolate");
  }

  @Test
  void markdownEscapesMarkupControlAndBidiCharacters() throws IOException {
    String md = strictUtf8(report.resolve("report.md"));
    assertThat(md).doesNotContain("<script").doesNotContain("<img").doesNotContain("<!--").doesNotContain("</textarea");
    assertThat(md.chars().filter(c -> (Character.isISOControl(c) && c != '\n') || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069))).as("no raw control or bidi character").isEmpty();
    // the shared escaper is what the renderer uses for every word it prints
    assertThat(org.embdiff.report.MarkdownRenderer.escape("abc\u202edcba|<b>\u001b"))
        .isEqualTo("abcU+202Edcba\\|&lt;b&gt;U+001B");
  }

  @Test
  void csvGuardsFormulasAndKeepsEveryRowIntact() throws IOException {
    List<Path> csvs;
    try (Stream<Path> files = Files.list(report)) {
      csvs = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    assertThat(csvs).isNotEmpty();
    List<String> cells = new ArrayList<>();
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    for (Path csv : csvs) {
      try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(strictUtf8(csv))) {
        int columns = -1;
        while (rows.hasNext()) {
          List<String> row = rows.next();
          columns = columns < 0 ? row.size() : columns;
          assertThat(row).as("a row of %s", csv.getFileName()).hasSize(columns);
          cells.addAll(row);
        }
      }
    }
    assertThat(cells).as("no cell a spreadsheet would evaluate").noneMatch(c -> !c.isEmpty()
        && "=+@".indexOf(c.charAt(0)) >= 0);
    assertThat(cells).contains("'=HYPERLINK(\"http://x.invalid\",\"y\")", "'+1+1", "'-2+3", "'@SUM(A1)",
        "<script>alert(1)</script>", INVALID_DECODED, "x".repeat(1000));
    assertThat(cells).noneMatch(c -> c.startsWith("-") && !isNumber(c));
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
