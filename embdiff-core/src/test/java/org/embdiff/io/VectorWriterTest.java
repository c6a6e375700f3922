package org.embdiff.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VectorWriterTest {
  @TempDir Path dir;

  static EmbeddingSpace randomSpace(int rows, int dim, long seed) {
    Random rnd = new Random(seed);
    String[] words = new String[rows];
    float[] m = new float[rows * dim];
    for (int r = 0; r < rows; r++) {
      words[r] = r == 1 ? "caf\u00e9" : r == 2 ? "\uD83D\uDE00" : "w" + r;
      for (int k = 0; k < dim; k++) {
        m[r * dim + k] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 4));
      }
    }
    return new EmbeddingSpace(new Vocabulary(words), dim, m);
  }

  @ParameterizedTest
  @EnumSource(VectorFormat.class)
  void everyFormatRoundTripsBitExactly(VectorFormat format) throws IOException {
    EmbeddingSpace space = randomSpace(500, 13, 7);
    Path p = dir.resolve("out." + format);
    VectorWriter.write(space, p, format);
    LoadedVectors back = VectorReader.load(p);
    assertThat(back.summary().format()).isEqualTo(format);
    assertThat(back.summary().warnings()).isEmpty();
    assertThat(back.space().vocabulary().words()).isEqualTo(space.vocabulary().words());
    assertThat(back.space().matrix()).isEqualTo(space.matrix());
  }

  @Test
  void writesTheExpectedBytes() throws IOException {
    EmbeddingSpace s = new EmbeddingSpace(new Vocabulary(new String[] {"a", "b"}), 2, new float[] {1f, -0.5f, 1e-4f, 0f});
    Path glove = dir.resolve("g.txt");
    VectorWriter.write(s, glove, VectorFormat.GLOVE);
    assertThat(Files.readString(glove)).isEqualTo("a 1.0 -0.5\nb 1.0E-4 0.0\n");
    Path w2v = dir.resolve("w.txt");
    VectorWriter.write(s, w2v, VectorFormat.WORD2VEC_TEXT);
    assertThat(Files.readString(w2v)).isEqualTo("2 2\na 1.0 -0.5\nb 1.0E-4 0.0\n");
    Path ft = dir.resolve("f.vec");
    VectorWriter.write(s, ft, VectorFormat.FASTTEXT_VEC);
    assertThat(Files.readString(ft)).isEqualTo("2 2\na 1.0 -0.5 \nb 1.0E-4 0.0 \n");
    Path bin = dir.resolve("w.bin");
    VectorWriter.write(s, bin, VectorFormat.WORD2VEC_BINARY);
    byte[] b = Files.readAllBytes(bin);
    assertThat(new String(b, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("2 2\na ");
    assertThat(ByteBuffer.wrap(b, 6, 8).order(ByteOrder.LITTLE_ENDIAN).getFloat()).isEqualTo(1f);
    assertThat(b).hasSize(4 + 2 * (2 + 8 + 1));
  }

  @Test
  void aFailedWriteLeavesNoPartialFile() throws IOException {
    String[] words = new String[3000];
    for (int i = 0; i < words.length; i++) {
      words[i] = i == 2500 ? "two words" : "w" + i;
    }
    EmbeddingSpace s = new EmbeddingSpace(new Vocabulary(words), 4, new float[words.length * 4]);
    Path target = dir.resolve("out.txt");
    assertThatThrownBy(() -> VectorWriter.write(s, target, VectorFormat.GLOVE))
        .isInstanceOf(org.embdiff.util.InvalidSetting.class)
        .hasMessageContaining("output format must be embdiff for word 'two words' (row 2501): it contains whitespace")
        .hasMessageEndingWith("got glove");
    assertThat(target).doesNotExist();
    Files.writeString(target, "old content\n");
    assertThatThrownBy(() -> VectorWriter.write(s, target, VectorFormat.WORD2VEC_BINARY)).isInstanceOf(org.embdiff.util.InvalidSetting.class);
    assertThat(Files.readString(target)).isEqualTo("old content\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.txt");
    }
    // the cache format stores any word
    Path cache = dir.resolve("out.emb");
    VectorWriter.write(s, cache, VectorFormat.EMBDIFF_BINARY);
    assertThat(VectorReader.load(cache).space().contains("two words")).isTrue();
  }

  @Test
  void anArrayBeyondTheHeapIsAClearIoError() {
    assertThatThrownBy(() -> RowStore.allocate(Integer.MAX_VALUE - 16L)).isInstanceOf(IOException.class)
        .hasMessageStartingWith("not enough memory while loading vectors: they need 8191 MB in one array, the Java heap allows at most")
        .hasMessageContaining("EMBDIFF_JAVA_OPTS=-Xmx");
  }

  private Path cache(EmbeddingSpace space) throws IOException {
    Path p = dir.resolve("c.emb");
    VectorWriter.write(space, p, VectorFormat.EMBDIFF_BINARY);
    return p;
  }

  private static void patch(Path p, long offset, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(bytes), offset);
    }
  }

  private static byte[] int32(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
  }

  @Test
  void cacheMapsInManyWindowsWithLimitAndVocabulary() throws IOException {
    EmbeddingSpace space = randomSpace(1000, 7, 3);
    Path p = cache(space);
    LoadedVectors all = EmbdiffBinary.read(p, LoadOptions.defaults(), ProgressListener.NONE, 100);
    assertThat(all.space().matrix()).isEqualTo(space.matrix());
    assertThat(all.space().vocabulary().words()).isEqualTo(space.vocabulary().words());
    LoadedVectors some = EmbdiffBinary.read(p, LoadOptions.defaults().withVocabulary(Set.of("w999", "w5", "w500")),
        ProgressListener.NONE, 100);
    assertThat(some.space().vocabulary().words()).containsExactly("w5", "w500", "w999");
    assertThat(some.space().vector("w999")).isEqualTo(space.vector("w999"));
    LoadedVectors head = VectorReader.load(p, LoadOptions.defaults().withLimit(10));
    assertThat(head.space().size()).isEqualTo(10);
    assertThat(head.space().vector("w9")).isEqualTo(space.vector("w9"));
  }

  @Test
  void cacheVersionWindowTruncationAndChecksum() throws IOException {
    EmbeddingSpace space = randomSpace(50, 5, 4);
    Path p = cache(space);
    long size = Files.size(p);
    patch(p, 8, int32(0));
    assertThatThrownBy(() -> VectorReader.load(p)).isInstanceOf(VectorFormatException.class)
        .hasMessage("embdiff cache too old: version 0, this embdiff reads 1..2; re-create the cache from its source "
            + "vectors (" + p + " byte offset 8)");
    patch(p, 8, int32(3));
    assertThatThrownBy(() -> VectorReader.load(p)).isInstanceOf(VectorFormatException.class)
        .hasMessage("embdiff cache too new: version 3, this embdiff reads 1..2; upgrade embdiff (" + p + " byte offset 8)");
    patch(p, 8, int32(2));
    assertThat(VectorReader.load(p).space().size()).isEqualTo(50);
    patch(p, size - 30, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> VectorReader.load(p)).isInstanceOf(VectorFormatException.class)
        .hasMessageStartingWith("checksum mismatch").hasMessageContaining("the file is damaged");
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
      ch.truncate(size - 100);
    }
    assertThatThrownBy(() -> VectorReader.load(p)).isInstanceOf(VectorFormatException.class)
        .hasMessageStartingWith("truncated: " + (size - 100) + " bytes, the header announces " + size)
        .hasMessageEndingWith(p + " byte offset " + (size - 100) + ")");
    Path q = cache(space);
    Files.write(q, new byte[] {'x'}, StandardOpenOption.APPEND);
    assertThatThrownBy(() -> VectorReader.load(q)).hasMessageStartingWith("trailing data: " + (size + 1) + " bytes");
    Path tiny = dir.resolve("tiny.emb");
    Files.write(tiny, EmbdiffBinary.MAGIC);
    assertThatThrownBy(() -> VectorReader.load(tiny)).hasMessage(
        "truncated: 8 bytes, an embdiff cache header needs 64 (" + tiny + " byte offset 8)");
  }
}
