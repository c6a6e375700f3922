package org.embdiff.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.embdiff.align.ShiftMeasure;
import org.embdiff.testing.BundledData;
import org.embdiff.train.SgnsOptions;
import org.embdiff.train.TokenCorpus;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.Seeds;
import org.junit.jupiter.api.Test;

class ReplicateNullTest {
  @Test
  void seedsDependOnlyOnTheirOwnCoordinates() {
    long a = Seeds.derive(42, "replicate-train", 0, 1);
    assertThat(Seeds.derive(42, "replicate-train", 0, 1)).isEqualTo(a);
    assertThat(List.of(Seeds.derive(42, "replicate-train", 1, 0), Seeds.derive(42, "replicate-train", 0, 2),
        Seeds.derive(43, "replicate-train", 0, 1), Seeds.derive(42, "replicate-bootstrap", 0, 1))).doesNotContain(a)
        .doesNotHaveDuplicates();
  }

  /**
   * A null run: the first 3,000 paragraphs of the bundled Wikipedia sample against a bootstrap copy of itself, three
   * replicates per side. Every discovery is false here, so the BH list at q = 0.05 must hold at
   * most 5% of the tested words, and Delta-bar must lie inside its null interval.
   */
  @Test
  void aCorpusAgainstABootstrapCopyOfItselfShowsNoShift() throws IOException {
    TokenCorpus wiki = TokenCorpus.read(List.of(BundledData.path("corpora/enwiki-gensim-sample.plain.txt.gz")), 1, 2,
        ProgressListener.NONE);
    TokenCorpus a = wiki.sample(IntStream.range(0, 3000).toArray(), 5);
    TokenCorpus b = ReplicateSpaces.bootstrap(a, 99, 5);
    ReplicateSettings settings = ReplicateSettings.of(3, 5, 7);
    SgnsOptions sgns = new SgnsOptions(32, 5, 5, 2, 1e-3, 0.025, 1e-4, 1, 0);
    long t0 = System.nanoTime();
    ReplicateSpaces spaces = ReplicateSpaces.train(a, b, SpaceTrainer.sgns(sgns), settings, ProgressListener.NONE);
    ReplicateNull result = ReplicateNull.analyze(spaces, settings, ProgressListener.NONE);
    StringBuilder summary = new StringBuilder();
    for (MeasureNull m : result.measures()) {
      summary.append(m.measure()).append(": ").append(m.significant().size()).append(" significant; ");
    }
    MeanShift d = result.deltaBar();
    System.out.printf("null run: %d words tested; %s Delta-bar %.4f, null %.4f [%.4f, %.4f]; %.1f s%n", result.tested(),
        summary, d.observed(), d.nullLevel(), d.nullLower(), d.nullUpper(), (System.nanoTime() - t0) / 1e9);
    assertThat(result.tested()).isGreaterThan(500);
    for (MeasureNull m : result.measures()) {
      assertThat(m.significant().size()).as(summary.toString()).isLessThanOrEqualTo((int) (0.05 * result.tested()));
      assertThat(m.words()).allSatisfy(w -> assertThat(w.p()).isBetween(1.0 / (1 + m.nullZ()), 1.0));
    }
    assertThat(d.withinNull()).as("Delta-bar %s in [%s, %s]", d.observed(), d.nullLower(), d.nullUpper()).isTrue();
    assertThat(d.differenceLower()).as("difference bound").isLessThanOrEqualTo(0);
    assertThat(result.measure(ShiftMeasure.DELTA).words()).hasSize(result.tested());
  }
}
