package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embdiff.align.AlignmentResult;
import org.embdiff.align.DomainShift;
import org.embdiff.align.ShiftAnalysis;
import org.embdiff.align.ShiftMeasure;
import org.embdiff.align.ShiftSettings;
import org.embdiff.compare.AnalysisSettings;
import org.embdiff.compare.CompareSettings;
import org.embdiff.io.SideSpec;
import org.embdiff.align.WordShift;
import org.embdiff.eval.ResultFiles;
import org.embdiff.inference.Interval;
import org.embdiff.stats.Counts;
import org.embdiff.stats.FrequencyListReader;
import org.embdiff.vec.EmbeddingSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff shift A B}: which shared words moved between two spaces. */
@Command(name = "shift", mixinStandardHelpOptions = true,
    description = {"Per-word domain shift between two spaces, after aligning B onto A.",
        "Delta_w (cosine distance after alignment), nearest-neighbour overlap at k = 10/100/1000 and the second-order "
            + "distance (k = 25), with frequency bands, the most and least shifted words with their neighbours, and "
            + "alignment diagnostics."})
final class ShiftCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions input;
  @Mixin AlignmentOptions alignment;
  @Mixin ShiftOptions overlap;

  @Parameters(index = "0", paramLabel = "A", description = "First space (e.g. wiki).")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "Second space (e.g. twitter), aligned onto A.")
  Path b;

  @Option(converter = Ranges.PositiveInt.class, names = "--top", description = "Words in the most / least shifted lists (default: ${DEFAULT-VALUE}).")
  int top = 50;

  // split here, not by picocli: its split treats a quote inside a word as the start of a quoted value
  @Option(names = "--words", paramLabel = "W[,W...]", description = "Words to report whatever their rank, e.g. apple,viral.")
  List<String> wordLists;

  @Option(names = "--rank-by", paramLabel = "M", converter = EnumWords.Measures.class,
      description = "delta | cosine | overlap10 | overlap100 | overlap1000 | second-order (default: ${DEFAULT-VALUE}; "
          + "delta and cosine need alignment).")
  ShiftMeasure rankBy = ShiftMeasure.DELTA;

  @Option(names = "--freq-a", paramLabel = "FILE", description = "Frequency list 'word count' giving A's ranks (default: A's row order), e.g. data/freq/enwiki_vocab_min200.top60k.txt.gz.")
  Path freqA;

  @Option(names = "--freq-b", paramLabel = "FILE", description = "Frequency list giving B's ranks (default: B's row order), e.g. data/freq/twitter-ark-wordfreq.top60k.tsv.gz.")
  Path freqB;

  @Option(names = "--gold", paramLabel = "FILE", description = "Gold change scores 'word<TAB>score' (SemEval-2020 Task 1 format): print Spearman and average precision of each measure against them.")
  Path gold;

  @Option(names = "--gold-strip-pos", description = "Strip a '_pos' suffix (e.g. plane_nn) from the gold words.")
  boolean goldStripPos;

  @Option(names = "--out", paramLabel = "DIR", description = "Write shift.json and shift-words.csv to DIR.")
  @Output(Output.Kind.FOLDER)
  Path out;

  private List<String> words() {
    if (wordLists == null) {
      return null;
    }
    List<String> words = new java.util.ArrayList<>();
    for (String list : wordLists) {
      for (String w : list.split(",")) {
        if (!w.isBlank()) {
          words.add(w.strip());
        }
      }
    }
    return words;
  }

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be >= 1, got " + top);
    }
    ShiftMeasure measure = rankBy;
    if (alignment.none() && measure.needsAlignment()) {
      throw new IllegalArgumentException("--map none with --rank-by " + rankBy + ": " + DomainShift.UNALIGNED_MESSAGE);
    }
    Map<String, Double> goldScores = gold == null ? null : org.embdiff.validate.GoldScores.read(gold, goldStripPos);
    if (measure == ShiftMeasure.OVERLAP_1000 && overlap.maxOverlapK < 1000) {
      throw new IllegalArgumentException("--rank-by overlap1000 needs --overlap-k 1000, got " + overlap.maxOverlapK);
    }
    ShiftSettings settings = overlap.apply(ShiftSettings.defaults().withRankBy(measure)
        .withAlignment(alignment.none() ? null : alignment.settings(common.seed())));
    SideSpec sa = new SideSpec("a", a, List.of(), freqA).withVectorOptions(input.toLoadOptions());
    SideSpec sb = new SideSpec("b", b, List.of(), freqB).withVectorOptions(input.toLoadOptions());
    CompareSettings cs = new CompareSettings(sa, sb, null, List.of(), List.of(), words(), common.seed(), common.threads(),
        top, AnalysisSettings.defaults().withShift(settings));
    ShiftAnalysis r = AnalysisRun.one(cs, "shift", org.embdiff.compare.analyses.ShiftAnalysis.Result.class).shift();
    PrintWriter o = spec.commandLine().getOut();
    var s = r.shared();
    o.printf("shared vocabulary: %,d words (A %,d, B %,d; only A %,d, only B %,d); tags: %s%n", s.shared(), s.sizeA(), s.sizeB(),
        s.onlyA(), s.onlyB(), s.tagCounts());
    o.printf("  only in A: %s%n  only in B: %s%n", s.examplesOnlyA().isEmpty() ? "(none)" : String.join(" ", s.examplesOnlyA()),
        s.examplesOnlyB().isEmpty() ? "(none)" : String.join(" ", s.examplesOnlyB()));
    if (r.alignment() != null) {
      printAlignment(o, r.alignment());
    } else {
      o.println("alignment: none (--map none): only the alignment-free measures (overlap, second-order) are reported");
    }
    o.printf("frequency ranks: A from %s, B from %s; summary bands by the rarer side's rank%n", r.rankSourceA(), r.rankSourceB());
    o.printf("%-10s %7s %24s %24s %9s %9s %9s%n", "band", "words", "Delta mean [95% CI]", "Delta median [95% CI]", "ovl@10", "ovl@100", "2nd-ord");
    printBand(o, r.overall());
    for (ShiftAnalysis.BandSummary band : r.bands()) {
      printBand(o, band);
    }
    String label = switch (r.rankedBy()) {
      case DELTA -> "Delta";
      case COSINE_DISTANCE -> "1-cos";
      case SECOND_ORDER -> "2nd-ord";
      default -> "1-ovl";
    };
    o.printf("%nmost shifted (by %s; junk, numbers and short words hidden):%n", label);
    printList(o, r.mostShifted(), label);
    o.printf("%nleast shifted:%n");
    printList(o, r.leastShifted().subList(0, Math.min(10, r.leastShifted().size())), label);
    for (Map.Entry<String, List<ShiftAnalysis.ShiftedWord>> e : r.mostShiftedPerBand().entrySet()) {
      o.printf("%nmost shifted, band %s:%n", e.getKey());
      printList(o, e.getValue().subList(0, Math.min(5, e.getValue().size())), label);
    }
    List<String> words = words();
    if (words != null && !words.isEmpty()) {
      o.printf("%nrequested words:%n");
      printList(o, r.focus(), label);
      List<String> missing = new ArrayList<>(words);
      r.focus().forEach(f -> missing.remove(f.shift().word()));
      if (!missing.isEmpty()) {
        o.printf("  not shared: %s%n", String.join(", ", missing));
      }
    }
    if (goldScores != null) {
      printGold(o, r, goldScores);
    }
    o.flush();
    if (out != null) {
      ResultFiles.writeJson(out.resolve("shift.json"), r);
      ResultFiles.writeCsv(out.resolve("shift-words.csv"), WordShift.class, r.words());
      spec.commandLine().getErr().println("wrote " + out.resolve("shift.json") + " and shift-words.csv");
    }
    return ExitCodes.OK;
  }

  static void printGold(PrintWriter o, ShiftAnalysis r, Map<String, Double> goldScores) {
    List<org.embdiff.validate.GoldScores.Agreement> rows = org.embdiff.validate.GoldScores.scoreAll(r, goldScores);
    org.embdiff.validate.GoldScores.Agreement first = rows.get(0);
    o.printf("%ngold: %d words, %d scored (%d not shared), %d with gold >= 0.5, %d with gold 0%n", goldScores.size(),
        first.words(), first.missing(), first.positives(), first.negatives());
    o.printf("  %-13s %9s %9s%n", "measure", "Spearman", "AP");
    for (org.embdiff.validate.GoldScores.Agreement g : rows) {
      o.printf("  %-13s %9.4f %9.4f%n", g.measure(), g.spearman(), g.averagePrecision());
    }
  }

  static void printAlignment(PrintWriter o, AlignmentResult r) {
    o.printf("alignment: %s%n", r.describe());
    o.printf("  anchors: %,d (%s)%n", r.anchors().count(), r.anchors().policy());
    o.printf("  first anchors: %s%n", String.join(" ", r.anchors().words().subList(0, Math.min(15, r.anchors().count()))));
    if (!r.anchors().missing().isEmpty()) {
      o.printf("  given anchors not shared: %d (e.g. %s)%n", r.anchors().missing().size(),
          String.join(" ", r.anchors().missing().subList(0, Math.min(10, r.anchors().missing().size()))));
    }
    o.printf("  %s%n", AlignCommand.diagnostics(r.diagnostics()));
  }

  private static void printBand(PrintWriter o, ShiftAnalysis.BandSummary b) {
    o.printf("%-10s %7d %24s %24s %9.4f %9.4f %9.4f%n", b.band(), b.words(), ci(b.deltaMean()), ci(b.deltaMedian()),
        b.overlap10Mean(), b.overlap100Mean(), b.secondOrderMean());
  }

  private static String ci(Interval e) {
    return e == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f [%.4f, %.4f]", e.estimate(), e.lower(), e.upper());
  }

  private static void printList(PrintWriter o, List<ShiftAnalysis.ShiftedWord> list, String label) {
    for (int i = 0; i < list.size(); i++) {
      ShiftAnalysis.ShiftedWord w = list.get(i);
      WordShift s = w.shift();
      o.printf("  %2d %-14s %s %.3f  ovl@10 %.1f  2nd %.3f  rank A %,d B %,d%n", i + 1, TerminalText.word(s.word()), label, w.score(),
          s.overlap10(), s.secondOrder(), s.rankA(), s.rankB());
      o.printf("       A: %s%n       B: %s%n", TerminalText.word(String.join(" ", w.neighborsA())),
          TerminalText.word(String.join(" ", w.neighborsB())));
    }
  }

  /** 0-based rank in a frequency list; a word the (truncated) list lacks ranks just after its last word. */
  private static java.util.function.ToIntFunction<String> ranks(Counts counts) {
    if (counts == null) {
      return null;
    }
    return w -> {
      int r = counts.rank(w);
      return r >= 0 ? r : counts.size();
    };
  }
}
