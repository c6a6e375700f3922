package org.embdiff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.embdiff.align.ShiftMeasure;
import org.embdiff.replicate.ReplicateSettings;
import org.embdiff.replicate.SpaceTrainer;
import org.embdiff.train.SgnsOptions;
import org.embdiff.train.TokenCorpus;
import org.embdiff.util.AtomicFiles;
import org.embdiff.validate.InjectedChange;
import org.embdiff.validate.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff validate CORPUS}: does a shift measure find change that is known to be there? */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Scores every shift measure against known truth: injected change (Rosenfeld & Erk 2018; Shoemark et al. 2019).",
        "Copies CORPUS and replaces a share p = 0, 0.1, ..., 1 of a donor word's occurrences by a target word",
        "(targets in frequency strata), trains both copies alike with SGNS and bootstrap replicates, and scores every",
        "shift measure by Spearman against p and average precision of p >= 0.5 against p = 0, beside a",
        "frequency-only baseline. Writes validation.json, validation.md and gold.tsv (the injected truth, for",
        "'shift --gold') to --out."})
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "CORPUS", description = "Whitespace-tokenized corpus, one document a line (plain or compressed).")
  Path corpus;

  @Output(Output.Kind.FOLDER)
  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for validation.json, validation.md and gold.tsv.")
  Path out;

  @Option(names = "--measure", split = ",", paramLabel = "M[,M...]", converter = EnumWords.Measures.class,
      description = "Measures scored: delta, cosine, overlap10, overlap100, second-order (default: all five).")
  List<ShiftMeasure> measures = List.of(ShiftMeasure.DELTA, ShiftMeasure.COSINE_DISTANCE, ShiftMeasure.OVERLAP_10,
      ShiftMeasure.OVERLAP_100, ShiftMeasure.SECOND_ORDER);

  @Option(converter = Ranges.PositiveInt.class, names = "--replicates", description = "Bootstrap replicates per side, >= 3 (default: ${DEFAULT-VALUE}).")
  int replicates = 3;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--lines", description = "Use only the first N lines of CORPUS (0 = all; default: ${DEFAULT-VALUE}).")
  int lines = 0;

  @Option(converter = Ranges.PositiveInt.class, names = "--strata", description = "Frequency strata of the targets (default: ${DEFAULT-VALUE}).")
  int strata = 3;

  @Option(converter = Ranges.PositiveLong.class, names = "--target-min-count", description = "Smallest count of a target or donor (default: ${DEFAULT-VALUE}).")
  long targetMinCount = 20;

  @Option(converter = Ranges.PositiveInt.class, names = "--dim", description = "SGNS dimension (default: ${DEFAULT-VALUE}).")
  int dim = 50;

  @Option(converter = Ranges.PositiveInt.class, names = "--epochs", description = "SGNS epochs (default: ${DEFAULT-VALUE}).")
  int epochs = 5;

  @Option(converter = Ranges.PositiveInt.class, names = "--window", description = "SGNS window (default: ${DEFAULT-VALUE}).")
  int window = 5;

  @Option(converter = Ranges.PositiveLong.class, names = "--min-count", description = "Vocabulary min-count of every space (default: ${DEFAULT-VALUE}).")
  long minCount = 5;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    List<ShiftMeasure> chosen = new ArrayList<>();
    for (ShiftMeasure sm : measures) {
      if (!chosen.contains(sm)) {
        chosen.add(sm);
      }
    }
    ReplicateSettings settings = new ReplicateSettings(replicates, minCount, common.seed(), chosen, 0.05, 100, 25);
    SgnsOptions sgns = new SgnsOptions(dim, window, 5, epochs, 1e-3, 0.025, 1e-4, common.threads(), common.seed());
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      long t0 = System.nanoTime();
      TokenCorpus all = TokenCorpus.read(List.of(corpus), 1, common.threads(), progress);
      int keep = lines <= 0 ? all.lines() : Math.min(lines, all.lines());
      TokenCorpus a = all.sample(IntStream.range(0, keep).toArray(), minCount);
      InjectedChange injected = InjectedChange.inject(a, InjectedChange.LEVELS, strata, targetMinCount, 100, common.seed(),
          minCount);
      o.printf("corpus:      %s, %,d lines, %,d tokens, %,d words; %d targets in %d strata, p = 0 .. 1%n", corpus, keep,
          a.size(), a.vocabularySize(), injected.targets().size(), strata);
      o.flush();
      Validation v = Validation.run(a, injected, targetMinCount, SpaceTrainer.sgns(sgns), settings, progress);
      double seconds = (System.nanoTime() - t0) / 1e9;
      String md = "# Injected-change validation\n\n" + String.format(java.util.Locale.ROOT,
          "Corpus %s (first %,d lines, %,d tokens); SGNS %dd, window %d, %d epochs, min-count %d; %d replicates per side; "
              + "seed %d; %.0f s.%n%n", corpus, keep, a.size(), dim, window, epochs, minCount, replicates, common.seed(), seconds)
          + v.markdown();
      Files.createDirectories(out);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("corpus", corpus.toString());
      json.put("lines", keep);
      json.put("tokens", a.size());
      json.put("sgns", sgns);
      json.put("replicates", settings);
      json.put("targets", injected.targets());
      json.put("donors", injected.donors());
      json.put("validation", v);
      json.put("seconds", seconds);
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      byte[] jsonBytes = mapper.writeValueAsBytes(json);
      AtomicFiles.write(out.resolve("validation.json"), os -> os.write(jsonBytes));
      AtomicFiles.write(out.resolve("validation.md"), os -> os.write(md.getBytes(StandardCharsets.UTF_8)));
      StringBuilder gold = new StringBuilder();
      injected.targets().forEach((w, p) -> gold.append(w).append('\t').append(p).append('\n'));
      AtomicFiles.write(out.resolve("gold.tsv"), os -> os.write(gold.toString().getBytes(StandardCharsets.UTF_8)));
      o.print(v.markdown());
      Validation.Score best = v.best(), base = v.baseline();
      o.printf("best:        %s, Spearman %.3f vs the frequency baseline's %.3f (AP %.3f vs %.3f)%n", best.measure(),
          best.spearman(), base.spearman(), best.averagePrecision(), base.averagePrecision());
      o.printf("wrote:       %s, %s, %s (%.0f s)%n", out.resolve("validation.json"), out.resolve("validation.md"),
          out.resolve("gold.tsv"), seconds);
    }
    o.flush();
    return ExitCodes.OK;
  }
}
