package org.embdiff.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code ../shared/data} (the larger real data beside the clone). Tests that need it call
 * {@link #require(String)}, which falls back to the bundled {@code data/} for the files it carries and
 * skips the test with a clear message when neither has the file.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared data root, from {@code -Dembdiff.shared.data} or {@code ../shared/data}. */
  public static Path root() {
    String configured = System.getProperty("embdiff.shared.data");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured).normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
    }
    return Path.of("../shared/data");
  }

  /**
   * {@code root().resolve(relative)}, else the same file in the project's bundled {@code data/} (which
   * mirrors the shared layout for the files it carries), skipping the calling test when neither has it.
   */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    if (Files.exists(p)) {
      return p;
    }
    Path bundled = bundled(relative);
    Assumptions.assumeTrue(bundled != null,
        "skipped: needs shared data file " + relative + " (../shared/data is absent in this checkout and data/ does "
            + "not bundle it)");
    return bundled;
  }

  /** {@code data/relative} of this checkout, or null when it is not bundled. */
  private static Path bundled(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 3 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolve("data").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
