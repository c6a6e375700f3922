package org.embdiff.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.embdiff.io.EncodingErrors;
import org.embdiff.io.LoadOptions;
import org.embdiff.io.LoadedVectors;
import org.embdiff.io.VectorFormat;
import org.embdiff.io.VectorReader;
import picocli.CommandLine.Option;

/** Options that control how a vector file is loaded. */
public final class VectorInputOptions {
  @Option(names = "--format", description = "Input format (default: detected). One of: ${COMPLETION-CANDIDATES}.")
  VectorFormat format;

  @Option(names = "--limit", description = "Load only the first N rows (0 = all).")
  int limit;

  @Option(names = "--vocab", description = "Load only the words listed in this file (one per line).")
  Path vocab;

  @Option(names = "--encoding-errors", description = "Invalid UTF-8 in words: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  EncodingErrors encodingErrors = EncodingErrors.REPLACE;

  /** The load options these flags describe. */
  public LoadOptions toLoadOptions() throws IOException {
    Set<String> words = null;
    if (vocab != null) {
      words = new HashSet<>();
      for (String line : Files.readAllLines(vocab)) {
        String w = line.strip();
        if (!w.isEmpty()) {
          words.add(w.split("\\s+")[0]);
        }
      }
    }
    return new LoadOptions(format, limit, words, encodingErrors);
  }

  /** Loads {@code path} with these options. */
  public LoadedVectors load(Path path) throws IOException {
    return VectorReader.load(path, toLoadOptions());
  }
}
