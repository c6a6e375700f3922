package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embdiff.io.LoadSummary;
import org.embdiff.io.LoadedVectors;
import org.embdiff.vec.EmbeddingSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff info FILE}: words, dimension, format, warnings and a norms summary. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Describe a vector file: words, dimension, format, warnings, norms.")
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions input;

  @Parameters(paramLabel = "FILE", description = "Vector file (GloVe, word2vec text/binary, fastText .vec, embdiff binary; optionally compressed).")
  Path file;

  @Override
  public Integer call() throws Exception {
    LoadedVectors loaded = input.load(file);
    LoadSummary s = loaded.summary();
    EmbeddingSpace space = loaded.space();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("file:        %s%n", s.path());
    out.printf("format:      %s (compression: %s)%n", s.format(), s.compression());
    out.printf("words:       %,d%n", space.size());
    out.printf("dimensions:  %d%n", space.dim());
    double min = Double.POSITIVE_INFINITY, max = 0, sum = 0;
    for (int r = 0; r < space.size(); r++) {
      double n = space.norm(r);
      min = Math.min(min, n);
      max = Math.max(max, n);
      sum += n;
    }
    out.printf("norms:       min %.4f  mean %.4f  max %.4f%n", min, sum / space.size(), max);
    if (s.warnings().isEmpty()) {
      out.println("warnings:    none");
    } else {
      out.println("warnings:");
      for (Map.Entry<String, Long> w : s.warnings().entrySet()) {
        out.printf("  %,d x %s (first: %s)%n", w.getValue(), w.getKey(), s.examples().get(w.getKey()));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
