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
import java.util.zip.CRC32C;
import org.embdiff.vec.EmbeddingSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedEmbeddingsTest {
  @TempDir Path dir;

  @Test
  void everyWordIsFoundByTheStoredIndexAndRowsMatchAcrossWindows() throws IOException {
    // words include non-ASCII ones, which the unsigned byte order puts after ASCII
    EmbeddingSpace space = VectorWriterTest.randomSpace(1000, 7, 3);
    Path p = dir.resolve("c.emb");
    VectorWriter.write(space, p, VectorFormat.EMBDIFF_BINARY);
    MappedEmbeddings mapped = MappedEmbeddings.open(p, true, 7 * 4 * 33);
    assertThat(mapped.version()).isEqualTo(2);
    assertThat(mapped.verified()).isTrue();
    assertThat(mapped.size()).isEqualTo(1000);
    for (int r = 0; r < space.size(); r++) {
      assertThat(mapped.indexOf(space.word(r))).as(space.word(r)).isEqualTo(r);
      assertThat(mapped.word(r)).isEqualTo(space.word(r));
    }
    assertThat(mapped.indexOf("absent")).isEqualTo(-1);
    assertThat(mapped.indexOf("")).isEqualTo(-1);
    assertThat(mapped.indexOf("w99x")).isEqualTo(-1);
    float[] rows = new float[300 * 7];
    mapped.copyRows(20, 300, rows, 0);
    assertThat(rows).isEqualTo(java.util.Arrays.copyOfRange(space.matrix(), 20 * 7, 320 * 7));
    assertThat(mapped.toSpace().matrix()).isEqualTo(space.matrix());
    // the eager reader reads version 2 as well
    assertThat(VectorReader.load(p).space().vocabulary().words()).isEqualTo(space.vocabulary().words());
  }

  @Test
  void neighboursFromTheMappingAreTheHeapSearchsNeighbours() throws IOException {
    // the independent source: the blocked heap search over the unit-normalised matrix
    EmbeddingSpace space = VectorWriterTest.randomSpace(3000, 25, 11);
    Path p = dir.resolve("n.emb");
    VectorWriter.write(space, p, VectorFormat.EMBDIFF_BINARY);
    MappedEmbeddings mapped = MappedEmbeddings.open(p, false, 25 * 4 * 700);
    org.embdiff.vec.NearestNeighbors nn = new org.embdiff.vec.NearestNeighbors(space);
    for (int row : new int[] {0, 1, 699, 700, 1234, 2999}) {
      for (int k : new int[] {1, 10, 37}) {
        java.util.List<org.embdiff.vec.Neighbor> expected = nn.of(space.word(row), k);
        java.util.List<org.embdiff.vec.Neighbor> actual = mapped.nearest(row, k);
        assertThat(actual).hasSize(k);
        for (int i = 0; i < k; i++) {
          assertThat(actual.get(i).row()).as("row %d k %d rank %d", row, k, i).isEqualTo(expected.get(i).row());
          assertThat(actual.get(i).word()).isEqualTo(expected.get(i).word());
          assertThat((double) actual.get(i).similarity())
              .isCloseTo(expected.get(i).similarity(), org.assertj.core.api.Assertions.within(1e-6));
        }
      }
    }
    // k beyond the other rows: every other row once, the query never
    assertThat(mapped.nearest(5, 5000)).hasSize(2999).noneMatch(n -> n.row() == 5);
  }

  @Test
  void aDamagedMatrixIsCaughtOnlyWithVerify() throws IOException {
    EmbeddingSpace space = VectorWriterTest.randomSpace(50, 5, 4);
    Path p = dir.resolve("c.emb");
    VectorWriter.write(space, p, VectorFormat.EMBDIFF_BINARY);
    long size = Files.size(p);
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {9, 9, 9}), size - 30);
    }
    assertThat(MappedEmbeddings.open(p, false).verified()).isFalse();
    assertThatThrownBy(() -> MappedEmbeddings.open(p, true)).isInstanceOf(VectorFormatException.class)
        .hasMessageStartingWith("checksum mismatch").hasMessageContaining(p + " byte offset ");
  }

  @Test
  void versionOneFilesWithoutAnIndexAreIndexedOnFirstLookup() throws IOException {
    String[] words = {"zebra", "\u00e9t\u00e9", "apple", "mango"};
    float[] matrix = {1, 2, 3, 4, 5, 6, 7, 8};
    Path p = dir.resolve("v1.emb");
    Files.write(p, versionOne(words, 2, matrix));
    MappedEmbeddings mapped = MappedEmbeddings.open(p, true);
    assertThat(mapped.version()).isEqualTo(1);
    for (int r = 0; r < words.length; r++) {
      assertThat(mapped.indexOf(words[r])).isEqualTo(r);
    }
    assertThat(mapped.indexOf("kiwi")).isEqualTo(-1);
    float[] row = new float[2];
    mapped.copyRow(3, row, 0);
    assertThat(row).containsExactly(7, 8);
    assertThat(VectorReader.load(p).space().vector("apple")).containsExactly(5, 6);
  }

  /** A version-1 file as the previous writer laid it out (no index; matrix at the next multiple of 64). */
  private static byte[] versionOne(String[] words, int dim, float[] matrix) {
    int vocab = 0;
    for (String w : words) {
      vocab += 4 + w.getBytes(StandardCharsets.UTF_8).length;
    }
    int matrixOff = (64 + vocab + 63) / 64 * 64;
    int footerOff = matrixOff + matrix.length * 4;
    ByteBuffer b = ByteBuffer.allocate(footerOff + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.put(EmbdiffBinary.MAGIC).putInt(1).putInt(dim).putLong(words.length).putLong(64).putLong(matrixOff)
        .putLong(footerOff).putLong(0).putLong(0);
    for (String w : words) {
      byte[] u = w.getBytes(StandardCharsets.UTF_8);
      b.putInt(u.length).put(u);
    }
    b.position(matrixOff);
    for (float v : matrix) {
      b.putFloat(v);
    }
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, footerOff);
    b.putLong(crc.getValue()).put(new byte[] {'E', 'M', 'B', 'D', 'E', 'N', 'D', 0});
    return b.array();
  }
}
