package org.embdiff.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embdiff.io.LoadSummary;
import org.embdiff.io.LoadedVectors;
import org.embdiff.io.MappedEmbeddings;
import org.embdiff.vec.EmbeddingSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff info FILE}: words, dimension, format, warnings and a norms summary. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Describe a vector file: format, compression, words, dimension, load warnings, norms.")
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions input;

  @Parameters(paramLabel = "FILE", description = "Vector file (GloVe, word2vec text/binary, fastText .vec, embdiff binary; optionally compressed).")
  Path file;

  @Option(names = "--json", description = "Print the description as JSON.")
  boolean json;

  @Option(names = "--verify", description = "For an embdiff cache: also check the CRC-32C of the whole file "
      + "(otherwise the cache is memory-mapped and only its header and size are checked).")
  boolean verify;

  /** One counted load warning. */
  record Warning(String kind, long count, String first) {}

  /** L2 norms of the rows. */
  record Norms(double min, double mean, double median, double max, long zeroRows) {}

  /** What {@code info} reports. */
  record Info(String file, String format, String compression, long rowsRead, int words, int dim,
      List<Warning> warnings, Norms norms, double loadSeconds, String checksum) {}

  static Info describe(LoadedVectors loaded, double loadSeconds) {
    LoadSummary s = loaded.summary();
    EmbeddingSpace space = loaded.space();
    float[] m = space.matrix();
    double[] norms = new double[space.size()];
    rowNorms(m, 0, norms.length, space.dim(), norms, 0);
    List<Warning> warnings = new ArrayList<>();
    for (Map.Entry<String, Long> w : s.warnings().entrySet()) {
      warnings.add(new Warning(w.getKey(), w.getValue(), s.examples().get(w.getKey())));
    }
    String checksum = s.format() == org.embdiff.io.VectorFormat.EMBDIFF_BINARY ? "CRC-32C verified" : "none in this format";
    return new Info(s.path().toString(), s.format().cliName(), s.compression(), s.rowsRead(), space.size(),
        space.dim(), warnings, norms(norms), loadSeconds, checksum);
  }

  /** An embdiff cache described straight from its mapping: nothing but a block of rows is copied. */
  static Info describe(MappedEmbeddings mapped, double loadSeconds) {
    int dim = mapped.dim();
    double[] norms = new double[mapped.size()];
    int block = Math.max(1, (1 << 20) / dim);
    float[] rows = new float[block * dim];
    for (int from = 0; from < norms.length; from += block) {
      int n = Math.min(block, norms.length - from);
      mapped.copyRows(from, n, rows, 0);
      rowNorms(rows, 0, n, dim, norms, from);
    }
    return new Info(mapped.file().toString(), org.embdiff.io.VectorFormat.EMBDIFF_BINARY.cliName(), "none", mapped.size(),
        mapped.size(), dim, List.of(), norms(norms), loadSeconds,
        mapped.verified() ? "CRC-32C verified" : "not checked (memory-mapped; --verify checks it)");
  }

  private static void rowNorms(float[] m, int firstRow, int count, int dim, double[] out, int outFrom) {
    for (int r = 0; r < count; r++) {
      // a plain double loop: one pass, no kernel warm-up for a one-shot command
      double sq = 0;
      for (int k = (firstRow + r) * dim, end = k + dim; k < end; k++) {
        sq += (double) m[k] * m[k];
      }
      out[outFrom + r] = Math.sqrt(sq);
    }
  }

  private static Norms norms(double[] norms) {
    double sum = 0;
    long zero = 0;
    for (double v : norms) {
      sum += v;
      if (v == 0) {
        zero++;
      }
    }
    Arrays.sort(norms);
    int n = norms.length;
    if (n == 0) {
      return new Norms(0, 0, 0, 0, 0);
    }
    double median = n % 2 == 1 ? norms[n / 2] : (norms[n / 2 - 1] + norms[n / 2]) / 2;
    return new Norms(norms[0], sum / n, median, norms[n - 1], zero);
  }

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    Info info;
    if (input.isPlain() && MappedEmbeddings.isCache(file)) {
      MappedEmbeddings mapped = MappedEmbeddings.open(file, verify);
      info = describe(mapped, (System.nanoTime() - start) / 1e9);
    } else {
      LoadedVectors loaded = input.load(file);
      info = describe(loaded, (System.nanoTime() - start) / 1e9);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      // non-ASCII as JSON backslash-u escapes: bidirectional controls in a word stay exact and inert on a terminal
      out.println(com.fasterxml.jackson.databind.json.JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
          .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build().writeValueAsString(info));
      out.flush();
      return ExitCodes.OK;
    }
    out.printf("file:        %s%n", info.file());
    out.printf("format:      %s (compression: %s)%n", info.format(), info.compression());
    out.printf("words:       %,d%n", info.words());
    out.printf("dimensions:  %d%n", info.dim());
    out.printf("loaded in:   %.3f s%n", info.loadSeconds());
    out.printf("checksum:    %s%n", info.checksum());
    if (info.rowsRead() != info.words()) {
      out.printf("rows read:   %,d%n", info.rowsRead());
    }
    Norms nm = info.norms();
    out.printf("norms:       min %.4f  mean %.4f  median %.4f  max %.4f%s%n", nm.min(), nm.mean(), nm.median(), nm.max(),
        nm.zeroRows() > 0 ? String.format("  (%,d zero rows)", nm.zeroRows()) : "");
    if (info.warnings().isEmpty()) {
      out.println("warnings:    none");
    } else {
      out.println("warnings:");
      for (Warning w : info.warnings()) {
        out.printf("  %,d x %s (first: %s)%n", w.count(), w.kind(), w.first());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
