package org.embdiff.cli;

import picocli.CommandLine.Option;

/** The co-occurrence counting options shared by {@code cooccur} and {@code train glove --corpus}. */
final class WindowOptions {
  @Option(converter = Ranges.PositiveInt.class, names = "--window", description = "Context words on each side of a "
      + "word when counting co-occurrences (default: ${DEFAULT-VALUE}).")
  int window = 10;

  @Option(converter = Ranges.PositiveDouble.class, names = "--memory", paramLabel = "GB", description = "Soft memory "
      + "bound of the co-occurrence counting in GB (default: min(4, half the heap)); beyond it sorted runs spill to disk.")
  Double memoryGb;
}
