package org.embdiff.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embdiff.io.SideSpec;
import org.embdiff.report.CompareSettings;
import picocli.CommandLine.Option;

/**
 * Evaluation inputs of {@code compare} and {@code demo}: analogy and pair files, lexicons, probe
 * words. When none are given, the bundled sets under {@code data/} are used if present.
 */
public final class EvaluationOptions {
  @Option(names = "--analogies", paramLabel = "FILE", description = "Analogy questions (questions-words.txt format). Default: the bundled Google set.")
  Path analogies;

  @Option(names = "--pairs", arity = "1..*", paramLabel = "FILE", description = "Word-pair similarity files (w1 w2 score). Default: the 13 bundled sets.")
  List<Path> pairs;

  @Option(names = "--lexicons", arity = "1..*", paramLabel = "PATH", description = "Labelled word lexicons for the transfer classifier: files, or a folder of them (.tsv, .tsv.gz). Default: the bundled Bing Liu, AFINN and WordNet supersenses.")
  List<Path> lexicons;

  /** The earlier spelling of --lexicons, still accepted. */
  @Option(names = "--lexicon", arity = "1..*", hidden = true)
  List<Path> lexiconsOldName;

  // no picocli split: it treats a quote inside a word as the start of a quoted value (and warns)
  @Option(names = "--probe-words", paramLabel = "WORD[,WORD...]", description = "Words to follow through shift, projection and attention (comma-separated). Default: apple, viral, tweet, follow, cloud, ...")
  List<String> probeWordLists;

  @Option(names = "--no-bundled-eval", description = "Do not fall back to the bundled evaluation sets and lexicons.")
  boolean noBundled;

  @Option(converter = Ranges.PositiveInt.class, names = "--top", paramLabel = "N", description = "Rows of per-word tables shown in the HTML; CSVs have all (default: ${DEFAULT-VALUE}).")
  int top = 50;

  /** The bundled data folder: {@code $embdiff.home/data}, else {@code ./data}. */
  static Path bundledData() {
    String home = System.getProperty("embdiff.home");
    return (home == null ? Path.of("") : Path.of(home)).toAbsolutePath().resolve("data").normalize();
  }

  /** The settings for two sides with these options. */
  CompareSettings settings(SideSpec a, SideSpec b, CommonOptions common) throws IOException {
    Path data = bundledData();
    boolean useBundled = !noBundled && Files.isDirectory(data.resolve("eval"));
    Path analogyFile = analogies;
    if (analogyFile == null && useBundled && Files.isRegularFile(data.resolve("eval/questions-words.txt"))) {
      analogyFile = data.resolve("eval/questions-words.txt");
    }
    List<Path> pairFiles = pairs;
    if (pairFiles == null) {
      pairFiles = useBundled && Files.isDirectory(data.resolve("eval/word-sim"))
          ? CompareCommand.filesIn(data.resolve("eval/word-sim"), ".txt") : List.of();
    }
    List<Path> lexiconFiles = null;
    if (lexicons != null || lexiconsOldName != null) {
      lexiconFiles = new ArrayList<>();
      for (List<Path> given : java.util.Arrays.asList(lexicons, lexiconsOldName)) {
        for (Path p : given == null ? List.<Path>of() : given) {
          if (Files.isDirectory(p)) {
            lexiconFiles.addAll(CompareCommand.filesIn(p, ".tsv"));
            lexiconFiles.addAll(CompareCommand.filesIn(p, ".tsv.gz"));
          } else {
            lexiconFiles.add(p);
          }
        }
      }
    }
    if (lexiconFiles == null) {
      lexiconFiles = new ArrayList<>();
      if (useBundled) {
        for (String name : List.of("bing-liu-opinion-lexicon.tsv", "afinn-165.tsv", "wordnet30-lexnames.tsv.gz")) {
          Path p = data.resolve("lexicons").resolve(name);
          if (Files.isRegularFile(p)) {
            lexiconFiles.add(p);
          }
        }
      }
    }
    List<Path> all = new ArrayList<>(pairFiles);
    all.addAll(lexiconFiles);
    if (analogyFile != null) {
      all.add(analogyFile);
    }
    for (Path p : all) {
      if (!Files.isRegularFile(p)) {
        throw new IOException("no such file " + p);
      }
    }
    List<String> probeWords = null;
    if (probeWordLists != null) {
      probeWords = new ArrayList<>();
      for (String list : probeWordLists) {
        for (String w : list.split(",")) {
          if (!w.isBlank()) {
            probeWords.add(w.strip());
          }
        }
      }
    }
    return new CompareSettings(a, b, analogyFile, pairFiles, lexiconFiles, probeWords, common.seed(), common.threads(),
        top);
  }
}
