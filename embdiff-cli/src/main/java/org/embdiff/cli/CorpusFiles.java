package org.embdiff.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands corpus arguments: files as given, directories to their matching files (recursively, sorted). */
final class CorpusFiles {
  private CorpusFiles() {}

  static List<Path> expand(List<Path> args, String glob) throws IOException {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    List<Path> out = new ArrayList<>();
    for (Path p : args) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          List<Path> found = s.filter(Files::isRegularFile).filter(f -> matcher.matches(f.getFileName()))
              .sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
          if (found.isEmpty()) {
            throw new FileNotFoundException("no file matching '" + glob + "' under " + p + "; set --glob");
          }
          out.addAll(found);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new FileNotFoundException("corpus not found: " + p);
      }
    }
    return out;
  }
}
