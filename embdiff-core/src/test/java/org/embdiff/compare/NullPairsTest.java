package org.embdiff.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.embdiff.claims.Claim;
import org.embdiff.claims.Verdict;
import org.embdiff.compare.analyses.Analyses;
import org.embdiff.io.SideSpec;
import org.embdiff.io.VectorReader;
import org.embdiff.linalg.CentredPca;
import org.embdiff.stats.Counts;
import org.embdiff.stats.FrequencyListReader;
import org.embdiff.stats.VocabularyHarmoniser;
import org.embdiff.testing.BundledData;
import org.embdiff.vec.EmbeddingSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pairs with no domain difference must give no difference: a side against itself, against an exact
 * linear re-dimensioning of itself (centred PCA to 25d), and a frequency list against the same list
 * re-tokenised text8-style. Every claim is then no difference, inconclusive, confounded or not
 * measurable, never supported or contradicted; and every interval contains its estimate and no claim is
 * decided by a difference inside its margin.
 */
class NullPairsTest {
  @TempDir
  Path dir;

  @Test
  void aSpaceAgainstItselfAndAgainstItsCentredPcaGivesNoDifference() throws Exception {
    EmbeddingSpace wiki = VectorReader.load(BundledData.path("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz")).space().head(2000);
    Path self = write("wiki.txt", wiki);
    Path pca = write("wikipca.txt", CentredPca.fit(wiki, 25).project(wiki));
    assertNoDifferences(run(new SideSpec("wiki", self, List.of(), null), new SideSpec("wikiagain", self, List.of(), null)));
    assertNoDifferences(run(new SideSpec("wiki", self, List.of(), null), new SideSpec("wikipca", pca, List.of(), null)));
  }

  @Test
  void aFrequencyListAgainstItselfReTokenisedText8StyleGivesNoDifference() throws Exception {
    Counts twitter = FrequencyListReader.read(BundledData.path("freq/twitter-ark-wordfreq.top60k.tsv.gz"));
    Path raw = dir.resolve("twitter.tsv");
    Path text8 = dir.resolve("twitter-text8.tsv");
    try (BufferedWriter w = Files.newBufferedWriter(raw, StandardCharsets.UTF_8)) {
      for (int i = 0; i < twitter.size(); i++) {
        w.write(twitter.word(i) + "\t" + twitter.count(i) + "\n");
      }
    }
    Counts harmonised = VocabularyHarmoniser.of(twitter).counts();
    try (BufferedWriter w = Files.newBufferedWriter(text8, StandardCharsets.UTF_8)) {
      for (int i = 0; i < harmonised.size(); i++) {
        w.write(harmonised.word(i) + "\t" + harmonised.count(i) + "\n");
      }
    }
    assertNoDifferences(run(new SideSpec("twitter", null, List.of(), raw), new SideSpec("text8", null, List.of(), text8)));
  }

  private List<Claim> run(SideSpec a, SideSpec b) throws Exception {
    CompareSettings settings = new CompareSettings(a, b, null, List.of(), List.of(), null, 42, 2, 10);
    return Analyses.runner(settings).run(org.embdiff.util.ProgressListener.NONE).claims();
  }

  private static void assertNoDifferences(List<Claim> claims) {
    String table = claims.stream().map(c -> c.id() + " " + c.verdict() + " " + c.reason()).collect(Collectors.joining("\n"));
    assertThat(claims).as(table).isNotEmpty();
    assertThat(claims).as(table).noneMatch(c -> c.verdict() == Verdict.SUPPORTED || c.verdict() == Verdict.CONTRADICTED);
    for (Claim c : claims) {
      assertThat(c.labelA()).as(c.id()).isNotBlank();
      assertThat(c.labelB()).as(c.id()).isNotBlank();
      assertThat(c.changedBy().equals(Claim.NO_CONTROL)).as(c.id()).isEqualTo(c.verdict() == c.naiveVerdict());
    }
    ClaimIntervalsTest.assertIntervalsHold(claims);
  }

  private Path write(String name, EmbeddingSpace s) throws Exception {
    Path p = dir.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      for (int r = 0; r < s.size(); r++) {
        StringBuilder sb = new StringBuilder(s.word(r));
        for (int c = 0; c < s.dim(); c++) {
          sb.append(' ').append(String.format(Locale.ROOT, "%.6f", s.get(r, c)));
        }
        w.write(sb.append('\n').toString());
      }
    }
    return p;
  }
}
