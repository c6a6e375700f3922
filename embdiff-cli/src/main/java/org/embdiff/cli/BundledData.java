package org.embdiff.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.embdiff.io.SideSpec;

/**
 * The one way to find the bundled {@code data/} folder: under the {@code embdiff.home} property
 * the launcher sets, else in the working directory, else in its parent (a module directory of a
 * source checkout). Also the bundled demo sides and evaluation sets.
 */
final class BundledData {
  private BundledData() {}

  /** The data folder (absolute; may not exist). */
  static Path root() {
    String home = System.getProperty("embdiff.home");
    if (home != null) {
      return Path.of(home).toAbsolutePath().resolve("data").normalize();
    }
    Path cwd = Path.of("").toAbsolutePath();
    if (!Files.isDirectory(cwd.resolve("data")) && cwd.getParent() != null && Files.isDirectory(cwd.getParent().resolve("data"))) {
      return cwd.getParent().resolve("data").normalize();
    }
    return cwd.resolve("data").normalize();
  }

  /** {@code data/<relative>} (may not exist). */
  static Path resolve(String relative) {
    return root().resolve(relative);
  }

  /** {@code data/<relative>}, which must be a file; else one line saying where it was looked for. */
  static Path require(String relative) throws IOException {
    Path p = resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IOException("bundled data file " + p + " is missing; run embdiff from its folder (or set -Dembdiff.home to it)");
    }
    return p;
  }

  /** Whether the bundled evaluation sets are present. */
  static boolean hasEvaluationSets() {
    return Files.isDirectory(resolve("eval"));
  }

  /** The bundled analogy file, or null when absent. */
  static Path analogiesOrNull() {
    Path p = resolve("eval/questions-words.txt");
    return Files.isRegularFile(p) ? p : null;
  }

  /** The bundled word-pair sets ({@code data/eval/word-sim/*.txt}, sorted), empty when absent. */
  static List<Path> pairFiles() throws IOException {
    Path dir = resolve("eval/word-sim");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
  }

  /** The bundled lexicons that are present: Bing Liu, AFINN, WordNet supersenses. */
  static List<Path> lexicons() {
    List<Path> out = new ArrayList<>();
    for (String name : List.of("bing-liu-opinion-lexicon.tsv", "afinn-165.tsv", "wordnet30-lexnames.tsv.gz")) {
      Path p = resolve("lexicons/" + name);
      if (Files.isRegularFile(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** The demo's side A: GloVe 6B 100d, the Wikipedia frequency list and corpus sample. */
  static SideSpec demoA() throws IOException {
    return new SideSpec("wiki", require("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz"),
        List.of(require("corpora/enwiki-gensim-sample.plain.txt.gz")), require("freq/enwiki_vocab_min200.top60k.txt.gz"));
  }

  /** The demo's side B: GloVe Twitter 25d, the TweetNLP counts and the TweetEval sample. */
  static SideSpec demoB() throws IOException {
    return new SideSpec("twitter", require("embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz"),
        List.of(require("corpora/tweeteval-train-sample.txt.gz")), require("freq/twitter-ark-wordfreq.top60k.tsv.gz"));
  }

  /** The default side A of the single-analysis commands: the demo's vectors and frequency list. */
  static SideSpec defaultA() throws IOException {
    return new SideSpec("wiki", require("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz"), List.of(),
        require("freq/enwiki_vocab_min200.top60k.txt.gz"));
  }

  /** The default side B of the single-analysis commands. */
  static SideSpec defaultB() throws IOException {
    return new SideSpec("twitter", require("embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz"), List.of(),
        require("freq/twitter-ark-wordfreq.top60k.tsv.gz"));
  }
}
