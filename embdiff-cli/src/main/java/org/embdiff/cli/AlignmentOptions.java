package org.embdiff.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embdiff.align.AnchorPolicy;
import org.embdiff.align.Aligner;
import org.embdiff.align.MapMethod;
import picocli.CommandLine.Option;

/** Options of {@code align} and {@code shift}: the map and the anchors. */
public final class AlignmentOptions {
  @Option(names = "--map", paramLabel = "M", description = "procrustes | pca-procrustes | lstsq (default: procrustes for equal dimensions, else pca-procrustes).")
  String map;

  @Option(names = "--anchors", paramLabel = "FILE", description = "Anchor words, one per line (first column); default: the 5,000 most frequent shared words without stop-words, pseudo-tokens, numbers, short words.")
  Path anchorsFile;

  @Option(converter = Ranges.AtLeastTwo.class, names = "--anchor-count", paramLabel = "N", description = "Anchors under the default policy (default: ${DEFAULT-VALUE}).")
  int anchorCount = AnchorPolicy.DEFAULT_COUNT;

  @Option(names = "--keep-stop-words", description = "Allow stop-words as anchors.")
  boolean keepStopWords;

  /** Whether --map none was asked (no alignment). */
  boolean none() {
    return map != null && map.equalsIgnoreCase("none");
  }

  /** The alignment settings these options describe. */
  Aligner.Settings settings(long seed) throws IOException {
    AnchorPolicy policy;
    if (anchorsFile != null) {
      if (!Files.isRegularFile(anchorsFile)) {
        throw new IllegalArgumentException("--anchors " + anchorsFile + ": no such file (check the path)");
      }
      List<String> words = new ArrayList<>();
      for (String line : Files.readAllLines(anchorsFile)) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(w.split("\\s+")[0]);
        }
      }
      if (words.size() < 2) {
        throw new IllegalArgumentException("--anchors " + anchorsFile + " lists " + words.size() + " words; at least 2 are needed");
      }
      policy = AnchorPolicy.of(words);
    } else {
      policy = new AnchorPolicy(anchorCount, !keepStopWords, null);
    }
    MapMethod method;
    try {
      method = map == null ? null : new EnumWords.Maps().convert(map);
    } catch (picocli.CommandLine.TypeConversionException e) {
      throw new IllegalArgumentException("--map: " + e.getMessage() + " (or none)");
    }
    return Aligner.Settings.defaults().withMethod(method).withAnchors(policy).withSeed(seed);
  }
}
