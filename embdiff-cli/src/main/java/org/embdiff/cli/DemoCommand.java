package org.embdiff.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.embdiff.io.SideSpec;
import org.embdiff.report.CompareSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code embdiff demo}: {@code compare} on the bundled data (GloVe 6B 100d vs GloVe Twitter 25d,
 * both frequency lists, both corpus samples, the evaluation sets and lexicons).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Compare GloVe Wikipedia (100d) with GloVe Twitter (25d) on the bundled data and write report/.",
        "Uses data/ beside the launcher: both embeddings, both frequency lists, both corpus samples, the analogy "
            + "and similarity sets and the lexicons (sources and licenses in data/README.md)."})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin EvaluationOptions evaluation;

  @Option(names = "--out", paramLabel = "DIR", description = "Report folder, replaced atomically (default: ${DEFAULT-VALUE}).")
  @Output(Output.Kind.REPORT_FOLDER)
  Path out = Path.of("report");

  @Override
  public Integer call() throws Exception {
    Path data = EvaluationOptions.bundledData();
    SideSpec wiki = new SideSpec("wiki", need(data, "embeddings/glove.6B.100d.twitter12k-vocab.txt.gz"),
        List.of(need(data, "corpora/enwiki-gensim-sample.plain.txt.gz")), need(data, "freq/enwiki_vocab_min200.top60k.txt.gz"));
    SideSpec twitter = new SideSpec("twitter", need(data, "embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz"),
        List.of(need(data, "corpora/tweeteval-train-sample.txt.gz")), need(data, "freq/twitter-ark-wordfreq.top60k.tsv.gz"));
    CompareSettings settings = evaluation.settings(wiki, twitter, common);
    spec.commandLine().getOut().println("embdiff demo: comparing the bundled GloVe Wikipedia 100d and GloVe Twitter 25d data in " + data);
    spec.commandLine().getOut().flush();
    return CompareCommand.runAndWrite(spec, settings, out, true);
  }

  private static Path need(Path data, String relative) throws IOException {
    Path p = data.resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IOException("bundled data file " + p + " is missing; run the demo from the embdiff folder "
          + "(or set -Dembdiff.home to it)");
    }
    return p;
  }
}
