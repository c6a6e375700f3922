package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embdiff.claims.SideEstimate;
import org.embdiff.compare.analyses.SpectraAnalysis;
import org.embdiff.cooc.ByteVocabulary;
import org.embdiff.cooc.CooccurrenceMatrix;
import org.embdiff.io.LoadedVectors;
import org.embdiff.linalg.CsrMatrix;
import org.embdiff.linalg.RandomizedSvd;
import org.embdiff.linalg.Spectra;
import org.embdiff.linalg.Spectrum;
import org.embdiff.vec.EmbeddingSpace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embdiff spectrum}: singular-value spectra of co-occurrence matrices and embedding matrices, side by side. */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
    description = {"Singular-value spectra of co-occurrence matrices and of vector files, side by side.",
        "Top-k singular values of X, log(1+X) and PPMI of co-occurrence records (randomized SVD, Halko et al. 2011), "
            + "and PCA spectra of vector files, with decay exponent, effective rank (Roy & Vetterli 2007) and the "
            + "energy share of the top 10/100 (n/a when -k computes fewer)."})
final class SpectrumCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions vectorInput;

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<CoocInput> coocs = new ArrayList<>();

  static final class CoocInput {
    @Option(names = "--cooc", required = true, description = "CREC co-occurrence records.")
    Path crec;

    @Option(names = "--vocab-file", description = "Their vocabulary (default: the largest id in the file, "
        + "which must be at most twice the number of records).")
    Path vocab;

    @Option(names = "--name", description = "Label (default: the file name).")
    String name;
  }

  @Option(names = "--vectors", description = "Vector file(s) for a PCA spectrum.")
  List<Path> vectors = new ArrayList<>();

  @Option(converter = Ranges.PositiveInt.class, names = {"-k", "--top"}, description = "Singular values per matrix (default: ${DEFAULT-VALUE}).")
  int k = 300;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--max-words", description = "Co-occurrence rows/columns kept: the most frequent N words (0 = all; default: ${DEFAULT-VALUE}).")
  int maxWords = 20_000;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--oversampling", description = "Randomized SVD oversampling p (default: ${DEFAULT-VALUE}).")
  int oversampling = 10;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--power-iterations", description = "Randomized SVD power iterations q (default: ${DEFAULT-VALUE}).")
  int powerIterations = 2;

  @Option(converter = Ranges.PositiveDouble.class, names = "--cds", description = "PPMI context-distribution smoothing exponent (1 = none; default: ${DEFAULT-VALUE}).")
  double cds = 1.0;

  @Option(names = "--json", description = "Write every spectrum (all values) as JSON here.")
  @Output(Output.Kind.FILE)
  Path json;

  @Override
  public Integer call() throws Exception {
    if (coocs.isEmpty() && vectors.isEmpty()) {
      throw new IllegalArgumentException("give at least one --cooc FILE or --vectors FILE");
    }
    if (k < 1) {
      throw new IllegalArgumentException("-k must be >= 1, got " + k);
    }
    PrintWriter out = spec.commandLine().getOut();
    RandomizedSvd svd = SpectraAnalysis.svd(oversampling, powerIterations, common.seed());
    List<Spectrum> spectra = new ArrayList<>();
    List<EmbeddingSpace> spaces = new ArrayList<>();
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      for (CoocInput c : coocs) {
        String name = c.name != null ? c.name : c.crec.getFileName().toString();
        int v = c.vocab != null ? ByteVocabulary.read(c.vocab).size() : impliedVocabularySize(c.crec);
        progress.start("spectra of " + name, 3, "matrices");
        CsrMatrix x = CooccurrenceMatrix.read(c.crec, v, maxWords);
        spectra.add(Spectra.of(name + " X", x, k, svd));
        progress.advance(1);
        spectra.add(Spectra.of(name + " log(1+X)", CooccurrenceMatrix.log1p(x), k, svd));
        progress.advance(1);
        spectra.add(Spectra.of(name + " PPMI", CooccurrenceMatrix.ppmi(x, cds), k, svd));
        progress.finish();
      }
      for (Path p : vectors) {
        LoadedVectors lv = vectorInput.load(p);
        spectra.add(Spectra.pca(p.getFileName() + " PCA", lv.space(), k));
        spaces.add(lv.space());
      }
    }
    print(out, spectra);
    SpectraAnalysis.Common both = spaces.size() == 2 ? SpectraAnalysis.common(spaces.get(0), spaces.get(1), common.seed())
        : null;
    if (both != null) {
      out.printf(Locale.ROOT, "on the common top %d components (bootstrap over words, %d resamples, as compare): "
          + "effective rank %s vs %s; decay %s vs %s%n", both.k(), SpectraAnalysis.RESAMPLES, ci(both.effectiveRankA()),
          ci(both.effectiveRankB()), ci(both.decayA()), ci(both.decayB()));
    }
    if (json != null) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("k", k);
      m.put("maxWords", maxWords);
      m.put("cds", cds);
      m.put("svd", svd.describe());
      m.put("spectra", spectra);
      if (both != null) {
        m.put("common", both);
      }
      CooccurCommand.writeJson(json, m);
      out.println("wrote " + json);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static int impliedVocabularySize(Path crec) throws java.io.IOException {
    try {
      return CooccurrenceMatrix.impliedVocabularySize(crec);
    } catch (org.embdiff.cooc.CrecFormatException e) {
      throw new org.embdiff.cooc.CrecFormatException(e.getMessage() + " (--vocab-file FILE after this --cooc)");
    }
  }

  static void print(PrintWriter out, List<Spectrum> spectra) {
    out.printf("%-44s %8s %11s %11s %7s %8s %7s %7s%n", "matrix", "rows", "nnz", "sigma_1", "decay", "eff.rank",
        "top10", "top100");
    for (Spectrum s : spectra) {
      out.printf("%-44s %8d %11d %11.4g %7.3f %8.1f %7s %7s%n", trim(s.name(), 44), s.rows(), s.nnz(),
          s.singularValues().length == 0 ? 0 : s.singularValues()[0], s.decayExponent(), s.effectiveRank(),
          share(s.energyTop10()), share(s.energyTop100()));
    }
    out.println();
    out.println("normalized spectra sigma_i / sigma_1, side by side:");
    StringBuilder head = new StringBuilder(String.format("%6s", "i"));
    for (int j = 0; j < spectra.size(); j++) {
      head.append(String.format(" %12s", "[" + (j + 1) + "]"));
    }
    out.println(head);
    int max = spectra.stream().mapToInt(s -> s.normalized().length).max().orElse(0);
    for (int i : new int[] {1, 2, 3, 5, 10, 20, 30, 50, 100, 150, 200, 250, 300, 500, 1000}) {
      if (i > max) {
        break;
      }
      StringBuilder row = new StringBuilder(String.format("%6d", i));
      for (Spectrum s : spectra) {
        row.append(i <= s.normalized().length ? String.format(" %12.5f", s.normalized()[i - 1]) : String.format(" %12s", "-"));
      }
      out.println(row);
    }
    for (int j = 0; j < spectra.size(); j++) {
      out.printf("[%d] %s%n", j + 1, spectra.get(j).name());
    }
    out.println("decay: gamma of sigma_i ~ i^-gamma (least squares, log-log); eff.rank: exp(entropy of sigma_i / sum sigma)"
        + " over the top k (Roy & Vetterli 2007); top10/top100: share of ||A||_F^2 in the top 10/100 sigma^2"
        + " (n/a: fewer values computed than that; raise -k).");
  }

  private static String ci(SideEstimate e) {
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", e.value(), e.lo(), e.hi());
  }

  private static String share(double x) {
    return Double.isNaN(x) ? "n/a" : String.format("%.3f", x);
  }

  private static String trim(String s, int n) {
    return s.length() <= n ? s : "..." + s.substring(s.length() - n + 3);
  }
}
