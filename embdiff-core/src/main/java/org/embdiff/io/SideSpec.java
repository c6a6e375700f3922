package org.embdiff.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One side of a comparison: a name and any combination of vectors, corpora and a frequency list,
 * and optionally the tokenizer of its corpora. Written on the command line as
 * {@code NAME=vectors:PATH,corpus:PATH,freq:PATH,tokenizer:NAME} (several {@code corpus:} parts
 * allowed; a bare {@code NAME=PATH} means vectors).
 *
 * @param name side name ("wiki", "twitter")
 * @param vectors vector file or null
 * @param corpora corpus files (possibly empty)
 * @param frequencies frequency list or null
 * @param tokenizer tokenizer name for the corpora ({@code org.embdiff.text.Tokenizers}), or null to
 *     decide by the corpus's content
 * @param vectorOptions how to read the vector file (format, limit, vocabulary); null for the defaults
 */
public record SideSpec(String name, Path vectors, List<Path> corpora, Path frequencies, String tokenizer,
    LoadOptions vectorOptions) {
  /** A side whose corpus tokenizer is decided by content and whose vectors are read with the defaults. */
  public SideSpec(String name, Path vectors, List<Path> corpora, Path frequencies) {
    this(name, vectors, corpora, frequencies, null, null);
  }

  /** The same side with its vectors read with {@code options}. */
  public SideSpec withVectorOptions(LoadOptions options) {
    return new SideSpec(name, vectors, corpora, frequencies, tokenizer, options);
  }

  /** Validates and copies. */
  public SideSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("side name must not be empty");
    }
    corpora = List.copyOf(corpora == null ? List.of() : corpora);
    vectorOptions = vectorOptions == null ? LoadOptions.defaults() : vectorOptions;
  }

  /** Whether this side has vectors. */
  public boolean hasVectors() {
    return vectors != null;
  }

  /** Whether this side has at least one corpus. */
  public boolean hasCorpus() {
    return !corpora.isEmpty();
  }

  /** Whether this side has a frequency list. */
  public boolean hasFrequencies() {
    return frequencies != null;
  }

  /**
   * Parses {@code [NAME=]kind:PATH,...}, naming the side {@code defaultName} when the text has no
   * {@code NAME=} (an {@code =} after the first {@code :} belongs to a path).
   */
  public static SideSpec parse(String text, String defaultName) {
    int eq = text.indexOf('=');
    int colon = text.indexOf(':');
    boolean named = eq > 0 && (colon < 0 || eq < colon);
    return parse(named ? text : defaultName + "=" + text);
  }

  /** Every file this side names (vectors, corpora, frequency list). */
  public List<Path> files() {
    List<Path> files = new ArrayList<>();
    if (vectors != null) {
      files.add(vectors);
    }
    files.addAll(corpora);
    if (frequencies != null) {
      files.add(frequencies);
    }
    return files;
  }

  /**
   * Parses {@code NAME=kind:PATH,kind:PATH...}; kinds are {@code vectors}, {@code corpus},
   * {@code freq}.
   *
   * @throws IllegalArgumentException naming the bad part and the accepted forms
   */
  public static SideSpec parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("side '" + text + "': expected NAME=vectors:PATH,corpus:PATH,freq:PATH");
    }
    String name = text.substring(0, eq).strip();
    if (name.isBlank()) {
      throw new IllegalArgumentException("side '" + text + "': the name before '=' is blank; expected NAME=vectors:PATH,...");
    }
    Path vectors = null;
    Path freq = null;
    String tokenizer = null;
    List<Path> corpora = new ArrayList<>();
    for (String part : text.substring(eq + 1).split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int colon = p.indexOf(':');
      String kind = colon > 0 ? p.substring(0, colon) : "vectors";
      String path = colon > 0 ? p.substring(colon + 1) : p;
      switch (kind) {
        case "vectors", "vec", "v" -> vectors = path(name, p, path);
        case "corpus", "c" -> corpora.add(path(name, p, path));
        case "freq", "frequencies", "f" -> freq = path(name, p, path);
        case "tokenizer", "tok" -> tokenizer = path;
        default -> throw new IllegalArgumentException("side '" + name + "': unknown input kind '" + kind
            + "' in '" + p + "'; expected vectors:, corpus:, freq: or tokenizer:");
      }
    }
    if (vectors == null && corpora.isEmpty() && freq == null) {
      throw new IllegalArgumentException("side '" + name + "' has no inputs; give vectors:PATH, corpus:PATH or freq:PATH");
    }
    return new SideSpec(name, vectors, corpora, freq, tokenizer, null);
  }

  private static Path path(String side, String part, String path) {
    try {
      return Path.of(path);
    } catch (java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException("side '" + side + "': '" + part + "' is not a valid path (" + e.getReason()
          + ")", e);
    }
  }
}
