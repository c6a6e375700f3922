package org.embdiff.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embdiff.attention.AttentionResult;
import org.embdiff.attention.AttentionSettings;
import org.embdiff.compare.AnalysisSettings;
import org.embdiff.compare.CompareSettings;
import org.embdiff.compare.analyses.AttentionAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embdiff attention}: the self-attention probe (SPEC section 9). */
@Command(name = "attention", mixinStandardHelpOptions = true,
    description = "Embed the same sentences with each side's vectors and compare single-head self-attention: "
        + "entropy, max weight, logit norm; paired over sentences; with a noise-injection control.")
final class AttentionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin TwoSidesOptions sides;

  @Mixin JsonOutput json;

  @Option(converter = Ranges.PositiveInt.class, names = "--sentences-per-side", description = "Sentences sampled from each side's corpora, shared among its "
      + "files (default: ${DEFAULT-VALUE}); without corpora the 50 bundled sentences are used.")
  int perSide = AnalysisSettings.Attention.defaults().sentencesPerSide();

  @Option(converter = Ranges.PositiveInt.class, names = "--projections", description = "Random orthogonal (W_Q, W_K) seeds (default: ${DEFAULT-VALUE}).")
  int projections = AnalysisSettings.Attention.defaults().probe().projectionSeeds();

  @Override
  public Integer call() throws Exception {
    AttentionResult result = AnalysisRun.one(settings(sides, common, perSide, projections), "attention",
        AttentionAnalysis.Result.class).attention();
    print(spec.commandLine().getOut(), result);
    json.write("attention.json", result);
    return ExitCodes.OK;
  }

  /** The comparison settings that run this command's probe (the same analysis {@code compare} runs). */
  static CompareSettings settings(TwoSidesOptions sides, CommonOptions common, int perSide, int projections)
      throws IOException {
    AttentionSettings d = AttentionSettings.defaults(common.seed());
    AttentionSettings probe = new AttentionSettings(projections, d.minTokens(), d.maxTokens(), d.noiseScales(),
        d.noiseDraws(), d.heatmaps(), d.resamples(), d.level(), common.seed());
    AnalysisSettings analyses = AnalysisSettings.defaults().withAttention(new AnalysisSettings.Attention(perSide, probe));
    return new CompareSettings(sides.sideA(), sides.sideB(), null, List.of(), List.of(), null, common.seed(),
        common.threads(), 50, analyses);
  }

  /** An enum constant as the words a user reads: NATIVE -> native, RANDOM_ORTHOGONAL -> random orthogonal. */
  static String words(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static void print(PrintWriter out, AttentionResult r) {
    out.printf(Locale.ROOT, "attention: %s (%dd) vs %s (%dd); %d sentences (%d skipped: < %d shared tokens)%n",
        r.sideA(), r.dimA(), r.sideB(), r.dimB(), r.sentencesUsed(), r.sentencesSkipped(), r.settings().minTokens());
    out.printf(Locale.ROOT, "sentences: %s%ncommon dimension %d: %s%n", r.sentenceSource(), r.commonDim(), r.reduction());
    out.printf(Locale.ROOT, "paired over sentences, difference = %s - %s, paired bootstrap 95%% CI, Wilcoxon signed-rank p:%n",
        r.sideB(), r.sideA());
    out.printf(Locale.ROOT, "  %-11s %-17s %-18s %9s %9s  %-27s %s%n", "repr.", "projection", "metric", r.sideA(),
        r.sideB(), "difference [CI]", "p");
    for (AttentionResult.Comparison c : r.comparisons()) {
      out.printf(Locale.ROOT, "  %-11s %-17s %-18s %9.4f %9.4f  %-27s %.2g%n", words(c.representation()), words(c.projection()),
          AttentionResult.metricWords(c.metric()), c.meanA(), c.meanB(), String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", c.difference().estimate(),
              c.difference().lo(), c.difference().hi()), c.wilcoxon().pTwoSided());
    }
    out.println("noise control (native dim): mean normalised entropy as noise of scale s enters the vectors;");
    out.println("  additive: Gaussian noise of scale s x mean norm added, Q = K = E (noise also inflates the norms);");
    out.println("  norm-preserving: e' = sqrt(1-s^2) e + s ||e|| n/||n||, Q = E'W_Q, K = E'W_K (random orthogonal)");
    for (AttentionResult.NoiseCurve curve : r.noise()) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < curve.scales().size(); k++) {
        sb.append(String.format(Locale.ROOT, " %.1f:%.3f", curve.scales().get(k), curve.entropy().get(k)));
      }
      out.printf(Locale.ROOT, "  %-8s %s (mean norm %.3f)%n          %s%n           slope %s per unit of scale%n",
          curve.side(), curve.variant(), curve.meanNorm(), sb, TransferCommand.ci(curve.slope()));
    }
    out.printf(Locale.ROOT, "heatmaps: %d matrices (in --out attention.json)%n", r.heatmaps().size());
    out.flush();
  }
}
