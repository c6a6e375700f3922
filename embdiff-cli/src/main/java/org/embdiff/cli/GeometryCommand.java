package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.embdiff.eval.ResultFiles;
import org.embdiff.compare.AnalysisSettings;
import org.embdiff.compare.CompareSettings;
import org.embdiff.compare.analyses.GeometryAnalysis;
import org.embdiff.io.LoadOptions;
import org.embdiff.io.SideSpec;
import org.embdiff.geometry.GeometryResult;
import org.embdiff.geometry.GeometrySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff geometry FILE...}: isotropy, norm vs frequency, hubness per space. */
@Command(name = "geometry", mixinStandardHelpOptions = true,
    description = "Isotropy (mean cosine of random pairs; Mu & Viswanath partition ratio), norm vs frequency rank, hubness.")
final class GeometryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions input;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Vector files.")
  List<Path> files;

  @Option(converter = Ranges.PositiveInt.class, names = "--hubness-words", paramLabel = "N", description = "Most frequent words over which hubness is measured (default: ${DEFAULT-VALUE}).")
  int hubnessWords = GeometrySettings.defaults().hubnessWords();

  @Option(names = "--out", paramLabel = "DIR", description = "Write geometry.json to DIR.")
  @Output(Output.Kind.FOLDER)
  Path out;

  @Override
  public Integer call() throws Exception {
    GeometrySettings d = GeometrySettings.defaults();
    GeometrySettings settings = new GeometrySettings(d.randomPairs(), d.hubnessK(), hubnessWords, d.bootstrapResamples(), common.seed());
    PrintWriter o = spec.commandLine().getOut();
    List<GeometryResult> results = new ArrayList<>();
    for (Path file : files) {
      GeometryResult g = analyze(file, settings, input.toLoadOptions(), common);
      results.add(g);
      o.printf("%s: %,d words x %d%n", file, g.words(), g.dim());
      o.printf("  mean cosine of %,d random pairs: %.4f [%.4f, %.4f]%n", settings.randomPairs(), g.meanCosine().estimate(),
          g.meanCosine().lower(), g.meanCosine().upper());
      o.printf("  partition-function isotropy (Mu & Viswanath 2018): %.4f (centred: %.4f); 1 = isotropic%n", g.partitionRatio(),
          g.partitionRatioCentred());
      o.printf("  norms: mean %.3f median %.3f; Spearman(norm, frequency rank) %.4f%n", g.norms().mean(), g.norms().median(),
          g.normRankSpearman());
      o.printf("  hubness (k = %d over the %,d most frequent words): skewness of N_k %.3f, anti-hubs %.1f%%; hubs: %s%n",
          g.hubnessK(), g.hubnessWords(), g.kOccurrenceSkewness(), 100 * g.antiHubShare(),
          String.join(" ", g.hubs().subList(0, Math.min(8, g.hubs().size())).stream().map(h -> h.word() + "(" + h.occurrences() + ")").toList()));
    }
    o.flush();
    if (out != null) {
      ResultFiles.writeJson(out.resolve("geometry.json"), results);
    }
    return ExitCodes.OK;
  }

  /**
   * One space's geometry, by the analysis {@code compare} runs (same settings record, same seed
   * stream): the space is side A, side B has no inputs.
   */
  static GeometryResult analyze(Path file, GeometrySettings settings, LoadOptions load, CommonOptions common)
      throws Exception {
    SideSpec a = TwoSidesOptions.parse("wiki=vectors:" + file, "wiki").withVectorOptions(load);
    CompareSettings cs = new CompareSettings(a, new SideSpec("none", null, List.of(), null), null, List.of(), List.of(),
        null, common.seed(), common.threads(), 50, AnalysisSettings.defaults().withGeometry(settings));
    return AnalysisRun.one(cs, "geometry", GeometryAnalysis.Result.class).sides().get(0).geometry();
  }
}
