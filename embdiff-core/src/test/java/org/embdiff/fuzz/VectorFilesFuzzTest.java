package org.embdiff.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import org.embdiff.io.EncodingErrors;
import org.embdiff.io.LoadOptions;
import org.embdiff.io.LoadedVectors;
import org.embdiff.io.VectorFormat;
import org.embdiff.io.VectorReader;
import org.embdiff.vec.EmbeddingSpace;

/**
 * Fuzzes the vector readers through {@link VectorReader#load}, one target per format (and one with the
 * format detected from the content, which reaches the embdiff cache, word2vec binary and every text
 * variant). Regression inputs: {@code src/test/resources/org/embdiff/fuzz/VectorFilesFuzzTestInputs/}.
 */
class VectorFilesFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void glove(byte[] data) throws IOException {
    load(data, VectorFormat.GLOVE, "glove.txt");
  }

  @FuzzTest(maxDuration = "10s")
  void word2vecText(byte[] data) throws IOException {
    load(data, VectorFormat.WORD2VEC_TEXT, "w2v.txt");
  }

  @FuzzTest(maxDuration = "10s")
  void fastText(byte[] data) throws IOException {
    load(data, VectorFormat.FASTTEXT_VEC, "wiki.vec");
  }

  @FuzzTest(maxDuration = "10s")
  void word2vecBinary(byte[] data) throws IOException {
    load(data, VectorFormat.WORD2VEC_BINARY, "w2v.bin");
  }

  @FuzzTest(maxDuration = "10s")
  void embdiffCache(byte[] data) throws IOException {
    load(data, VectorFormat.EMBDIFF_BINARY, "cache.embdiff");
  }

  @FuzzTest(maxDuration = "10s")
  void detected(byte[] data) throws IOException {
    load(data, null, "vectors");
  }

  private static void load(byte[] data, VectorFormat format, String name) throws IOException {
    Path file = FuzzFiles.file(name);
    // the policy for invalid UTF-8 follows from the input, so each input is replayed the same way
    EncodingErrors policy = EncodingErrors.values()[data.length % EncodingErrors.values().length];
    LoadOptions options = LoadOptions.defaults().withFormat(format).withEncodingErrors(policy);
    ParserContract.checkFile(file, data, () -> {
      LoadedVectors loaded = VectorReader.load(file, options);
      EmbeddingSpace space = loaded.space();
      assertThat(space.size()).isPositive();
      assertThat(space.dim()).isPositive();
      assertThat(space.matrix()).hasSize(space.size() * space.dim());
      for (float v : space.matrix()) {
        if (!Float.isFinite(v)) {
          throw new AssertionError("a non-finite value was loaded: " + v);
        }
      }
      assertThat(loaded.summary().rowsKept()).isEqualTo(space.size());
    });
  }
}
