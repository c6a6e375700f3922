package org.embdiff.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embdiff.io.SideSpec;
import org.embdiff.stats.CorpusFiles;
import picocli.CommandLine.Option;

/**
 * The one side-options mixin: {@code --a [NAME=]vectors:PATH,freq:PATH,corpus:PATH --b ...}. A
 * side without {@code NAME=} is named wiki (A) or twitter (B). Commands that may run without them
 * fall back to the bundled vectors and frequency lists ({@link BundledData}).
 */
final class TwoSidesOptions {
  @Option(names = "--a", paramLabel = "SIDE",
      description = "Side A: [NAME=]vectors:PATH,corpus:PATH,freq:PATH (a corpus directory means its text files; default name wiki; default inputs: the bundled "
          + "GloVe 6B 100d vectors and an English Wikipedia frequency list).")
  String a;

  @Option(names = "--b", paramLabel = "SIDE",
      description = "Side B, the other domain, in the same form (default name twitter; "
          + "default inputs: the bundled GloVe Twitter 25d vectors and the TweetNLP word counts).")
  String b;

  /** Whether both sides were given. */
  boolean given() {
    return a != null && b != null;
  }

  /** Side A: as given (files checked), else the bundled default. */
  SideSpec sideA() throws IOException {
    return a == null ? BundledData.defaultA() : parse(a, "wiki");
  }

  /** Side B: as given (files checked), else the bundled default. */
  SideSpec sideB() throws IOException {
    return b == null ? BundledData.defaultB() : parse(b, "twitter");
  }

  /**
   * Parses a side, expands a corpus directory to its corpus files (the one corpus-file rule,
   * {@link CorpusFiles}) and checks that every file it names exists (one clear line otherwise).
   */
  static SideSpec parse(String text, String defaultName) throws IOException {
    SideSpec parsed = SideSpec.parse(text, defaultName);
    SideSpec side = new SideSpec(parsed.name(), parsed.vectors(), corpusFiles(parsed), parsed.frequencies(),
        parsed.tokenizer(), parsed.vectorOptions());
    for (Path p : side.files()) {
      if (!Files.isRegularFile(p)) {
        throw new IOException("side '" + side.name() + "': no such file " + p);
      }
    }
    return side;
  }

  private static List<Path> corpusFiles(SideSpec side) throws IOException {
    for (Path p : side.corpora()) {
      if (!Files.exists(p)) {
        throw new IOException("side '" + side.name() + "': no such file " + p);
      }
    }
    return CorpusFiles.expand(side.corpora());
  }
}
