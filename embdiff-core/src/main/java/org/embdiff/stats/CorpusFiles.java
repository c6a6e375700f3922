package org.embdiff.stats;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Expands corpus arguments, the one rule every command and engine follows: a file stays itself; a
 * directory means the text files inside it, recursively, in name order (or, when a name pattern is
 * given, the files whose name matches it). When a directory holds TweetEval-style {@code *_text.txt[.gz]} files,
 * only those are taken (their {@code *_labels.txt} and {@code mapping.txt} neighbours are not text);
 * otherwise files named README, {@code *.md}, {@code *_labels.txt}, {@code mapping.txt} and raw
 * {@code .xml} dumps are skipped.
 */
public final class CorpusFiles {
  private CorpusFiles() {}

  /** The corpus files that {@code paths} stand for. */
  public static List<Path> expand(List<Path> paths) throws IOException {
    return expand(paths, null);
  }

  /**
   * The corpus files that {@code paths} stand for; in a directory, the files whose name matches the
   * glob {@code namePattern} when it is not null, else the corpus files by the rule above.
   */
  public static List<Path> expand(List<Path> paths, String namePattern) throws IOException {
    PathMatcher matcher = namePattern == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + namePattern);
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(p)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> chosen = matcher == null ? select(files, f -> f.getFileName().toString())
            : files.stream().filter(f -> matcher.matches(f.getFileName())).toList();
        if (chosen.isEmpty()) {
          throw new IOException(p + ": directory holds no corpus files"
              + (namePattern == null ? "" : " whose name matches '" + namePattern + "'"));
        }
        out.addAll(chosen);
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new NoSuchFileException("corpus not found: " + p + " (no such file or directory)");
      }
    }
    return out;
  }

  /**
   * The corpus files among the regular files {@code files} found under one directory (sorted), by
   * the rule above; {@code fileName} gives each one's name. Any engine listing a directory (local
   * or on a Hadoop file system) applies this same rule.
   */
  public static <T> List<T> select(List<T> files, Function<T, String> fileName) {
    List<T> texts = files.stream().filter(f -> name(fileName.apply(f)).matches(".*_text\\.txt(\\.(gz|bz2|xz))?")).toList();
    return !texts.isEmpty() ? texts : files.stream().filter(f -> !skipped(name(fileName.apply(f)))).toList();
  }

  private static String name(String fileName) {
    return fileName.toLowerCase(Locale.ROOT);
  }

  private static boolean skipped(String n) {
    return n.startsWith("readme") || n.endsWith(".md") || n.contains("_labels.txt") || n.equals("mapping.txt")
        || n.contains(".xml") || n.startsWith(".");
  }
}
