package org.embdiff.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.embdiff.testing.SharedData;
import org.embdiff.text.Tokenizers;
import org.embdiff.util.ProgressListener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks JS, smoothed KL and entropy on a real pair (WikiText-2 validation vs TweetEval
 * emotion test) against scipy ({@code scipy.spatial.distance.jensenshannon},
 * {@code scipy.stats.entropy}), an independent implementation. Skips when python3 with scipy is
 * unavailable.
 */
class ScipyCrossCheckTest {
  @TempDir
  Path dir;

  private static final String SCRIPT = String.join("\n",
      "import sys, numpy as np",
      "from scipy.stats import entropy",
      "from scipy.spatial.distance import jensenshannon",
      "a, b = np.loadtxt(sys.argv[1], unpack=True)",
      "lam = float(sys.argv[2])",
      "js = jensenshannon(a / a.sum(), b / b.sum(), base=2) ** 2",
      "V = len(a)",
      "ps = (a + lam) / (a.sum() + lam * V)",
      "qs = (b + lam) / (b.sum() + lam * V)",
      "print(repr(float(js)), repr(float(entropy(ps, qs, base=2))), repr(float(entropy(qs, ps, base=2))),",
      "      repr(float(entropy(a[a > 0], base=2))), repr(float(entropy(b[b > 0], base=2))))");

  @Test
  void realPairAgreesWithScipyTo1e9Relative() throws Exception {
    Path wiki = SharedData.require("corpora/wiki/wikitext-2.valid.tokens.gz");
    Path tweets = SharedData.require("corpora/twitter/tweeteval/emotion/test_text.txt.gz");
    Counts a = new CorpusCounter(Tokenizers.byName("whitespace")).count(List.of(wiki), ProgressListener.NONE);
    Counts b = new CorpusCounter(Tokenizers.byName("twitter")).count(List.of(tweets), ProgressListener.NONE);
    DomainDivergence d = DomainDivergence.of(a, b, DomainDivergence.Settings.defaults());
    StringBuilder sb = new StringBuilder();
    for (WordContribution w : d.words()) {
      sb.append(w.countA()).append(' ').append(w.countB()).append('\n');
    }
    Path data = dir.resolve("pair.txt");
    Files.writeString(data, sb);
    Path script = dir.resolve("check.py");
    Files.writeString(script, SCRIPT);
    String[] out = runPython(script, data, d.smoothingLambda());
    assertThat(d.unionTypes()).isGreaterThan(15_000);
    assertRel(d.jensenShannonBits(), Double.parseDouble(out[0]));
    assertRel(d.mutualInformationBits(), Double.parseDouble(out[0]));
    assertRel(d.klABBits(), Double.parseDouble(out[1]));
    assertRel(d.klBABits(), Double.parseDouble(out[2]));
    assertRel(EntropyEstimate.of(a, 0, 0.95, 1).plugInBits(), Double.parseDouble(out[3]));
    assertRel(EntropyEstimate.of(b, 0, 0.95, 1).plugInBits(), Double.parseDouble(out[4]));
    assertThat(d.jensenShannonBits()).isBetween(0.3, 0.9);
  }

  /**
   * The same check on the bundled corpus samples, so that it runs in any clone: scipy's numbers are
   * computed live when python3-scipy is installed, else read from {@code scipy-bundled-pair.txt} (written
   * by this test's script once, with the versions it names; rerun with {@code -Dembdiff.recordFixtures=true}
   * from the module folder to refresh it).
   */
  @Test
  void bundledPairAgreesWithScipyTo1e9Relative() throws Exception {
    Path wiki = org.embdiff.testing.BundledData.path("corpora/enwiki-gensim-sample.plain.txt.gz");
    Path tweets = org.embdiff.testing.BundledData.path("corpora/tweeteval-train-sample.txt.gz");
    Counts a = new CorpusCounter(Tokenizers.byName("whitespace")).count(List.of(wiki), ProgressListener.NONE);
    Counts b = new CorpusCounter(Tokenizers.byName("twitter")).count(List.of(tweets), ProgressListener.NONE);
    DomainDivergence d = DomainDivergence.of(a, b, DomainDivergence.Settings.defaults());
    String[] expected;
    if (scipyAvailable()) {
      StringBuilder sb = new StringBuilder();
      for (WordContribution w : d.words()) {
        sb.append(w.countA()).append(' ').append(w.countB()).append('\n');
      }
      Path data = dir.resolve("pair.txt");
      Files.writeString(data, sb);
      Path script = dir.resolve("check.py");
      Files.writeString(script, SCRIPT);
      expected = runPython(script, data, d.smoothingLambda());
      if (Boolean.getBoolean("embdiff.recordFixtures")) {
        String versions = String.join(" ", runPython("import scipy, numpy; print('scipy', scipy.__version__, 'numpy', "
            + "numpy.__version__)"));
        Files.writeString(Path.of("src/test/resources/org/embdiff/stats/scipy-bundled-pair.txt"),
            "# JS, KL(A||B), KL(B||A), H(A), H(B) in bits by ScipyCrossCheckTest.SCRIPT on the bundled samples (" + versions
                + ")\n" + String.join(" ", expected) + "\n");
      }
    } else {
      try (var in = ScipyCrossCheckTest.class.getResourceAsStream("scipy-bundled-pair.txt")) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        expected = text.lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow().strip().split("\\s+");
      }
    }
    assertThat(d.unionTypes()).isGreaterThan(20_000);
    assertRel(d.jensenShannonBits(), Double.parseDouble(expected[0]));
    assertRel(d.mutualInformationBits(), Double.parseDouble(expected[0]));
    assertRel(d.klABBits(), Double.parseDouble(expected[1]));
    assertRel(d.klBABits(), Double.parseDouble(expected[2]));
    assertRel(EntropyEstimate.of(a, 0, 0.95, 1).plugInBits(), Double.parseDouble(expected[3]));
    assertRel(EntropyEstimate.of(b, 0, 0.95, 1).plugInBits(), Double.parseDouble(expected[4]));
  }

  private static boolean scipyAvailable() throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    if (!Files.isExecutable(python)) {
      return false;
    }
    Process check = new ProcessBuilder(python.toString(), "-c", "import scipy, numpy").redirectErrorStream(true).start();
    check.getInputStream().readAllBytes();
    return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
  }

  private static String[] runPython(String code) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", code).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out.split("\\s+");
  }

  private static void assertRel(double ours, double scipy) {
    assertThat(ours).isCloseTo(scipy, within(Math.abs(scipy) * 1e-9));
  }

  private static String[] runPython(Path script, Path data, double lambda) throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    Assumptions.assumeTrue(Files.isExecutable(python), "skipped: /usr/bin/python3 is absent");
    Process check = new ProcessBuilder(python.toString(), "-c", "import scipy, numpy").redirectErrorStream(true).start();
    check.getInputStream().readAllBytes();
    Assumptions.assumeTrue(check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0,
        "skipped: python3-scipy is not installed");
    Process p = new ProcessBuilder(python.toString(), script.toString(), data.toString(), Double.toString(lambda))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.split("\\s+");
  }
}
