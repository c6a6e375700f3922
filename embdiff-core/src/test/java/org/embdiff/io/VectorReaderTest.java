package org.embdiff.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.embdiff.testing.SharedData;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorReaderTest {
  @TempDir Path dir;

  private static final String GLOVE = "the 0.1 -0.2 0.3\nof 0.4 0.5 -0.6\nand -0.7 0.8 0.9\n";

  private Path write(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  private Path write(String name, String content) throws IOException {
    return write(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static void assertGlove3(EmbeddingSpace s) {
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.dim()).isEqualTo(3);
    assertThat(s.vocabulary().words()).containsExactly("the", "of", "and");
    assertThat(s.vector("of")).containsExactly(0.4f, 0.5f, -0.6f);
    assertThat(s.vector("and")).containsExactly(-0.7f, 0.8f, 0.9f);
  }

  @Test
  void readsGloveText() throws IOException {
    LoadedVectors v = VectorReader.load(write("v.txt", GLOVE));
    assertGlove3(v.space());
    assertThat(v.summary().format()).isEqualTo(VectorFormat.GLOVE);
    assertThat(v.summary().compression()).isEqualTo("none");
    assertThat(v.summary().rowsRead()).isEqualTo(3);
    assertThat(v.summary().warnings()).isEmpty();
  }

  @Test
  void readsWord2VecTextAndFastTextByContent() throws IOException {
    LoadedVectors w2v = VectorReader.load(write("a.bin", "3 3\n" + GLOVE));
    assertGlove3(w2v.space());
    assertThat(w2v.summary().format()).isEqualTo(VectorFormat.WORD2VEC_TEXT);
    LoadedVectors ft = VectorReader.load(write("b.txt", "3 3\n" + GLOVE.replace("\n", " \n")));
    assertGlove3(ft.space());
    assertThat(ft.summary().format()).isEqualTo(VectorFormat.FASTTEXT_VEC);
    assertThat(ft.summary().warnings()).isEmpty();
  }

  static byte[] word2vecBinary(String[] words, float[][] vectors, boolean lf) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((words.length + " " + vectors[0].length + "\n").getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < words.length; i++) {
      out.writeBytes((words[i] + " ").getBytes(StandardCharsets.UTF_8));
      ByteBuffer b = ByteBuffer.allocate(4 * vectors[i].length).order(ByteOrder.LITTLE_ENDIAN);
      for (float f : vectors[i]) {
        b.putFloat(f);
      }
      out.writeBytes(b.array());
      if (lf) {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  private static final String[] W3 = {"the", "of", "and"};
  private static final float[][] V3 = {{0.1f, -0.2f, 0.3f}, {0.4f, 0.5f, -0.6f}, {-0.7f, 0.8f, 0.9f}};

  @Test
  void readsWord2VecBinaryWithAndWithoutNewlines() throws IOException {
    for (boolean lf : new boolean[] {true, false}) {
      LoadedVectors v = VectorReader.load(write("v" + lf + ".txt", word2vecBinary(W3, V3, lf)));
      assertGlove3(v.space());
      assertThat(v.summary().format()).isEqualTo(VectorFormat.WORD2VEC_BINARY);
      assertThat(v.summary().warnings()).isEmpty();
    }
  }

  @Test
  void truncatedWord2VecBinaryNamesTheByteOffset() throws IOException {
    byte[] full = word2vecBinary(W3, V3, true);
    Path p = write("t.bin", java.util.Arrays.copyOf(full, full.length - 7));
    assertThatThrownBy(() -> VectorReader.load(p)).isInstanceOf(VectorFormatException.class)
        .hasMessageContaining("truncated").hasMessageContaining("row 3 ('and')")
        .hasMessageContaining("has 6 of its 12 vector bytes")
        .hasMessageContaining(p + " (byte offset " + (full.length - 13) + ")");
    Path fewer = write("f.bin", concat("5 3\n".getBytes(StandardCharsets.US_ASCII),
        java.util.Arrays.copyOfRange(full, 4, full.length)));
    assertThatThrownBy(() -> VectorReader.load(fewer)).isInstanceOf(VectorFormatException.class)
        .hasMessageContaining("truncated: the header announces 5 rows, the file ends after 3")
        .hasMessageContaining("byte offset " + full.length);
  }

  @Test
  void binaryNonFiniteLongWordAndTrailingData() throws IOException {
    float[][] nan = {{0.1f, -0.2f, 0.3f}, {0.4f, Float.NaN, -0.6f}, {-0.7f, 0.8f, 0.9f}};
    byte[] bin = word2vecBinary(W3, nan, true);
    Path p = write("nan.bin", bin);
    long offset = 4 + (4 + 12 + 1) + 3 + 4; // header, row 1, "of ", first value
    assertThatThrownBy(() -> VectorReader.load(p)).isInstanceOf(VectorFormatException.class)
        .hasMessage("non-finite value NaN (value 2 of word 'of'), expected a finite number (" + p
            + " (byte offset " + offset + "))");
    byte[] longWord = concat("1 3\n".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x80},
        "y".repeat(1100).getBytes(StandardCharsets.US_ASCII), new byte[] {' ', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    Path lw = write("long.bin", longWord);
    assertThatThrownBy(() -> VectorReader.load(lw, LoadOptions.defaults().withFormat(VectorFormat.WORD2VEC_BINARY)))
        .isInstanceOf(VectorFormatException.class).hasMessageContaining("word of over 1000 bytes in row 1")
        .hasMessageContaining("(byte offset 4)");
    Path trailing = write("trailing.bin", concat(word2vecBinary(W3, V3, true), "extra".getBytes(StandardCharsets.US_ASCII)));
    LoadedVectors v = VectorReader.load(trailing);
    assertGlove3(v.space());
    assertThat(v.summary().warnings()).containsEntry(LoadWarnings.TRAILING, 1L);
  }

  @Test
  void compressedCacheIsRefusedWithAReason() throws IOException {
    Path cache = dir.resolve("c.emb");
    VectorWriter.write(VectorReader.load(write("v.txt", GLOVE)).space(), cache, VectorFormat.EMBDIFF_BINARY);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(gz)) {
      o.write(Files.readAllBytes(cache));
    }
    Path p = write("c.emb.gz", gz.toByteArray());
    assertThatThrownBy(() -> VectorReader.load(p)).isInstanceOf(VectorFormatException.class)
        .hasMessage("an embdiff cache must be a plain file to be memory-mapped, found gzip compression; "
            + "decompress it first (" + p + ")");
  }

  @Test
  void honoursFormatOverride() throws IOException {
    Path p = write("v.txt", "2 3\n" + GLOVE);
    assertThatThrownBy(() -> VectorReader.load(p, LoadOptions.defaults().withFormat(VectorFormat.GLOVE)))
        .isInstanceOf(VectorFormatException.class)
        .hasMessage("row 'the' has 3 values, expected 1 (as in the first row) (" + p + ":2)");
    Path glove = write("g.txt", GLOVE);
    assertThatThrownBy(() -> VectorReader.load(glove, LoadOptions.defaults().withFormat(VectorFormat.WORD2VEC_TEXT)))
        .isInstanceOf(VectorFormatException.class)
        .hasMessageContaining("missing header: expected 'COUNT DIM' on line 1")
        .hasMessageEndingWith(glove + ":1); for a file without header set the vector format to glove");
    assertThatThrownBy(() -> VectorReader.load(glove, LoadOptions.defaults().withFormat(VectorFormat.EMBDIFF_BINARY)))
        .isInstanceOf(VectorFormatException.class)
        .hasMessage("not an embdiff cache: magic 74 68 65 20 30 2e 31 20, expected 45 4d 42 44 49 46 46 1a (" + glove
            + " byte offset 0)");
  }

  @Test
  void readsEveryCompressionByContent() throws IOException {
    byte[] text = GLOVE.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(gz)) {
      o.write(text);
    }
    ByteArrayOutputStream bz = new ByteArrayOutputStream();
    try (OutputStream o = new BZip2CompressorOutputStream(bz)) {
      o.write(text);
    }
    ByteArrayOutputStream xz = new ByteArrayOutputStream();
    try (OutputStream o = new XZCompressorOutputStream(xz)) {
      o.write(text);
    }
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream o = new ZipOutputStream(zip)) {
      o.putNextEntry(new ZipEntry("readme.txt"));
      o.write("not vectors".getBytes(StandardCharsets.UTF_8));
      o.putNextEntry(new ZipEntry("vectors.txt"));
      o.write(text);
    }
    assertThat(VectorReader.load(write("a.dat", gz.toByteArray())).summary().compression()).isEqualTo("gzip");
    assertGlove3(VectorReader.load(write("b.dat", gz.toByteArray())).space());
    LoadedVectors b = VectorReader.load(write("c.txt", bz.toByteArray()));
    assertGlove3(b.space());
    assertThat(b.summary().compression()).isEqualTo("bzip2");
    LoadedVectors x = VectorReader.load(write("d.gz", xz.toByteArray()));
    assertGlove3(x.space());
    assertThat(x.summary().compression()).isEqualTo("xz");
    Path z = write("e.zip", zip.toByteArray());
    LoadedVectors entry = VectorReader.load(Path.of(z + "!vectors.txt"));
    assertGlove3(entry.space());
    assertThat(entry.summary().compression()).isEqualTo("zip");
    assertThatThrownBy(() -> VectorReader.load(z)).isInstanceOf(VectorFormatException.class)
        .hasMessageContaining("bad number 'vectors'");
  }

  @Test
  void countsBomCrlfBlankLinesAndDuplicates() throws IOException {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    String body = "the 0.1 -0.2 0.3\r\nof 0.4 0.5 -0.6\r\n\r\nthe 9 9 9\r\nand -0.7 0.8 0.9\r\nof 1 1 1\r\n";
    Path p = write("messy.txt", concat(bom, body.getBytes(StandardCharsets.UTF_8)));
    LoadedVectors v = VectorReader.load(p);
    assertGlove3(v.space());
    assertThat(v.space().vector("the")).containsExactly(0.1f, -0.2f, 0.3f);
    assertThat(v.summary().rowsRead()).isEqualTo(5);
    assertThat(v.summary().warnings()).containsEntry(LoadWarnings.BOM, 1L).containsEntry(LoadWarnings.CRLF, 6L)
        .containsEntry(LoadWarnings.BLANK, 1L).containsEntry(LoadWarnings.DUPLICATE, 2L);
    assertThat(v.summary().examples().get(LoadWarnings.DUPLICATE)).isEqualTo(p + ":4 'the'");
    assertThat(v.summary().examples().get(LoadWarnings.BLANK)).isEqualTo(p + ":3");
  }

  @Test
  void invalidUtf8IsReplacedSkippedOrRefused() throws IOException {
    byte[] bad = concat("caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xe9},
        " 1 2 3\n".getBytes(StandardCharsets.US_ASCII));
    Path p = write("latin1.txt", concat(GLOVE.getBytes(StandardCharsets.UTF_8), bad, "ok 4 5 6\n".getBytes(StandardCharsets.UTF_8)));
    LoadedVectors replaced = VectorReader.load(p);
    assertThat(replaced.space().size()).isEqualTo(5);
    assertThat(replaced.space().contains("caf\uFFFD")).isTrue();
    assertThat(replaced.summary().warnings()).containsEntry(LoadWarnings.INVALID_UTF8_REPLACED, 1L);
    assertThat(replaced.summary().examples().get(LoadWarnings.INVALID_UTF8_REPLACED))
        .isEqualTo(p + ":4 word 'caf\uFFFD' (bytes 63 61 66 e9)");
    LoadedVectors skipped = VectorReader.load(p, LoadOptions.defaults().withEncodingErrors(EncodingErrors.SKIP));
    assertThat(skipped.space().size()).isEqualTo(4);
    assertThat(skipped.space().contains("ok")).isTrue();
    assertThat(skipped.summary().warnings()).containsEntry(LoadWarnings.INVALID_UTF8_SKIPPED, 1L);
    assertThatThrownBy(() -> VectorReader.load(p, LoadOptions.defaults().withEncodingErrors(EncodingErrors.STRICT)))
        .isInstanceOf(VectorFormatException.class)
        .hasMessage("invalid UTF-8 in word 'caf\uFFFD' (bytes 63 61 66 e9), expected UTF-8 text; set the "
            + "encoding errors to replace or skip (" + p + ":4)");
  }

  @Test
  void wrongNumberOfValuesNamesTheLine() throws IOException {
    Path p = write("ragged.txt", GLOVE + "oops 1 2\n");
    assertThatThrownBy(() -> VectorReader.load(p)).isInstanceOf(VectorFormatException.class)
        .hasMessage("row 'oops' has 2 values, expected 3 (as in the first row) (" + p + ":4)");
    Path more = write("more.txt", GLOVE + "oops 1 2 3 4 5\n");
    assertThatThrownBy(() -> VectorReader.load(more)).hasMessage(
        "row 'oops' has 5 values, expected 3 (as in the first row) (" + more + ":4)");
  }

  @Test
  void nonFiniteAndBadNumbersNameWordAndLine() throws IOException {
    Path nan = write("nan.txt", GLOVE + "bad 1 NaN 3\n");
    assertThatThrownBy(() -> VectorReader.load(nan)).isInstanceOf(VectorFormatException.class)
        .hasMessage("non-finite value NaN (value 2 of word 'bad'), expected a finite number (" + nan + ":4)");
    Path inf = write("inf.txt", "x inf 1 2\n");
    assertThatThrownBy(() -> VectorReader.load(inf)).hasMessageContaining("non-finite value inf")
        .hasMessageContaining(inf + ":1");
    Path word = write("word.txt", "x 1 2 abc\n");
    assertThatThrownBy(() -> VectorReader.load(word))
        .hasMessage("bad number 'abc' (value 3 of word 'x'), expected a decimal number (" + word + ":1)");
  }

  @Test
  void headerThatDisagreesWithTheRows() throws IOException {
    Path count = write("count.txt", "5 3\n" + GLOVE);
    assertThatThrownBy(() -> VectorReader.load(count)).isInstanceOf(TruncatedFileException.class)
        .hasMessage("truncated: the header '5 3' announces 5 rows, the file ends after 3 (" + count
            + ":4); download or copy it again");
    LoadedVectors v = VectorReader.load(count, LoadOptions.defaults().withAllowTruncated(true));
    assertGlove3(v.space());
    assertThat(v.summary().warnings()).containsEntry(LoadWarnings.TRUNCATED, 1L);
    assertThat(v.summary().truncation()).isEqualTo(count + ":1: the header announces 5 rows, loaded the 3 present");
    Path more = write("more.txt", "2 3\n" + GLOVE);
    LoadedVectors longer = VectorReader.load(more);
    assertGlove3(longer.space());
    assertThat(longer.summary().truncation()).isNull();
    assertThat(longer.summary().examples().get(LoadWarnings.HEADER_COUNT))
        .isEqualTo(more + ":1: header says 2 rows, the file has 3");
    Path dim = write("dim.txt", "3 4\n" + GLOVE);
    assertThatThrownBy(() -> VectorReader.load(dim)).isInstanceOf(VectorFormatException.class)
        .hasMessage("row 'the' has 3 values, expected 4 (from the header '3 4' on line 1) (" + dim + ":2)");
  }

  @Test
  void emptyMissingDirectoryAndLongToken() throws IOException {
    Path empty = write("empty.txt", "");
    assertThatThrownBy(() -> VectorReader.load(empty)).isInstanceOf(VectorFormatException.class)
        .hasMessage("empty file: no vectors, expected rows of 'word v1 ... vD' (" + empty + ":1)");
    Path blank = write("blank.txt", "\n  \n\n");
    assertThatThrownBy(() -> VectorReader.load(blank)).isInstanceOf(VectorFormatException.class)
        .hasMessageContaining("empty file");
    Path missing = dir.resolve("nope.txt");
    assertThatThrownBy(() -> VectorReader.load(missing)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing + ": no such file");
    assertThatThrownBy(() -> VectorReader.load(dir)).isInstanceOf(IOException.class)
        .hasMessage(dir + ": is a directory, expected a file");
    Path longWord = write("long.txt", GLOVE + "x".repeat(1001) + " 1 2 3\n");
    assertThatThrownBy(() -> VectorReader.load(longWord)).isInstanceOf(VectorFormatException.class)
        .hasMessageContaining("word of 1001 bytes, expected at most 1000").hasMessageContaining(longWord + ":4");
  }

  @Test
  void limitAndVocabularySubsets() throws IOException {
    Path p = write("v.txt", GLOVE);
    LoadedVectors two = VectorReader.load(p, LoadOptions.defaults().withLimit(2));
    assertThat(two.space().vocabulary().words()).containsExactly("the", "of");
    LoadedVectors vocab = VectorReader.load(p, LoadOptions.defaults().withVocabulary(Set.of("and", "the", "zebra")));
    assertThat(vocab.space().vocabulary().words()).containsExactly("the", "and");
    assertThat(vocab.space().vector("and")).containsExactly(-0.7f, 0.8f, 0.9f);
    assertThatThrownBy(() -> VectorReader.load(p, LoadOptions.defaults().withVocabulary(Set.of("zebra"))))
        .isInstanceOf(VectorFormatException.class).hasMessageContaining("none of the 3 rows is in the vocabulary list");
    // a bad row after the limit is never read
    Path bad = write("bad.txt", GLOVE + "oops 1\n");
    assertThat(VectorReader.load(bad, LoadOptions.defaults().withLimit(3)).space().size()).isEqualTo(3);
  }

  @Test
  void manyBlocksInParallelKeepFileOrderAndLineNumbers() throws IOException {
    StringBuilder sb = new StringBuilder();
    int rows = 170_000;
    for (int i = 0; i < rows; i++) {
      sb.append("w").append(i);
      for (int k = 0; k < 8; k++) {
        sb.append(' ').append((i * 8 + k) % 1000 / 100.0f);
      }
      sb.append('\n');
    }
    Path p = write("big.txt", sb.toString());
    long[] progress = new long[3];
    LoadedVectors v = VectorReader.load(p, LoadOptions.defaults(), new ProgressListener() {
      @Override
      public void start(String task, long total, String unit) {
        progress[0] = total;
      }

      @Override
      public synchronized void advance(long delta) {
        progress[1] += delta;
      }

      @Override
      public void finish() {
        progress[2]++;
      }
    });
    assertThat(Files.size(p)).isGreaterThan(3L << 21); // several blocks
    assertThat(v.space().size()).isEqualTo(rows);
    assertThat(v.space().word(145_678)).isEqualTo("w145678");
    assertThat(v.space().get(145_678, 3)).isEqualTo((145_678 * 8 + 3) % 1000 / 100.0f);
    assertThat(progress[0]).isEqualTo(Files.size(p));
    assertThat(progress[1]).isEqualTo(Files.size(p));
    assertThat(progress[2]).isEqualTo(1);
    Path broken = write("broken.txt", sb + "late 1 2\n");
    assertThatThrownBy(() -> VectorReader.load(broken)).hasMessageEndingWith(broken + ":" + (rows + 1) + ")");
  }

  @Test
  void detectsTheFormatFromTheFirstBytes() {
    byte[] bin = word2vecBinary(W3, V3, true);
    assertThat(VectorReader.detect(bin, bin.length)).isEqualTo(VectorFormat.WORD2VEC_BINARY);
    byte[] glove = GLOVE.getBytes(StandardCharsets.UTF_8);
    assertThat(VectorReader.detect(glove, glove.length)).isEqualTo(VectorFormat.GLOVE);
    byte[] oneLine = "the 1 2".getBytes(StandardCharsets.UTF_8);
    assertThat(VectorReader.detect(oneLine, oneLine.length)).isEqualTo(VectorFormat.GLOVE);
  }

  @Test
  void readsTheRealTwitterSubset() throws IOException {
    Path p = SharedData.require("embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz");
    LoadedVectors v = VectorReader.load(p);
    assertThat(v.space().size()).isEqualTo(11_925);
    assertThat(v.space().dim()).isEqualTo(25);
    assertThat(v.summary().compression()).isEqualTo("gzip");
    assertThat(v.summary().format()).isEqualTo(VectorFormat.GLOVE);
    // the first row, as in the file: "<user> 0.6... " and R's exponent notation like 1e-04 parse
    assertThat(v.space().word(0)).isNotBlank();
    assertThat(v.summary().warnings()).isEmpty();
  }

  @Test
  void readsTheBundledWikiSubset() throws IOException {
    Path p = Path.of("..", "data", "embeddings", "glove.6B.100d.twitter12k-vocab.txt.gz");
    LoadedVectors v = VectorReader.load(p);
    assertThat(v.space().size()).isEqualTo(11_847);
    assertThat(v.space().dim()).isEqualTo(100);
  }
}
