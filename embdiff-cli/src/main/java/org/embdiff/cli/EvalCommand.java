package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embdiff.compare.analyses.SimilarityAnalysis;
import org.embdiff.eval.AnalogyComparison;
import org.embdiff.eval.AnalogyEvaluator;
import org.embdiff.eval.AnalogyMethod;
import org.embdiff.eval.AnalogyResult;
import org.embdiff.eval.AnalogySet;
import org.embdiff.eval.AnalogySettings;
import org.embdiff.eval.MeanSimilarity;
import org.embdiff.eval.PairSimilarityResult;
import org.embdiff.eval.ResultFiles;
import org.embdiff.eval.WordPairEvaluator;
import org.embdiff.eval.WordPairSet;
import org.embdiff.vec.EmbeddingSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff eval FILE [FILE_B]}: analogy accuracy and word-similarity correlations, gensim-compatible. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Analogy accuracy (3CosAdd/3CosMul) and word-similarity Pearson/Spearman, as gensim computes them.",
        "With two files, also the accuracy on the questions both answer and the mean similarity s-bar over the pairs both cover.",
        "Words are looked up as gensim does, for parity with it: case-insensitively among the --restrict-vocab most "
            + "frequent words, the most frequent casing winning (--case-sensitive for exact lookups). The other "
            + "commands look a word up exactly and fall back to another casing only when the exact form is absent."})
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions input;

  @Parameters(arity = "1..2", paramLabel = "FILE", description = "One or two vector files (A, then B).")
  List<Path> files;

  @Option(names = "--analogies", paramLabel = "F", description = "Analogy file in questions-words.txt format (default: bundled data/eval/questions-words.txt).")
  Path analogies;

  @Option(names = "--no-analogies", description = "Skip the analogy test.")
  boolean noAnalogies;

  @Option(names = "--pairs", arity = "1..*", paramLabel = "F", description = "Word-pair files 'w1 w2 score' (default: every bundled set in data/eval).")
  List<Path> pairs;

  @Option(names = "--no-pairs", description = "Skip the word-pair sets.")
  boolean noPairs;

  @Option(names = "--method", description = "Analogy method: 3cosadd or 3cosmul (default: 3cosadd).", converter = EnumWords.AnalogyMethods.class)
  AnalogyMethod method = AnalogyMethod.COS_ADD;

  @Option(converter = Ranges.PositiveInt.class, names = "--restrict-vocab", paramLabel = "N", description = "Only the first N words answer and are looked up (default: ${DEFAULT-VALUE}, as gensim).")
  int restrictVocab = AnalogySettings.DEFAULT_RESTRICT;

  @Option(names = "--case-sensitive", description = "Exact-case lookup (default: case-insensitive, as gensim).")
  boolean caseSensitive;

  @Option(names = "--sections", description = "Print the accuracy of every analogy section.")
  boolean sections;

  @Option(names = "--out", paramLabel = "DIR", description = "Write eval.json and CSV tables to DIR.")
  @Output(Output.Kind.FOLDER)
  Path out;

  /** Everything {@code eval} computed, as written to eval.json. */
  record EvalReport(List<String> files, List<AnalogyResult> analogies, List<List<PairSimilarityResult>> pairs,
      AnalogyComparison commonQuestions, MeanSimilarity meanSimilarity) {}

  /** One CSV row of the pair table. */
  record PairRow(String file, String benchmark, int pairs, int found, double oovPercent, double pearson, double spearman) {}

  /** One CSV row of the section table. */
  record SectionRow(String file, String section, int questions, int answered, int correct, double accuracy) {}

  @Override
  public Integer call() throws Exception {
    if (restrictVocab < 1) {
      throw new IllegalArgumentException("--restrict-vocab must be >= 1, got " + restrictVocab);
    }
    PrintWriter o = spec.commandLine().getOut();
    AnalogySettings settings = AnalogySettings.defaults().withMethod(method).withRestrictVocab(restrictVocab)
        .withCaseInsensitive(!caseSensitive);
    AnalogySet analogySet = noAnalogies ? null : AnalogySet.read(analogies != null ? analogies : BundledData.require("eval/questions-words.txt"));
    List<WordPairSet> pairSets = new ArrayList<>();
    for (Path p : noPairs ? List.<Path>of() : pairs != null ? pairs : BundledData.pairFiles()) {
      pairSets.add(WordPairSet.read(p));
    }
    List<EmbeddingSpace> spaces = new ArrayList<>();
    List<AnalogyResult> analogyResults = new ArrayList<>();
    List<List<PairSimilarityResult>> pairResults = new ArrayList<>();
    for (Path file : files) {
      EmbeddingSpace space = input.load(file).space();
      spaces.add(space);
      o.printf("%s: %,d words x %d%n", file, space.size(), space.dim());
      if (analogySet != null) {
        AnalogyResult r;
        try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
          r = AnalogyEvaluator.evaluate(space, analogySet, settings, progress);
        }
        analogyResults.add(r);
        o.printf("  analogies (%s, %s, restrict %,d): accuracy %.4f (%,d/%,d answered; coverage %.1f%% of %,d)%n",
            r.benchmark(), method, r.candidates(), r.accuracy(),
            r.correct(), r.answered(), 100 * r.coverage(), r.questions());
        o.printf("    eps L2 mean %.4f median %.4f; 1-cos mean %.4f; rank of answer median %.0f%n",
            r.epsL2().mean(), r.epsL2().median(), r.epsCosine().mean(), r.rank().median());
        if (sections) {
          for (AnalogyResult.SectionAccuracy s : r.sections()) {
            o.printf("    %-28s %.4f (%d/%d of %d)%n", s.section(), s.accuracy(), s.correct(), s.answered(), s.questions());
          }
        }
      }
      List<PairSimilarityResult> list = new ArrayList<>();
      if (!pairSets.isEmpty()) {
        o.printf("  %-24s %7s %7s %6s %8s %8s%n", "word pairs", "pairs", "found", "OOV%", "pearson", "spearman");
      }
      for (WordPairSet set : pairSets) {
        PairSimilarityResult r = WordPairEvaluator.evaluate(space, set, restrictVocab, !caseSensitive);
        list.add(r);
        o.printf("  %-24s %7d %7d %6.1f %8.4f %8.4f%n", r.benchmark(), r.pairs(), r.found(), r.oovPercent(), r.pearson(), r.spearman());
      }
      pairResults.add(list);
    }
    AnalogyComparison both = null;
    MeanSimilarity sbar = null;
    if (spaces.size() == 2) {
      if (analogyResults.size() == 2) {
        both = AnalogyComparison.of(analogyResults.get(0), analogyResults.get(1));
        o.printf("questions both answer: %,d; accuracy A %.4f, B %.4f%n", both.common(), both.accuracyA(), both.accuracyB());
      }
      if (!pairSets.isEmpty()) {
      sbar = SimilarityAnalysis.meanSimilarity(spaces.get(0), spaces.get(1), pairSets, restrictVocab, !caseSensitive,
          common.seed());
      if (sbar.meanA() == null) {
        o.printf("mean similarity s-bar: only %d pairs both cover, at least 2 needed%n", sbar.pairs());
      } else {
      o.printf("mean similarity s-bar over %,d pairs both cover: A %.4f [%.4f, %.4f], B %.4f [%.4f, %.4f], A-B %.4f [%.4f, %.4f]%n",
          sbar.pairs(), sbar.meanA().estimate(), sbar.meanA().lower(), sbar.meanA().upper(), sbar.meanB().estimate(),
          sbar.meanB().lower(), sbar.meanB().upper(), sbar.difference().estimate(), sbar.difference().lower(), sbar.difference().upper());
      }
      }
    }
    o.flush();
    if (out != null) {
      List<String> names = files.stream().map(Path::toString).toList();
      ResultFiles.writeJson(out.resolve("eval.json"), new EvalReport(names, analogyResults, pairResults, both, sbar));
      List<PairRow> rows = new ArrayList<>();
      List<SectionRow> sectionRows = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        for (PairSimilarityResult r : pairResults.get(i)) {
          rows.add(new PairRow(names.get(i), r.benchmark(), r.pairs(), r.found(), r.oovPercent(), r.pearson(), r.spearman()));
        }
        if (i < analogyResults.size()) {
          for (AnalogyResult.SectionAccuracy s : analogyResults.get(i).sections()) {
            sectionRows.add(new SectionRow(names.get(i), s.section(), s.questions(), s.answered(), s.correct(), s.accuracy()));
          }
        }
      }
      ResultFiles.writeCsv(out.resolve("word-pairs.csv"), PairRow.class, rows);
      if (!analogyResults.isEmpty()) {
        ResultFiles.writeCsv(out.resolve("analogy-sections.csv"), SectionRow.class, sectionRows);
        Map<String, AnalogyResult> byFile = new LinkedHashMap<>();
        for (int i = 0; i < analogyResults.size(); i++) {
          byFile.put(i == 0 ? "a" : "b", analogyResults.get(i));
        }
        for (Map.Entry<String, AnalogyResult> e : byFile.entrySet()) {
          ResultFiles.writeCsv(out.resolve("analogy-questions-" + e.getKey() + ".csv"), AnalogyResult.AnalogyOutcome.class,
              e.getValue().outcomes());
        }
      }
      spec.commandLine().getErr().println("wrote " + out.resolve("eval.json") + " and CSV tables");
    }
    return ExitCodes.OK;
  }
}
