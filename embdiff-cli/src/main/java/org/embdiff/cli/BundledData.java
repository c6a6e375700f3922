package org.embdiff.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Locates the bundled {@code data/} folder: under the {@code embdiff.home} property the launcher sets, else the working directory. */
final class BundledData {
  private BundledData() {}

  /** {@code <home>/data/<relative>}. */
  static Path resolve(String relative) {
    String home = System.getProperty("embdiff.home");
    Path root = home != null ? Path.of(home) : Path.of("");
    return root.resolve("data").resolve(relative);
  }

  /** The bundled analogy file. */
  static Path analogies() throws IOException {
    return existing(resolve("eval/questions-words.txt"), "--analogies");
  }

  /** The bundled word-pair files: {@code data/eval/*.t*} and {@code data/eval/word-sim/*.txt}, sorted. */
  static List<Path> pairFiles() throws IOException {
    Path dir = resolve("eval");
    if (!Files.isDirectory(dir)) {
      throw new IOException("bundled data not found at " + dir.toAbsolutePath()
          + " (run from the embdiff folder, or give the files with --pairs)");
    }
    List<Path> out = new ArrayList<>();
    for (Path d : List.of(dir, dir.resolve("word-sim"))) {
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> files = Files.list(d)) {
        files.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().startsWith("questions-words"))
            .filter(p -> p.getFileName().toString().matches(".*\\.(txt|tsv)(\\.gz)?"))
            .sorted().forEach(out::add);
      }
    }
    return out;
  }

  private static Path existing(Path p, String option) throws IOException {
    if (!Files.isRegularFile(p)) {
      throw new IOException("bundled file not found: " + p.toAbsolutePath() + " (run from the embdiff folder, or give " + option + ")");
    }
    return p;
  }
}
