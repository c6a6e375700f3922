package org.embdiff.cooc;

/**
 * Service interface ({@link java.util.ServiceLoader}) for {@link CountingEngine}s that live in
 * other modules; a provider is listed in {@code META-INF/services/org.embdiff.cooc.CountingEngineProvider}.
 */
public interface CountingEngineProvider {
  /** The engine's name ("spark"). */
  String name();

  /**
   * Starts an engine.
   *
   * @throws IllegalStateException in one line when it cannot run here (e.g. an unsupported JDK)
   */
  CountingEngine open(EngineSettings settings);
}
