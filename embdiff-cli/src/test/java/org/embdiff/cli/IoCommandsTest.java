package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Black-box tests of info, similarity and convert, and of every malformed-file case. */
class IoCommandsTest {
  private static final Path TWITTER = Path.of("..", "data", "embeddings", "glove.twitter.27B.25d.embedplyr12k.txt.gz");
  private static final String GLOVE = "the 0.1 -0.2 0.3\nof 0.4 0.5 -0.6\nand -0.7 0.8 0.9\n";

  @TempDir Path dir;

  /** Exit code, stdout and stderr of one run. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cmd = Main.newCommandLine(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void infoOnTheRealTwitterSubset() {
    Run r = run("info", TWITTER.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("words:       11,925").contains("dimensions:  25").contains("format:      glove (compression: gzip)")
        .contains("warnings:    none").containsPattern("norms: +min [0-9.]+ +mean [0-9.]+ +median [0-9.]+ +max [0-9.]+");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void infoJsonWithWarnings() throws IOException {
    Path p = write("dups.txt", bytes(GLOVE + "the 1 1 1\nof 2 2 2\n"));
    Run r = run("info", "--json", p.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("words").asInt()).isEqualTo(3);
    assertThat(json.get("dim").asInt()).isEqualTo(3);
    assertThat(json.get("rowsRead").asInt()).isEqualTo(5);
    assertThat(json.get("format").asText()).isEqualTo("glove");
    assertThat(json.get("warnings").get(0).get("kind").asText()).isEqualTo("duplicate word (first kept)");
    assertThat(json.get("warnings").get(0).get("count").asLong()).isEqualTo(2);
    assertThat(json.get("warnings").get(0).get("first").asText()).isEqualTo(p + ":4 'the'");
    assertThat(json.get("norms").get("max").asDouble())
        .isCloseTo(Math.sqrt(0.49 + 0.64 + 0.81), org.assertj.core.data.Offset.offset(1e-6));
    Run text = run("info", p.toString());
    assertThat(text.out()).contains("  2 x duplicate word (first kept) (first: " + p + ":4 'the')")
        .contains("rows read:   5");
  }

  @Test
  void similarityOfTwoWords() {
    Run r = run("similarity", TWITTER.toString(), "love", "love");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("1.000000");
    Run lovelike = run("similarity", TWITTER.toString(), "love", "hate");
    double sim = Double.parseDouble(lovelike.out().strip());
    assertThat(sim).isBetween(0.5, 0.99);
    Run missing = run("similarity", TWITTER.toString(), "love", "zzqqxx");
    assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).startsWith("embdiff: error: 'zzqqxx' is not in ").doesNotContain("\tat ");
  }

  @Test
  void infoOfACacheIsReadFromTheMappingAndSaysWhetherTheChecksumRan() throws IOException {
    Path cache = dir.resolve("twitter.emb");
    assertThat(run("convert", TWITTER.toString(), cache.toString(), "--to", "embdiff").code()).isZero();
    Run mapped = run("info", cache.toString());
    Run verified = run("info", "--verify", cache.toString());
    Run text = run("info", TWITTER.toString());
    assertThat(mapped.out()).contains("checksum:    not checked (memory-mapped; --verify checks it)");
    assertThat(verified.out()).contains("checksum:    CRC-32C verified");
    String norms = text.out().lines().filter(l -> l.startsWith("norms:")).findFirst().orElseThrow();
    assertThat(mapped.out()).contains(norms).contains("words:       11,925");
    assertThat(verified.out()).contains(norms);
  }

  @Test
  void aCacheOfAnOlderVersionNamesTheConvertCommand() throws IOException {
    Path cache = dir.resolve("old.emb");
    assertThat(run("convert", TWITTER.toString(), cache.toString(), "--to", "embdiff").code()).isZero();
    try (var ch = java.nio.channels.FileChannel.open(cache, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0), 8);
    }
    Run r = run("info", cache.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo("embdiff: error: embdiff cache too old: version 0, this embdiff reads 1..2; re-create "
        + "it with 'embdiff convert SOURCE OUT --to embdiff' (" + cache + " byte offset 8)" + System.lineSeparator());
  }

  @Test
  void convertToEveryFormatAndBack() throws IOException {
    for (String to : new String[] {"glove", "word2vec", "word2vec-binary", "fasttext", "embdiff"}) {
      Path out = dir.resolve("twitter." + to);
      Run r = run("convert", TWITTER.toString(), out.toString(), "--to", to);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("wrote " + out + ": 11,925 words x 25 dims as " + to);
      Run info = run("info", out.toString());
      assertThat(info.out()).contains("words:       11,925").contains("format:      " + to + " (compression: none)");
      Run sim = run("similarity", out.toString(), "love", "hate");
      assertThat(sim.out()).isEqualTo(run("similarity", TWITTER.toString(), "love", "hate").out());
    }
    Run bad = run("convert", TWITTER.toString(), dir.resolve("x").toString(), "--to", "parquet");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--to").contains("expected one of glove, word2vec, word2vec-binary, fasttext, embdiff, "
        + "got 'parquet'");
  }

  @Test
  void convertFailureLeavesNoPartialFile() throws IOException {
    // a cache may hold a word with a space; GloVe text cannot, so the conversion fails midway
    String[] words = new String[2000];
    for (int i = 0; i < words.length; i++) {
      words[i] = i == 1500 ? "new york" : "w" + i;
    }
    Path in = dir.resolve("in.emb");
    org.embdiff.io.VectorWriter.write(new org.embdiff.vec.EmbeddingSpace(new org.embdiff.vec.Vocabulary(words), 2,
        new float[4000]), in, org.embdiff.io.VectorFormat.EMBDIFF_BINARY);
    Path out = dir.resolve("out.txt");
    Run r = run("convert", in.toString(), out.toString(), "--to", "glove");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).startsWith("embdiff: error: --to must be embdiff for word 'new york' (row 1501): it contains whitespace");
    assertThat(out).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("in.emb");
    }
    Run limited = run("convert", in.toString(), out.toString(), "--to", "glove", "--limit", "2");
    assertThat(limited.code()).as(limited.err()).isZero();
    assertThat(Files.readString(out)).isEqualTo("w0 0.0 0.0\nw1 0.0 0.0\n");
  }

  static byte[] word2vecBinary(int rows, int declared, int dim) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes(declared + " " + dim + "\n"));
    for (int i = 0; i < rows; i++) {
      out.writeBytes(bytes("w" + i + " "));
      ByteBuffer b = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
      for (int k = 0; k < dim; k++) {
        b.putFloat(i + k / 10f);
      }
      out.writeBytes(b.array());
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** Each malformed case: file name, content, expected fragment of the one-line error. */
  static Stream<Arguments> malformed() {
    byte[] bin = word2vecBinary(3, 3, 4);
    return Stream.of(
        Arguments.of("ragged.txt", bytes(GLOVE + "oops 1 2\n"), "row 'oops' has 2 values, expected 3", ":4)"),
        Arguments.of("nan.txt", bytes(GLOVE + "bad 1 nan 3\n"), "non-finite value nan (value 2 of word 'bad')", ":4)"),
        Arguments.of("header-dim.txt", bytes("3 4\n" + GLOVE), "expected 4 (from the header '3 4' on line 1)", ":2)"),
        Arguments.of("truncated.bin", java.util.Arrays.copyOf(bin, bin.length - 5), "truncated: row 3 ('w2')", "(byte offset "),
        Arguments.of("short.bin", word2vecBinary(2, 3, 4), "truncated: the header announces 3 rows, the file ends after 2", "(byte offset "),
        Arguments.of("empty.txt", new byte[0], "empty file: no vectors", ":1)"),
        Arguments.of("long.txt", bytes(GLOVE + "x".repeat(1200) + " 1 2 3\n"), "word of 1200 bytes, expected at most 1000", ":4)"),
        Arguments.of("number.txt", bytes(GLOVE + "x 1 2 three\n"), "bad number 'three'", ":4)"),
        Arguments.of("binary.dat", new byte[] {0x7f, 'E', 'L', 'F', 0, 1, ' ', 2, 3, '\n'},
            "bad number '??' (value 1 of word '?ELF??')", ":1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedFilesPrintOneLineWithTheLocation(String name, byte[] content, String problem, String location)
      throws IOException {
    Path p = write(name, content);
    Run r = run("info", p.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("embdiff: error: ").contains(problem).contains(p.toString()).contains(location)
        .doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void strictEncodingMissingFileDirectoryAndBadVocab() throws IOException {
    Path latin1 = write("latin1.txt", concat(bytes(GLOVE + "caf"), new byte[] {(byte) 0xe9}, bytes(" 1 2 3\n")));
    Run strict = run("info", "--encoding-errors=strict", latin1.toString());
    assertThat(strict.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(strict.err()).isEqualTo("embdiff: error: invalid UTF-8 in word 'caf\uFFFD' (bytes 63 61 66 e9), expected "
        + "UTF-8 text; use --encoding-errors replace or skip (" + latin1 + ":4)" + System.lineSeparator());
    Run replace = run("info", latin1.toString());
    assertThat(replace.code()).isZero();
    assertThat(replace.out()).contains("1 x invalid UTF-8 in word (replaced by U+FFFD) (first: " + latin1 + ":4");
    Run skip = run("info", "--encoding-errors", "skip", latin1.toString());
    assertThat(skip.out()).contains("words:       3").contains("invalid UTF-8 in word (row skipped)");
    Path missing = dir.resolve("missing.txt");
    Run m = run("info", missing.toString());
    assertThat(m.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(m.err()).isEqualTo("embdiff: error: " + missing + ": no such file (check the path)" + System.lineSeparator());
    Run d = run("info", dir.toString());
    assertThat(d.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(d.err()).isEqualTo("embdiff: error: " + dir + ": is a directory, expected a file" + System.lineSeparator());
    Run v = run("info", "--vocab", missing.toString(), TWITTER.toString());
    assertThat(v.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(v.err()).contains("--vocab file not found");
  }

  @Test
  void limitVocabAndFormatOptions() throws IOException {
    Path vocab = write("vocab.txt", bytes("love\nhate 12\nzzqqxx\n"));
    Run r = run("info", "--vocab", vocab.toString(), TWITTER.toString());
    assertThat(r.out()).contains("words:       2").contains("rows read:   11,925");
    Run l = run("info", "--limit", "100", TWITTER.toString());
    assertThat(l.out()).contains("words:       100");
    Run f = run("info", "--format", "word2vec", TWITTER.toString());
    assertThat(f.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(f.err()).contains("missing header: expected 'COUNT DIM' on line 1")
        .endsWith(":1); for a file without header use --format glove" + System.lineSeparator());
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
