package org.embdiff.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's bundled {@code data/} directory from a module's test working directory. */
public final class BundledData {
  private BundledData() {}

  /** {@code data/relative} in the project root (the module's parent or the working directory). */
  public static Path path(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 3 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolve("data").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("bundled data file data/" + relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
