package org.embdiff.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.embdiff.claims.ClaimAdapters;
import org.embdiff.eval.AnalogyEvaluator;
import org.embdiff.eval.AnalogySet;
import org.embdiff.eval.AnalogySettings;
import org.embdiff.eval.PairSimilarityResult;
import org.embdiff.eval.WordPairEvaluator;
import org.embdiff.eval.WordPairSet;
import org.embdiff.vec.EmbeddingSpace;
import java.util.concurrent.Callable;
import org.embdiff.attention.AttentionResult;
import org.embdiff.claims.ClaimInputs;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.ClaimsTable;
import org.embdiff.claims.ClaimsText;
import org.embdiff.transfer.TransferResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embdiff claims}: the table of claims with computed verdicts (SPEC section 10). Runs the
 * analyses this command can run itself (transfer, attention, analogy eps, pair similarities); claims whose inputs come from
 * analyses not run here are listed as not measurable, naming the missing input.
 */
@Command(name = "claims", mixinStandardHelpOptions = true,
    description = "Print the table of claims (wiki vs Twitter) with measured values, intervals and computed verdicts.")
final class ClaimsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin TwoSidesOptions sides;

  @Option(names = "--lexicons", paramLabel = "DIR", description = "Lexicon directory for the transfer claims (default: bundled).")
  Path lexicons;

  @Option(converter = Ranges.PositiveInt.class, names = "--splits", description = "Transfer splits (default: ${DEFAULT-VALUE}).")
  int splits = 10;

  @Option(names = "--tasks", split = ",", paramLabel = "TASK",
      description = "Transfer tasks (default: all): ${COMPLETION-CANDIDATES}.", completionCandidates = TransferCommand.Tasks.class)
  List<String> tasks = TransferCommand.ALL_TASKS;

  @Option(names = "--analogies", paramLabel = "FILE",
      description = "Analogy questions for eps (default: the bundled questions-words.txt).")
  Path analogies;

  @Option(names = "--pairs", paramLabel = "FILE", split = ",",
      description = "Word-pair files for s-bar (default: the 13 bundled sets in data/eval/word-sim, pooled, each pair once).")
  List<Path> pairs;

  @Override
  public Integer call() throws Exception {
    TransferResult transfer = TransferCommand.run(sides, common, lexicons, tasks, splits, 1.0, 5, "lstsq");
    AttentionResult attention = AttentionCommand.run(sides, common, 25, 20);
    ClaimInputs.Builder inputs = ClaimInputs.builder(transfer.sideA(), transfer.sideB())
        .transfer(transfer)
        .attention(attention);
    addEvaluations(inputs);
    ClaimsTable table = ClaimsTable.of(inputs.build(), ClaimSettings.defaults(common.seed()));
    spec.commandLine().getOut().print(ClaimsText.render(table.claims()));
    spec.commandLine().getOut().flush();
    sides.writeJson("transfer.json", transfer);
    sides.writeJson("attention.json", attention);
    sides.writeJson("claims.json", table);
    return ExitCodes.OK;
  }

  /** eps (analogies) and s-bar (word pairs) on both sides, paired, gensim semantics (restrict 300k, case-insensitive). */
  private void addEvaluations(ClaimInputs.Builder inputs) throws IOException {
    EmbeddingSpace a = TwoSidesOptions.vectors(sides.sideA());
    EmbeddingSpace b = TwoSidesOptions.vectors(sides.sideB());
    AnalogySet set = AnalogySet.read(analogies != null ? analogies : TwoSidesOptions.bundled("data/eval/questions-words.txt"));
    AnalogySettings settings = AnalogySettings.defaults();
    ClaimAdapters.Paired eps = ClaimAdapters.analogyErrors(AnalogyEvaluator.evaluate(a, set, settings),
        AnalogyEvaluator.evaluate(b, set, settings));
    inputs.analogyErrors(eps.a(), eps.b());
    List<Path> files = pairs;
    if (files == null) {
      Path dir = TwoSidesOptions.bundled("data/eval/word-sim");
      try (Stream<Path> list = Files.list(dir)) {
        files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
      }
    }
    List<PairSimilarityResult> ra = new ArrayList<>();
    List<PairSimilarityResult> rb = new ArrayList<>();
    for (Path f : files) {
      WordPairSet ps = WordPairSet.read(f);
      ra.add(WordPairEvaluator.evaluate(a, ps, AnalogySettings.DEFAULT_RESTRICT, true));
      rb.add(WordPairEvaluator.evaluate(b, ps, AnalogySettings.DEFAULT_RESTRICT, true));
    }
    ClaimAdapters.Paired sims = ClaimAdapters.pairSimilarities(ra, rb);
    inputs.pairSimilarities(sims.a(), sims.b());
  }
}
