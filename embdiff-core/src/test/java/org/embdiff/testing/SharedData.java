package org.embdiff.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code ../shared/data} (the larger real data beside the clone). Tests that need it call
 * {@link #require(String)}, which skips the test with a clear message when it is absent.
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

  /** {@code root().resolve(relative)}, skipping the calling test when the file is absent. */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    Assumptions.assumeTrue(Files.exists(p),
        "skipped: needs shared data file " + relative + " (../shared/data is absent in this checkout)");
    return p;
  }
}
