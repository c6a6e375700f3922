package org.embdiff.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.embdiff.io.VectorReader;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled wiki-100d vs Twitter-25d pair: the shift analysis of the acceptance criterion. */
class BundledShiftTest {
  private static ShiftAnalysis shift;

  @BeforeAll
  static void analyse() throws IOException {
    Path data = Path.of("..", "data", "embeddings");
    EmbeddingSpace wiki = VectorReader.load(data.resolve("glove.6B.100d.twitter12k-vocab.txt.gz")).space();
    EmbeddingSpace twitter = VectorReader.load(data.resolve("glove.twitter.27B.25d.embedplyr12k.txt.gz")).space();
    shift = DomainShift.analyze(wiki, twitter, ShiftSettings.defaults().withLists(50, List.of("apple", "viral", "mouse")),
        ProgressListener.NONE);
  }

  @Test
  void alignsWikiOntoTwitterByPcaAndProcrustes() {
    AlignmentResult a = shift.alignment();
    assertThat(a.method()).isEqualTo(MapMethod.PCA_PROCRUSTES);
    assertThat(a.dimAligned()).isEqualTo(25);
    assertThat(a.shared().shared()).isEqualTo(11_847);
    assertThat(a.shared().onlyB()).isEqualTo(78);
    assertThat(a.anchors().count()).isEqualTo(5_000);
    assertThat(a.anchors().words()).doesNotContain("the", "of", "and");
    // measured: held-out 0.587, stability 0.997
    assertThat(a.diagnostics().heldOutMeanCosine()).isBetween(0.55, 0.62);
    assertThat(a.diagnostics().anchorMeanCosine()).isGreaterThan(a.diagnostics().heldOutMeanCosine());
    assertThat(a.diagnostics().stabilitySpearmanMean()).isGreaterThan(0.99);
  }

  @Test
  void twitterSlangTopsTheShiftRanking() {
    List<String> top = shift.mostShifted().stream().map(w -> w.shift().word()).toList();
    assertThat(top).hasSize(50).contains("ur", "gf", "btw", "haha", "abt");
    assertThat(top).doesNotContain("gangbang", "xnxx", "hentai");
    // rarer words drift more: Delta-bar rises with the frequency band
    List<ShiftAnalysis.BandSummary> bands = shift.bands();
    for (int i = 1; i < bands.size(); i++) {
      assertThat(bands.get(i).deltaMean().estimate()).isGreaterThan(bands.get(i - 1).deltaMean().estimate());
    }
    ShiftAnalysis.BandSummary all = shift.overall();
    assertThat(all.deltaMean().lower()).isLessThan(all.deltaMean().estimate());
    assertThat(all.deltaMean().upper()).isGreaterThan(all.deltaMean().estimate());
  }

  @Test
  void reportsNeighboursInBothSpaces() {
    ShiftAnalysis.ShiftedWord gf = shift.mostShifted().stream().filter(w -> w.shift().word().equals("gf")).findFirst().orElseThrow();
    assertThat(gf.neighborsB()).hasSize(10).contains("bf", "girlfriend");
    assertThat(shift.focus()).extracting(f -> f.shift().word()).containsExactly("apple", "viral", "mouse");
  }
}
