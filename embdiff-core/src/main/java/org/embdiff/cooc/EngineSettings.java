package org.embdiff.cooc;

import java.util.Map;

/**
 * Where and how a {@link CountingEngine} runs.
 *
 * @param master the cluster to use ({@code local[*]}, {@code spark://HOST:7077}, {@code yarn}); null
 *     = the engine's own default (e.g. what {@code spark-submit} set)
 * @param partitions shuffle partitions for the reduce stages (0 = chosen by the engine)
 * @param properties engine-specific settings passed through (e.g. Spark configuration keys)
 */
public record EngineSettings(String master, int partitions, Map<String, String> properties) {
  /** Validates and copies. */
  public EngineSettings {
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
    }
    properties = Map.copyOf(properties);
  }
}
