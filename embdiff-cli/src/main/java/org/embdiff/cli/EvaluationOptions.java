package org.embdiff.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.embdiff.compare.AnalysisSettings;
import org.embdiff.compare.CompareSettings;
import org.embdiff.io.SideSpec;
import picocli.CommandLine.Option;

/**
 * Evaluation inputs of {@code compare}, {@code demo} and {@code claims}: analogy and pair files,
 * lexicons, probe words. When none are given, the bundled sets ({@link BundledData}) are used if
 * present.
 */
public final class EvaluationOptions {
  @Option(names = "--analogies", paramLabel = "FILE", description = "Analogy questions (questions-words.txt format). Default: the bundled Google set.")
  Path analogies;

  @Option(names = "--pairs", arity = "1..*", paramLabel = "FILE", description = "Word-pair similarity files (w1 w2 score). Default: the 13 bundled sets.")
  List<Path> pairs;

  @Option(names = "--lexicons", arity = "1..*", paramLabel = "PATH", description = "Labelled word lexicons for the transfer classifier: files, or a folder of them (.tsv, .tsv.gz); the format is recognised by content. Default: the bundled Bing Liu, AFINN and WordNet supersenses.")
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

  /** The settings for two sides with these options. */
  CompareSettings settings(SideSpec a, SideSpec b, CommonOptions common) throws IOException {
    return settings(a, b, common, AnalysisSettings.defaults());
  }

  /** The settings for two sides with these options and {@code analyses}. */
  CompareSettings settings(SideSpec a, SideSpec b, CommonOptions common, AnalysisSettings analyses) throws IOException {
    boolean useBundled = !noBundled && BundledData.hasEvaluationSets();
    Path analogyFile = analogies != null ? analogies : useBundled ? BundledData.analogiesOrNull() : null;
    List<Path> pairFiles = pairs != null ? pairs : useBundled ? BundledData.pairFiles() : List.of();
    List<Path> lexiconFiles = givenLexicons();
    if (lexiconFiles == null) {
      lexiconFiles = useBundled ? BundledData.lexicons() : List.of();
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
    return new CompareSettings(a, b, analogyFile, pairFiles, lexiconFiles, probeWords(), common.seed(), common.threads(),
        top, analyses);
  }

  /** The lexicon files given (folders expanded to their .tsv and .tsv.gz files), or null when none were. */
  List<Path> givenLexicons() throws IOException {
    if (lexicons == null && lexiconsOldName == null) {
      return null;
    }
    List<Path> out = new ArrayList<>();
    for (List<Path> given : java.util.Arrays.asList(lexicons, lexiconsOldName)) {
      for (Path p : given == null ? List.<Path>of() : given) {
        if (Files.isDirectory(p)) {
          try (Stream<Path> s = Files.list(p)) {
            s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().matches(".*\\.tsv(\\.gz)?")).sorted()
                .forEach(out::add);
          }
        } else {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** The probe words given (comma-separated lists), or null for the defaults. */
  List<String> probeWords() {
    if (probeWordLists == null) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (String list : probeWordLists) {
      for (String w : list.split(",")) {
        if (!w.isBlank()) {
          words.add(w.strip());
        }
      }
    }
    return words;
  }
}
