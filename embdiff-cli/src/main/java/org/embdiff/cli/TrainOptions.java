package org.embdiff.cli;

import java.nio.file.Path;
import org.embdiff.compare.AnalysisSettings;
import picocli.CommandLine.Option;

/** The controlled comparison's options of {@code compare} and {@code demo}: train both sides alike on their corpora. */
final class TrainOptions {
  @Option(names = "--train", paramLabel = "sgns|glove",
      description = "Also train both sides alike on their corpora (same trainer, settings, token budget and vocabulary rule) "
          + "and compare those spaces: the controlled comparison.")
  String trainer;

  @Option(converter = Ranges.PositiveInt.class, names = "--dim", description = "Dimension of the trained spaces (default: ${DEFAULT-VALUE}).")
  int dim = 50;

  @Option(converter = Ranges.PositiveInt.class, names = "--epochs", description = "Training epochs (GloVe: iterations) (default: ${DEFAULT-VALUE}).")
  int epochs = 5;

  @Option(converter = Ranges.PositiveInt.class, names = "--window", description = "Training window (default: ${DEFAULT-VALUE}).")
  int window = 5;

  @Option(converter = Ranges.PositiveLong.class, names = "--min-count", description = "Vocabulary rule of every trained space (default: ${DEFAULT-VALUE}).")
  long minCount = 5;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--replicates",
      description = "Bootstrap replicates per side, 0 or >= 3: their within-domain differences are the null of the shift "
          + "(default: ${DEFAULT-VALUE}).")
  int replicates = 3;

  @Option(converter = Ranges.NonNegativeLong.class, names = "--train-tokens",
      description = "Token budget per side (0 = the smaller corpus's size; the larger is subsampled by document) "
          + "(default: ${DEFAULT-VALUE}).")
  long tokens = 0;

  @Option(names = "--train-cache", paramLabel = "DIR",
      description = "Where trained spaces are kept by input hash and settings, so a rerun does not retrain "
          + "(default: ~/.cache/embdiff/trained).")
  Path cache;

  @Option(names = "--no-train-cache", description = "Neither read nor write trained spaces.")
  boolean noCache;

  /** Whether --train was given. */
  boolean given() {
    return trainer != null;
  }

  /**
   * The demo's controlled comparison: SGNS, 25d, 2 epochs, 100,000 tokens per side and 3 replicates,
   * each unless given on the command line (a small, cached stage beside the pretrained comparison).
   */
  TrainOptions forDemo(picocli.CommandLine.ParseResult given) {
    if (trainer == null) {
      trainer = "sgns";
    }
    if (!matched(given, "--dim")) {
      dim = 25;
    }
    if (!matched(given, "--epochs")) {
      epochs = 2;
    }
    if (!matched(given, "--train-tokens")) {
      tokens = 100_000;
    }
    return this;
  }

  private static boolean matched(picocli.CommandLine.ParseResult pr, String option) {
    for (picocli.CommandLine.ParseResult p = pr; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
      if (p.hasMatchedOption(option)) {
        return true;
      }
    }
    return false;
  }

  /** {@code analyses} with the controlled comparison these options ask for (unchanged without --train). */
  AnalysisSettings apply(AnalysisSettings analyses) {
    if (trainer == null) {
      return analyses;
    }
    AnalysisSettings.Trainer t = switch (trainer.toLowerCase(java.util.Locale.ROOT)) {
      case "sgns" -> AnalysisSettings.Trainer.SGNS;
      case "glove" -> AnalysisSettings.Trainer.GLOVE;
      default -> throw new IllegalArgumentException("--train must be sgns or glove, got '" + trainer + "'");
    };
    if (replicates == 1 || replicates == 2) {
      throw new IllegalArgumentException("--replicates must be 0 or at least 3 (the null spread needs 3 within-side pairs), got "
          + replicates);
    }
    return analyses.withControlled(new AnalysisSettings.Controlled(t, dim, epochs, window, minCount, replicates, tokens,
        noCache ? null : cache != null ? cache : defaultCache()));
  }

  /** $XDG_CACHE_HOME/embdiff/trained, else ~/.cache/embdiff/trained. */
  static Path defaultCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("embdiff").resolve("trained");
  }
}
