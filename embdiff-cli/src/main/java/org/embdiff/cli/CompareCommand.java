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
import org.embdiff.compare.CompareResult;
import org.embdiff.compare.CompareSettings;
import org.embdiff.report.Report;
import org.embdiff.report.ReportPage;
import org.embdiff.report.ReportViews;
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

  @Mixin TwoSidesOptions sides;

  @Mixin EvaluationOptions evaluation;

  @Mixin TrainOptions training;
  @Mixin MarginOptions margins;
  @Mixin ShiftOptions shift;

  @Option(names = "--out", paramLabel = "DIR", description = "Report folder, replaced atomically (default: ${DEFAULT-VALUE}).")
  @Output(Output.Kind.REPORT_FOLDER)
  Path out = Path.of("report");

  @Override
  public Integer call() throws Exception {
    if (!sides.given()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "compare needs both sides: --a SIDE --b SIDE");
    }
    CompareSettings settings = shift.apply(margins.apply(evaluation.settings(sides.sideA(), sides.sideB(), common,
        training.apply(org.embdiff.compare.AnalysisSettings.defaults()))));
    return runAndWrite(spec, settings, out, false);
  }

  /** Runs a comparison, writes the folder and prints where it is, the claims and the timings. */
  static int runAndWrite(CommandSpec spec, CompareSettings settings, Path out, boolean demo) throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    CompareResult result = AnalysisRun.all(settings);
    Report report = Report.of(result);
    ReportWriter.write(report, out);
    ReportPage page = ReportViews.page(report);
    Path index = out.toAbsolutePath().normalize().resolve("index.html");
    stdout.println("Report: " + index);
    stdout.println("        (also report.json, report.md and "
        + result.tables().size() + " CSV files in " + out.toAbsolutePath().normalize() + ")");
    stdout.println();
    stdout.print(TextSummary.claims(page));
    String skipped = TextSummary.skipped(page);
    if (!skipped.isEmpty()) {
      stdout.println();
      stdout.println("Skipped or failed:");
      stdout.print(skipped);
    }
    stdout.println();
    stdout.print(TextSummary.timings(page));
    if (demo) {
      stdout.println();
      stdout.println("Open it: xdg-open " + index + "   (or any browser; it works offline)");
    }
    stdout.flush();
    return ExitCodes.OK;
  }
}
