package org.embdiff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embdiff.io.SideSpec;
import org.embdiff.io.VectorReader;
import org.embdiff.stats.Counts;
import org.embdiff.transfer.FrequencyLists;
import org.embdiff.util.AtomicFiles;
import org.embdiff.vec.EmbeddingSpace;
import picocli.CommandLine.Option;

/**
 * {@code --a NAME=vectors:PATH,freq:PATH,corpus:PATH --b ...} and {@code --out DIR}, with the bundled
 * wiki and Twitter data as defaults (resolved against {@code -Dembdiff.home}, else the working
 * directory).
 */
final class TwoSidesOptions {
  static final String DEFAULT_A = "wiki=vectors:data/embeddings/glove.6B.100d.twitter12k-vocab.txt.gz,"
      + "freq:data/freq/enwiki_vocab_min200.top60k.txt.gz";
  static final String DEFAULT_B = "twitter=vectors:data/embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz,"
      + "freq:data/freq/twitter-ark-wordfreq.top60k.tsv.gz";

  @Option(names = "--a", paramLabel = "NAME=vectors:PATH,freq:PATH,corpus:PATH",
      description = "Side A (default: the bundled GloVe 6B 100d vectors and an English Wikipedia frequency list).")
  String a;

  @Option(names = "--b", paramLabel = "NAME=vectors:PATH,freq:PATH,corpus:PATH",
      description = "Side B, the other domain (default: the bundled GloVe Twitter 25d vectors "
          + "and the TweetNLP word counts).")
  String b;

  @Option(names = "--out", paramLabel = "DIR", description = "Also write the results as JSON into DIR.")
  @Output(Output.Kind.FOLDER)
  Path out;

  /** Side A, parsed (defaults resolved against the install directory). */
  SideSpec sideA() {
    return a == null ? resolveDefault(SideSpec.parse(DEFAULT_A)) : SideSpec.parse(a);
  }

  /** Side B, parsed. */
  SideSpec sideB() {
    return b == null ? resolveDefault(SideSpec.parse(DEFAULT_B)) : SideSpec.parse(b);
  }

  /** Loads a side's vectors, or fails naming the side and what to give. */
  static EmbeddingSpace vectors(SideSpec side) throws IOException {
    if (!side.hasVectors()) {
      throw new IllegalArgumentException("side '" + side.name() + "' has no vectors; give " + side.name()
          + "=vectors:PATH,...");
    }
    return VectorReader.load(side.vectors()).space();
  }

  /** A side's frequency list, or null when it has none. */
  static Counts frequencies(SideSpec side) throws IOException {
    return side.hasFrequencies() ? FrequencyLists.read(side.frequencies()) : null;
  }

  /**
   * {@code relative} in the install directory ({@code embdiff.home}, set by the launcher), else in
   * the working directory or its parent (a module directory in a source checkout).
   */
  static Path bundled(String relative) {
    String home = System.getProperty("embdiff.home");
    if (home != null && Files.exists(Path.of(home, relative))) {
      return Path.of(home, relative);
    }
    Path parent = Path.of("").toAbsolutePath().getParent();
    if (!Files.exists(Path.of(relative)) && parent != null && Files.exists(parent.resolve(relative))) {
      return parent.resolve(relative);
    }
    return Path.of(relative);
  }

  /** Writes {@code value} as pretty JSON to {@code DIR/name} when --out was given. */
  void writeJson(String name, Object value) throws IOException {
    if (out == null) {
      return;
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IOException(out + ": --out must be a directory, this is a file");
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    byte[] json = mapper.writeValueAsBytes(value);
    AtomicFiles.write(out.resolve(name), o -> o.write(json));
  }

  private static SideSpec resolveDefault(SideSpec s) {
    List<Path> corpora = new ArrayList<>();
    s.corpora().forEach(p -> corpora.add(bundled(p.toString())));
    return new SideSpec(s.name(), s.vectors() == null ? null : bundled(s.vectors().toString()), corpora,
        s.frequencies() == null ? null : bundled(s.frequencies().toString()));
  }
}
