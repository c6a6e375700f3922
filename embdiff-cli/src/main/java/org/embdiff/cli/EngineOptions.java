package org.embdiff.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.embdiff.cooc.CountingEngine;
import org.embdiff.cooc.CountingEngines;
import org.embdiff.cooc.EngineSettings;
import picocli.CommandLine.Option;

/**
 * {@code --engine local|spark}, {@code --master} and {@code --partitions} for the counting commands.
 * The Spark engine is looked up through {@link CountingEngines}, so this module never links
 * against Spark.
 */
final class EngineOptions {
  private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/.*");

  @Option(names = "--engine", paramLabel = "local|spark",
      description = "Where to count: local (this process's threads; default) or spark (Apache Spark 4, JDK 17/21; "
          + "corpora may then be Hadoop URIs such as hdfs://...).")
  String engine = "local";

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master for --engine spark: local[*], local[N], spark://HOST:7077 or yarn (default: as "
          + "spark-submit set it, else local[*]).")
  String master;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Spark reduce partitions (0 = the cluster's default parallelism; default: ${DEFAULT-VALUE}).")
  int partitions;

  /** Whether the Spark engine was asked for (validates the name). */
  boolean isSpark() {
    return switch (engine.toLowerCase(Locale.ROOT)) {
      case "local" -> {
        if (master != null) {
          throw new IllegalArgumentException("--master needs --engine spark");
        }
        yield false;
      }
      case "spark" -> true;
      default -> throw new IllegalArgumentException("--engine must be local or spark, got '" + engine + "'");
    };
  }

  /** Starts the Spark engine, or says in one line how to get it. */
  CountingEngine open() {
    if (partitions < 0) {
      throw new IllegalArgumentException("--partitions must be >= 0, got " + partitions);
    }
    try {
      return CountingEngines.open("spark", new EngineSettings(master, partitions, Map.of()));
    } catch (CountingEngines.EngineNotFoundException e) {
      throw new IllegalArgumentException("--engine spark: the Spark engine (module embdiff-spark) is not on the class "
          + "path; run ./embdiff, which adds it and the Spark jars, or spark-submit --class org.embdiff.cli.Main "
          + "embdiff-spark/target/embdiff-spark.jar ...");
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("--engine spark: " + e.getMessage());
    }
  }

  /** Whether {@code arg} names a file system URI (hdfs://, s3a://, file:/...) rather than a local path. */
  static boolean isUri(String arg) {
    return URI.matcher(arg).matches();
  }

  /**
   * Corpus arguments for the Spark engine: URIs as given (the engine lists their directories), local
   * paths expanded by {@code localRule} into file URIs.
   */
  static List<String> sparkInputs(List<String> args, LocalRule localRule) throws IOException {
    List<String> out = new ArrayList<>();
    List<Path> local = new ArrayList<>();
    for (String a : args) {
      if (isUri(a)) {
        out.add(a);
      } else {
        local.add(Path.of(a));
      }
    }
    if (!local.isEmpty()) {
      for (Path p : localRule.expand(local)) {
        out.add(p.toAbsolutePath().toUri().toString());
      }
    }
    return out;
  }

  /** Local paths for the local engine; a URI is refused with the way to read it. */
  static List<Path> localPaths(List<String> args) {
    List<Path> out = new ArrayList<>();
    for (String a : args) {
      if (isUri(a) && !a.startsWith("file:")) {
        throw new IllegalArgumentException("corpus " + a + " is a file system URI; read it with --engine spark");
      }
      out.add(a.startsWith("file:") ? Path.of(java.net.URI.create(a)) : Path.of(a));
    }
    return out;
  }

  /** How the local engine expands local paths (the same rule is applied to the Spark engine's local paths). */
  @FunctionalInterface
  interface LocalRule {
    List<Path> expand(List<Path> paths) throws IOException;
  }

  /** The cause a Spark job failure wraps, when it is a bad input (so the message stays one clean line). */
  static RuntimeException unwrap(RuntimeException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t instanceof IOException io) {
        return new java.io.UncheckedIOException(io);
      }
      if (t instanceof IllegalArgumentException iae) {
        return iae;
      }
    }
    return e;
  }
}
