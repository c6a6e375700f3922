package org.embdiff.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.embdiff.io.SideSpec;
import org.embdiff.report.CompareRunner;
import org.embdiff.report.CompareSettings;
import org.embdiff.report.ReportWriter;
import org.embdiff.report.TextSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code embdiff compare --a wiki=vectors:P,corpus:P,freq:P --b twitter=... [--out report]}: runs
 * every analysis the inputs allow and writes the report folder.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare two sides and write one report folder (index.html, report.json, report.md, CSVs).",
        "A side is NAME=vectors:PATH,corpus:PATH,freq:PATH with any non-empty subset of the parts "
            + "(several corpus: parts allowed; a bare PATH means vectors; NAME= may be left out: "
            + "the names default to wiki and twitter).",
        "Analyses whose inputs a side lacks are skipped, with the reason written in the report."},
    footer = {"", "Example:",
        "  embdiff compare \\",
        "      --a wiki=vectors:glove.6B.100d.txt.gz,freq:enwiki.txt \\",
        "      --b twitter=vectors:glove.twitter.27B.25d.txt.gz,corpus:tweets.txt \\",
        "      --out report"})
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--a", required = true, paramLabel = "SIDE", description = "Side A: [NAME=]vectors:PATH,corpus:PATH,freq:PATH (default name wiki).")
  String sideA;

  @Option(names = "--b", required = true, paramLabel = "SIDE", description = "Side B, in the same form (default name twitter).")
  String sideB;

  @Mixin EvaluationOptions evaluation;

  @Option(names = "--out", paramLabel = "DIR", description = "Report folder, replaced atomically (default: ${DEFAULT-VALUE}).")
  @Output(Output.Kind.REPORT_FOLDER)
  Path out = Path.of("report");

  @Override
  public Integer call() throws Exception {
    SideSpec a = parseSide(sideA, "wiki");
    SideSpec b = parseSide(sideB, "twitter");
    CompareSettings settings = evaluation.settings(a, b, common);
    return runAndWrite(spec, settings, out, false);
  }

  /**
   * Parses a side, adding {@code defaultName=} when the text has no name, and checks that every
   * file exists (one clear line otherwise).
   */
  static SideSpec parseSide(String text, String defaultName) throws IOException {
    int eq = text.indexOf('=');
    int colon = text.indexOf(':');
    boolean named = eq > 0 && (colon < 0 || eq < colon);
    SideSpec side = SideSpec.parse(named ? text : defaultName + "=" + text);
    List<Path> files = new ArrayList<>(side.corpora());
    if (side.vectors() != null) {
      files.add(side.vectors());
    }
    if (side.frequencies() != null) {
      files.add(side.frequencies());
    }
    for (Path p : files) {
      if (!Files.isRegularFile(p)) {
        throw new IOException("side '" + side.name() + "': no such file " + p);
      }
    }
    return side;
  }

  /** Runs a comparison, writes the folder and prints where it is, the claims and the timings. */
  static int runAndWrite(CommandSpec spec, CompareSettings settings, Path out, boolean demo) throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    CompareRunner.Result result;
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      result = new CompareRunner(settings).run(progress);
    }
    ReportWriter.write(result.report(), result.tables(), out);
    Path index = out.toAbsolutePath().normalize().resolve("index.html");
    stdout.println("Report: " + index);
    stdout.println("        (also report.json, report.md and "
        + result.tables().size() + " CSV files in " + out.toAbsolutePath().normalize() + ")");
    stdout.println();
    stdout.print(TextSummary.claims(result.report()));
    String skipped = TextSummary.skipped(result.report());
    if (!skipped.isEmpty()) {
      stdout.println();
      stdout.println("Skipped or failed:");
      stdout.print(skipped);
    }
    stdout.println();
    stdout.print(TextSummary.timings(result.report()));
    if (demo) {
      stdout.println();
      stdout.println("Open it: xdg-open " + index + "   (or any browser; it works offline)");
    }
    stdout.flush();
    return ExitCodes.OK;
  }

  /** All regular files of {@code dir} ending with {@code suffix}, sorted. */
  static List<Path> filesIn(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
