package org.embdiff.cooc;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link CountingEngine}s by name through {@link ServiceLoader}. */
public final class CountingEngines {
  private CountingEngines() {}

  /** Thrown when no provider of the named engine is on the class path. */
  public static final class EngineNotFoundException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    EngineNotFoundException(String message) {
      super(message);
    }
  }

  /** The names of the engines on the class path. */
  public static List<String> available() {
    List<String> names = new ArrayList<>();
    for (CountingEngineProvider p : ServiceLoader.load(CountingEngineProvider.class)) {
      names.add(p.name());
    }
    return names;
  }

  /**
   * Starts the engine called {@code name}.
   *
   * @throws EngineNotFoundException when no provider of that name is on the class path
   */
  public static CountingEngine open(String name, EngineSettings settings) {
    for (CountingEngineProvider p : ServiceLoader.load(CountingEngineProvider.class)) {
      if (p.name().equalsIgnoreCase(name)) {
        return p.open(settings);
      }
    }
    throw new EngineNotFoundException("the " + name + " engine is not on the class path (found: "
        + (available().isEmpty() ? "none" : String.join(", ", available())) + ")");
  }
}
