package org.embdiff.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.NearestNeighbors;
import org.embdiff.vec.Neighbor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real client reads what embdiff writes: gensim loads the bundled GloVe Twitter subset written by
 * {@link VectorWriter} as word2vec binary and text, and must give the same vectors and the same
 * top-10 neighbours as embdiff for 20 words. Skipped when {@code /usr/bin/python3} or gensim is
 * missing (install Debian's {@code python3-gensim}).
 */
class GensimInteropTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final String[] WORDS = {"love", "happy", "music", "game", "school", "money", "coffee", "night",
      "phone", "friday", "beautiful", "football", "dog", "rain", "movie", "party", "book", "city", "red", "twitter"};

  @TempDir Path dir;

  private static void assumeGensim() throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(PYTHON), "skipped: " + PYTHON + " is missing (the gensim interop test needs it)");
    Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import gensim").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0,
        "skipped: gensim is not importable by " + PYTHON + " (apt-get install python3-gensim)");
  }

  @Test
  void gensimReadsOurWord2VecBinaryAndTextFiles() throws Exception {
    assumeGensim();
    Path source = Path.of("..", "data", "embeddings", "glove.twitter.27B.25d.embedplyr12k.txt.gz");
    EmbeddingSpace space = VectorReader.load(source).space();
    List<String> words = new ArrayList<>();
    for (String w : WORDS) {
      if (space.contains(w)) {
        words.add(w);
      }
    }
    for (int r = 100; words.size() < 20; r += 97) {
      if (!words.contains(space.word(r))) {
        words.add(space.word(r));
      }
    }
    Path bin = dir.resolve("vectors.bin");
    Path txt = dir.resolve("vectors.txt");
    VectorWriter.write(space, bin, VectorFormat.WORD2VEC_BINARY);
    VectorWriter.write(space, txt, VectorFormat.WORD2VEC_TEXT);
    Path wordsFile = dir.resolve("words.txt");
    Files.write(wordsFile, words, StandardCharsets.UTF_8);
    Path script = dir.resolve("gensim_interop.py");
    try (InputStream in = GensimInteropTest.class.getResourceAsStream("gensim_interop.py")) {
      Files.write(script, in.readAllBytes());
    }
    Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), wordsFile.toString(),
        "binary", bin.toString(), "text", txt.toString())
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
    byte[] stdout = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    JsonNode json = new ObjectMapper().readTree(stdout);
    NearestNeighbors nn = new NearestNeighbors(space);
    for (Path file : List.of(bin, txt)) {
      JsonNode result = json.get(file.toString());
      assertThat(result.get("_size").asInt()).isEqualTo(space.size());
      assertThat(result.get("_dim").asInt()).isEqualTo(space.dim());
      for (String w : words) {
        JsonNode node = result.get(w);
        float[] ours = space.vector(w);
        double maxDiff = 0;
        for (int k = 0; k < ours.length; k++) {
          maxDiff = Math.max(maxDiff, Math.abs(ours[k] - node.get("vector").get(k).asDouble()));
        }
        assertThat(maxDiff).as("max |diff| of '%s' in %s", w, file.getFileName()).isLessThan(1e-6);
        List<String> theirs = new ArrayList<>();
        node.get("neighbors").forEach(n -> theirs.add(n.get(0).asText()));
        List<Neighbor> mine = nn.of(w, 10);
        assertThat(mine.stream().map(Neighbor::word).toList()).as("top-10 of '%s' in %s", w, file.getFileName())
            .isEqualTo(theirs);
        for (int i = 0; i < 10; i++) {
          assertThat((double) mine.get(i).similarity())
              .isCloseTo(node.get("neighbors").get(i).get(1).asDouble(), org.assertj.core.data.Offset.offset(1e-5));
        }
      }
    }
  }
}
