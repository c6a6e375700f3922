package org.embdiff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.embdiff.io.EncodingErrors;
import org.embdiff.io.LoadOptions;
import org.embdiff.io.LoadedVectors;
import org.embdiff.io.VectorFormat;
import org.embdiff.io.VectorReader;
import org.embdiff.io.TruncatedFileException;
import org.embdiff.io.VectorFormatException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options that control how a vector file is loaded. */
public final class VectorInputOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--format", converter = EnumWords.Formats.class, paramLabel = "FORMAT",
      description = "Input format (default: detected from the content): glove, word2vec, word2vec-binary, fasttext, embdiff.")
  VectorFormat format;

  @Option(names = "--limit", paramLabel = "N", converter = Ranges.NonNegativeInt.class, description = "Load only the first N rows (0 = all).")
  int limit;

  @Option(names = "--vocab", paramLabel = "FILE", description = "Load only the words listed in this file (first token of each line).")
  Path vocab;

  @Option(names = "--encoding-errors", paramLabel = "POLICY", description = "Invalid UTF-8 in words: strict (refuse the file), replace (by U+FFFD) or skip (the row) (default: replace).")
  EncodingErrors encodingErrors = EncodingErrors.REPLACE;

  @Option(names = "--allow-truncated", description = "Load a text file with fewer rows than its header announces "
      + "(a cut download), with a warning; without it such a file is refused.")
  boolean allowTruncated;

  /** Whether no flag restricts or reinterprets the file (no --limit, --vocab, or a --format other than embdiff). */
  public boolean isPlain() {
    return limit == 0 && vocab == null && (format == null || format == VectorFormat.EMBDIFF_BINARY);
  }

  /** The load options these flags describe. */
  public LoadOptions toLoadOptions() throws IOException {
    Set<String> words = null;
    if (vocab != null) {
      if (!Files.isRegularFile(vocab)) {
        throw new java.nio.file.NoSuchFileException(vocab + ": --vocab file not found (check the path)");
      }
      words = new HashSet<>();
      for (String line : new String(Files.readAllBytes(vocab), StandardCharsets.UTF_8).split("\n")) {
        String w = line.strip();
        if (!w.isEmpty()) {
          words.add(w.split("\\s+")[0]);
        }
      }
    }
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
    }
    return new LoadOptions(format, limit, words, encodingErrors, allowTruncated);
  }

  /** Loads {@code path} with these options, with a progress bar on a terminal for long loads. */
  public LoadedVectors load(Path path) throws IOException {
    LoadedVectors loaded;
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      loaded = VectorReader.load(path, toLoadOptions(), progress);
    } catch (TruncatedFileException e) {
      throw new VectorFormatException(e.getMessage() + ", or pass --allow-truncated to load the " + e.present()
          + " rows present", e);
    }
    if (loaded.summary().truncation() != null && mixee != null) {
      mixee.commandLine().getErr().println("embdiff: warning: " + path + " is truncated (" + loaded.summary().truncation()
          + "); results cover only these rows");
      mixee.commandLine().getErr().flush();
    }
    return loaded;
  }
}
