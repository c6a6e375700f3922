package org.embdiff.cli;

import picocli.CommandLine.Option;

/** Options every command shares. */
public final class CommonOptions {
  @Option(names = "--verbose", description = "Print stack traces and debug detail.")
  boolean verbose;

  @Option(converter = Ranges.PositiveInt.class, names = "--threads", description = "Worker threads (default: ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  /** Whether --verbose was given. */
  public boolean verbose() {
    return verbose;
  }

  /** Worker threads. */
  public int threads() {
    return threads;
  }

  /** Random seed. */
  public long seed() {
    return seed;
  }
}
