package org.embdiff.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.embdiff.io.VectorReader;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;

class GeometryTest {
  private static EmbeddingSpace gaussian(int n, int d, double offset, boolean shrinking) {
    Random random = new Random(3);
    String[] words = new String[n];
    float[] m = new float[n * d];
    for (int r = 0; r < n; r++) {
      words[r] = "w" + r;
      double scale = shrinking ? 1.0 / (1 + r) : 1;
      for (int c = 0; c < d; c++) {
        m[r * d + c] = (float) (scale * (random.nextGaussian() + (c == 0 ? offset : 0)));
      }
    }
    return new EmbeddingSpace(new Vocabulary(words), d, m);
  }

  @Test
  void anIsotropicCloudHasMeanCosineZeroAndPartitionRatioNearOne() {
    GeometryResult g = Geometry.analyze(gaussian(3000, 20, 0, false), GeometrySettings.defaults());
    assertThat(g.meanCosine().estimate()).isCloseTo(0, within(0.01));
    assertThat(g.meanCosine().lower()).isLessThan(0);
    assertThat(g.meanCosine().upper()).isGreaterThan(0);
    assertThat(g.partitionRatio()).isGreaterThan(0.7);
    assertThat(g.hubnessWords()).isEqualTo(3000);
    assertThat(g.hubs()).hasSize(20);
  }

  @Test
  void aCommonDirectionMakesTheSpaceAnisotropic() {
    GeometryResult g = Geometry.analyze(gaussian(3000, 20, 3, false), GeometrySettings.defaults());
    // cos of two vectors sharing an offset of 3 in one of 20 unit-variance dimensions: about 9 / (9 + 20)
    assertThat(g.meanCosine().estimate()).isBetween(0.25, 0.40);
    assertThat(g.partitionRatio()).isLessThan(0.01);
    // centring removes the common offset, not the spread along it
    assertThat(g.partitionRatioCentred()).isGreaterThan(g.partitionRatio());
  }

  @Test
  void normsFallingWithRankGiveSpearmanMinusOne() {
    GeometryResult g = Geometry.analyze(gaussian(500, 50, 0, true), GeometrySettings.defaults());
    assertThat(g.normRankSpearman()).isLessThan(-0.95);
  }

  @Test
  void bundledTwitterSpaceIsMoreAnisotropicThanWiki() throws IOException {
    Path data = Path.of("..", "data", "embeddings");
    GeometrySettings s = new GeometrySettings(10_000, 10, 3_000, 1000, 42);
    GeometryResult wiki = Geometry.analyze(VectorReader.load(data.resolve("glove.6B.100d.twitter12k-vocab.txt.gz")).space(), s);
    GeometryResult twitter = Geometry.analyze(VectorReader.load(data.resolve("glove.twitter.27B.25d.embedplyr12k.txt.gz")).space(), s);
    assertThat(twitter.meanCosine().lower()).isGreaterThan(wiki.meanCosine().upper());
    assertThat(wiki.kOccurrenceSkewness()).isGreaterThan(0);
    assertThat(wiki.partitionRatio()).isBetween(0.0, 1.0);
    // measured: mean cosine wiki 0.114, twitter 0.357; k-occurrence skewness wiki 2.14, twitter 1.47
    assertThat(wiki.meanCosine().estimate()).isCloseTo(0.114, within(0.01));
    assertThat(twitter.meanCosine().estimate()).isCloseTo(0.357, within(0.01));
    assertThat(wiki.normRankSpearman()).isNegative();
  }
}
