package org.embdiff.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.embdiff.align.AlignmentDiagnostics;
import org.embdiff.align.AlignmentResult;
import org.embdiff.align.Aligner;
import org.embdiff.eval.ResultFiles;
import org.embdiff.util.AtomicFiles;
import org.embdiff.vec.EmbeddingSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff align A B -o B_aligned.vec}: maps B onto A and writes it. */
@Command(name = "align", mixinStandardHelpOptions = true,
    description = {"Align space B onto space A on their shared words and write B's vectors in the common space.",
        "The output is word2vec text (header 'N D'), unit-length rows; with pca-procrustes and A the larger side, the common space is A's top principal components."})
final class AlignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions input;
  @Mixin AlignmentOptions alignment;

  @Parameters(index = "0", paramLabel = "A", description = "Target space.")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "Space to map onto A.")
  Path b;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write B aligned (word2vec text).")
  @Output(Output.Kind.FILE)
  Path output;

  @Option(names = "--out", paramLabel = "DIR", description = "Also write alignment.json (settings, anchors, diagnostics) to DIR.")
  @Output(Output.Kind.FOLDER)
  Path out;

  @Override
  public Integer call() throws Exception {
    if (alignment.none()) {
      throw new IllegalArgumentException("--map none: align needs a map (procrustes, pca-procrustes or lstsq)");
    }
    EmbeddingSpace sa = input.load(a).space();
    EmbeddingSpace sb = input.load(b).space();
    AlignmentResult r;
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      r = Aligner.align(sa, sb, alignment.settings(common.seed()), progress);
    }
    PrintWriter o = spec.commandLine().getOut();
    ShiftCommand.printAlignment(o, r);
    EmbeddingSpace aligned = r.alignedB();
    AtomicFiles.write(output, stream -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
      w.write(aligned.size() + " " + aligned.dim() + "\n");
      StringBuilder line = new StringBuilder();
      for (int row = 0; row < aligned.size(); row++) {
        line.setLength(0);
        line.append(aligned.word(row));
        for (int c = 0; c < aligned.dim(); c++) {
          line.append(' ').append(aligned.get(row, c));
        }
        line.append('\n');
        w.write(line.toString());
      }
      w.flush();
    });
    o.printf("wrote %s: %,d words x %d%n", output, aligned.size(), aligned.dim());
    if (out != null) {
      ResultFiles.writeJson(out.resolve("alignment.json"), r);
    }
    o.flush();
    return ExitCodes.OK;
  }

  static String diagnostics(AlignmentDiagnostics d) {
    return String.format(java.util.Locale.ROOT,
        "residual (RMS over anchors) %.4f; mean cosine: anchors %.4f, held-out anchors (%d-fold) %.4f, all shared words %.4f;%n"
            + "  shift-ranking stability over %d anchor bootstraps: Spearman mean %.4f, min %.4f",
        d.residualRms(), d.anchorMeanCosine(), d.folds(), d.heldOutMeanCosine(), d.sharedMeanCosine(), d.stabilityResamples(),
        d.stabilitySpearmanMean(), d.stabilitySpearmanMin());
  }
}
