package org.embdiff.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One scratch folder per test JVM for the fuzz targets' input files, removed at exit. */
final class FuzzFiles {
  private static final Path DIR = create();

  private FuzzFiles() {}

  /** A file in the scratch folder, overwritten by each input. */
  static Path file(String name) {
    return DIR.resolve(name);
  }

  private static Path create() {
    try {
      Path dir = Files.createTempDirectory("embdiff-fuzz-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try (var files = Files.list(dir)) {
          for (Path p : (Iterable<Path>) files::iterator) {
            Files.deleteIfExists(p);
          }
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // best effort: a temp folder
        }
      }));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
