package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.embdiff.train.LogCountDiagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What a new user trips over, each as the command that showed it: word lookups, messages and exit
 * codes, and the help text. Black-box: out, err and the exit code of {@code execute(args)}.
 */
class FirstUseTest {
  private static final Path TWITTER = Path.of("..", "data", "embeddings", "glove.twitter.27B.25d.embedplyr12k.txt.gz");

  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /**
   * Two casings of king and queen: a case-insensitive lookup of 'king' finds 'King' (the first row)
   * and answers 'Queen'; the word as typed answers 'queen'.
   */
  private Path casings() throws IOException {
    // king - man + woman = queen exactly (unit vectors), and King - man + woman = Queen
    return write("casings.txt", "King 0.6 0 -0.8\nQueen -0.4 1 -0.8\nman 1 0 0\nwoman 0 1 0\nking 0.6 0 0.8\n"
        + "queen -0.4 1 0.8\n");
  }

  @Test
  void wordsAreLookedUpExactlyFirstAndAnotherCasingIsAnnounced() throws IOException {
    Path f = casings();
    CliRun exact = run("analogy", f.toString(), "man", "king", "woman", "-k", "1");
    assertThat(exact.exit()).as(exact.err()).isZero();
    assertThat(exact.out()).containsPattern("1 +queen +1\\.0000");
    assertThat(exact.err()).isEmpty();

    CliRun folded = run("analogy", f.toString(), "man", "KING", "woman", "-k", "1");
    assertThat(folded.exit()).as(folded.err()).isZero();
    assertThat(folded.err()).contains("note: 'KING' is not in " + f + "; using 'King'");
    assertThat(folded.out()).containsPattern("1 +Queen +1\\.0000");

    CliRun sim = run("similarity", f.toString(), "king", "queen");
    CliRun simFolded = run("similarity", f.toString(), "KING", "queen");
    assertThat(Double.parseDouble(sim.out().strip())).isCloseTo(0.4 / Math.sqrt(1.8), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(sim.err()).isEmpty();
    assertThat(simFolded.err()).contains("using 'King'");
    assertThat(Double.parseDouble(simFolded.out().strip()))
        .isCloseTo(-0.88 / Math.sqrt(1.8), org.assertj.core.data.Offset.offset(1e-6));

    CliRun nn = run("neighbors", f.toString(), "QUEEN", "-k", "1");
    assertThat(nn.err()).contains("using 'Queen'");
    assertThat(nn.out()).startsWith("Queen\n");

    CliRun absent = run("similarity", f.toString(), "king", "prince");
    assertThat(absent.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(absent.err()).startsWith("embdiff: error: 'prince' is not in " + f).contains("in any case");

    String evalHelp = run("eval", "--help").out().replaceAll("\\s+", " ");
    assertThat(evalHelp).contains("Words are looked up as gensim does").contains("case-insensitively");
  }

  static Stream<String> compressions() {
    return Stream.of("gzip", "bzip2", "xz");
  }

  @ParameterizedTest
  @MethodSource("compressions")
  void aCorruptOrTruncatedCompressedFileIsNamedWithItsOffset(String compression) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      text.append("w").append(i).append(' ').append(i % 7).append(" 0.").append(i % 13).append(" -1.5\n");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = switch (compression) {
      case "gzip" -> new GzipCompressorOutputStream(bytes);
      case "bzip2" -> new BZip2CompressorOutputStream(bytes);
      default -> new XZCompressorOutputStream(bytes);
    }) {
      out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
    }
    byte[] whole = bytes.toByteArray();
    Path cut = dir.resolve("cut." + compression);
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    CliRun r = run("info", cut.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).startsWith("embdiff: error: " + cut + ": corrupt or truncated " + compression + " (byte offset "
        + whole.length / 2 + "): ").doesNotContain("Exception").hasLineCount(1);

    Path header = dir.resolve("header." + compression);
    Files.write(header, Arrays.copyOf(whole, 8));
    CliRun h = run("neighbors", header.toString(), "w1");
    assertThat(h.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(h.err()).startsWith("embdiff: error: " + header + ": corrupt or truncated " + compression + " (byte offset ");
  }

  @Test
  void aWord2VecTextFileShorterThanItsHeaderIsRefusedUnlessAllowed() throws IOException {
    Path f = write("short.txt", "10 3\na 1 2 3\nb 1 2 3.5\nc 3 4 5\nd 1 1 1\ne 2 2 2\n");
    CliRun r = run("neighbors", f.toString(), "a", "-k", "2");
    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("embdiff: error: truncated: the header '10 3' announces 10 rows, the file ends after 5 ("
        + f + ":6)").contains("pass --allow-truncated to load the 5 rows present");

    CliRun allowed = run("neighbors", f.toString(), "a", "-k", "2", "--allow-truncated");
    assertThat(allowed.exit()).as(allowed.err()).isZero();
    assertThat(allowed.out()).startsWith("a\n").containsPattern("1 +b ");
    assertThat(allowed.err()).contains("warning: " + f + " is truncated").contains("the header announces 10 rows, loaded the 5 present");
  }

  static Stream<List<String>> writers() {
    String vectors = TWITTER.toString();
    return Stream.of(
        List.of("demo", "--out", "/dev/null/report"),
        List.of("demo", "--out", "/proc/embdiff-report"),
        List.of("compare", "--a", vectors, "--b", vectors, "--out", "/dev/null/report"),
        List.of("stats", "--out", "/dev/null/stats", "../data/freq/enwiki_vocab_min200.top60k.txt.gz"),
        List.of("convert", vectors, "/dev/null/x.txt", "--to", "glove"),
        List.of("vocab", "../data/corpora/tweeteval-train-sample.txt.gz", "-o", "/dev/null/vocab.txt"),
        List.of("cooccur", "../data/corpora/tweeteval-train-sample.txt.gz", "-o", "/dev/null/x.crec"),
        List.of("spectrum", "--vectors", vectors, "--json", "/dev/null/s.json"),
        List.of("eval", vectors, "--out", "/dev/null/eval"),
        List.of("align", vectors, vectors, "-o", "/dev/null/b.vec"),
        List.of("shift", vectors, vectors, "--out", "/dev/null/shift"),
        List.of("geometry", vectors, "--out", "/dev/null/geometry"),
        List.of("transfer", "--out", "/dev/null/transfer"),
        List.of("train", "glove", "--corpus", "../data/corpora/tweeteval-train-sample.txt.gz", "-o", "/dev/null/v.txt"));
  }

  @ParameterizedTest
  @MethodSource("writers")
  void anUnwritableDestinationFailsBeforeAnyWork(List<String> args) {
    long start = System.nanoTime();
    CliRun r = run(args.toArray(String[]::new));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    String target = args.stream().filter(a -> a.startsWith("/dev/null/") || a.startsWith("/proc/")).findFirst().orElseThrow();
    String what = args.get(0).equals("demo") || args.get(0).equals("compare") ? "the report folder " : "";
    assertThat(r.err()).startsWith("embdiff: error: cannot write " + what).contains(target + ": ").hasLineCount(1);
    assertThat(r.err()).containsAnyOf("/dev/null is not a folder", "cannot create a file in /proc");
    assertThat(r.out()).isEmpty();
    assertThat(seconds).as("checked before the work").isLessThan(5);
  }

  /** Every option or parameter that names a destination is checked (marked {@link Output}). */
  @Test
  void everyDestinationIsMarkedForTheCheck() {
    Pattern destination = Pattern.compile("-o|--out|--output|--json|--vocab-out|--checkpoint|OUT");
    List<String> unmarked = new ArrayList<>();
    for (CommandSpec spec : allCommands()) {
      for (ArgSpec arg : spec.args()) {
        String name = arg instanceof OptionSpec o ? o.longestName() : ((PositionalParamSpec) arg).paramLabel();
        boolean named = arg instanceof OptionSpec o ? Arrays.stream(o.names()).anyMatch(n -> destination.matcher(n).matches())
            : destination.matcher(name).matches();
        if (named && arg.type() == Path.class && !(arg.userObject() instanceof Field f && f.isAnnotationPresent(Output.class))) {
          unmarked.add(spec.qualifiedName() + " " + name);
        }
      }
    }
    assertThat(unmarked).isEmpty();
  }

  /** Every numeric option (but the seed) refuses a value below its range at parse time: a usage error naming it. */
  @Test
  void everyNumericOptionIsRangeCheckedAsAUsageError() throws Exception {
    Set<Class<?>> numeric = Set.of(int.class, Integer.class, long.class, Long.class, double.class, Double.class);
    int checked = 0;
    for (CommandSpec spec : allCommands()) {
      for (OptionSpec o : spec.options()) {
        if (!numeric.contains(o.type()) || o.longestName().equals("--seed")) {
          continue;
        }
        assertThat(o.converters()).as(spec.qualifiedName() + " " + o.longestName() + " has a range").hasSize(1);
        assertThat(o.converters()[0]).isInstanceOf(Ranges.Bounded.class);
        Ranges.Bounded bound = (Ranges.Bounded) o.converters()[0];
        String below = bound.exclusive() ? bound.min() : String.valueOf(Long.parseLong(bound.min()) - 1);
        List<String> args = new ArrayList<>(Arrays.asList(spec.qualifiedName().split(" ")).subList(1,
            spec.qualifiedName().split(" ").length));
        args.add(o.longestName() + "=" + below);
        CliRun r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(args + ": " + r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).as(args.toString()).startsWith("embdiff: Invalid value for option '" + o.longestName() + "': must be ")
            .contains(", got " + below);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(40);
    CliRun zero = run("neighbors", TWITTER.toString(), "love", "-k", "0");
    CliRun negative = run("neighbors", TWITTER.toString(), "love", "-k", "-5");
    assertThat(zero.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(negative.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(negative.err()).contains("must be at least 1, got -5").contains("Try 'embdiff neighbors --help'");
  }

  @Test
  void anEmptyCorpusIsNamed() throws IOException {
    Path empty = write("empty.txt", "");
    CliRun r = run("stats", "--a", "wiki=corpus:" + empty);
    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo("embdiff: error: side 'wiki': the corpus " + empty
        + " is empty (no tokens); give a corpus with text\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "shift"})
  void aWordWithAQuoteIsAWordNotAQuotedValue(String command) throws Exception {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    List<String> words;
    try {
      if (command.equals("demo")) {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs("--probe-words", "it\"s,viral", "--probe-words", "apple");
        words = demo.evaluation.settings(org.embdiff.io.SideSpec.parse("a=x.txt"), org.embdiff.io.SideSpec.parse("b=y.txt"),
            demo.common).probeWords();
      } else {
        ShiftCommand shift = new ShiftCommand();
        new CommandLine(shift).parseArgs("a.txt", "b.txt", "--words", "it\"s,viral", "--words", "apple");
        java.lang.reflect.Method m = ShiftCommand.class.getDeclaredMethod("words");
        m.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<String> w = (List<String>) m.invoke(shift);
        words = w;
      }
    } finally {
      System.setErr(stderr);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    assertThat(words).containsExactly("it\"s", "viral", "apple");
  }

  @Test
  void cooccurDoesNotReplaceAnExistingVocabularyWithoutForce() throws IOException {
    Path corpus = write("corpus.txt", "a b c a b a\nb c a\n".repeat(20));
    Path vocab = write("x.vocab.txt", "mine 1\n");
    Path crec = dir.resolve("x.crec");
    CliRun r = run("cooccur", corpus.toString(), "-o", crec.toString(), "--min-count", "1");
    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).startsWith("embdiff: error: the vocabulary file " + vocab + " already exists; pass --force");
    assertThat(Files.readString(vocab)).isEqualTo("mine 1\n");
    assertThat(crec).doesNotExist();
    CliRun forced = run("cooccur", corpus.toString(), "-o", crec.toString(), "--min-count", "1", "--force", "--threads", "1");
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(Files.readString(vocab)).isEqualTo("a 80\nb 60\nc 40\n");
  }

  @Test
  void statsOnATruncatedListShowsNoHapaxOrHeaps() throws IOException {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      list.append("w").append(i).append('\t').append(100_000 / (i + 1) + 200).append('\n');
    }
    Path f = write("list.tsv", list.toString());
    CliRun r = run("stats", f.toString(), "--bootstrap", "1000");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("hapax n/a (truncated: no words below count 450)").contains("Heaps       n/a (truncated")
        .doesNotContain("% of types").doesNotContain("V(n) =");
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 3000; i++) {
      text.append("w").append(Integer.numberOfTrailingZeros(i) * 37 + i % 3 * 5 + (i % 11 == 0 ? i : 0)).append(i % 12 == 0 ? "\n" : " ");
    }
    Path corpus = write("corpus.txt", text.toString());
    CliRun full = run("stats", "corpus:" + corpus, "--bootstrap", "1000");
    assertThat(full.exit()).as(full.err()).isZero();
    assertThat(full.out()).containsPattern("hapax [0-9.]+% of types").contains("V(n) =");
  }

  @Test
  void spectrumSharesTheTopHundredOnlyWhenComputed() {
    CliRun ten = run("spectrum", "--vectors", TWITTER.toString(), "-k", "10");
    assertThat(ten.exit()).as(ten.err()).isZero();
    String row = ten.out().lines().filter(l -> l.contains(" PCA")).findFirst().orElseThrow();
    assertThat(row).endsWith(" n/a").doesNotContain("NaN");
    assertThat(row.strip().split("\\s+")[7]).matches("0\\.[0-9]{3}");
    // 25 dimensions: 25 values are the whole spectrum, so the top-100 share is all of it
    CliRun all = run("spectrum", "--vectors", TWITTER.toString(), "-k", "25");
    String full = all.out().lines().filter(l -> l.contains(" PCA")).findFirst().orElseThrow();
    assertThat(full).endsWith(" 1.000");
  }

  @Test
  void theDiagnosticTableIsAligned() {
    LogCountDiagnostic d = new LogCountDiagnostic(123_456_789L, 0.9, 0.8, 0.3, List.of(
        new LogCountDiagnostic.Bin(0, 1, 98_765_432L, 0.51, -0.0123, 0.4),
        new LogCountDiagnostic.Bin(1, 10, 1_234, -0.2, 12.5, 1.25),
        new LogCountDiagnostic.Bin(10, 100, 7, 0.99, 0.001, 0.002),
        new LogCountDiagnostic.Bin(100, Double.POSITIVE_INFINITY, 5_000_000L, 0.333, -1.5, 10.75)));
    StringWriter text = new StringWriter();
    TrainGloveCommand.printDiagnostic(new PrintWriter(text, true), d);
    List<String> table = text.toString().lines().skip(1).toList();
    assertThat(table).hasSize(5);
    int[] ends = columnEnds(table.get(0));
    assertThat(ends).hasSize(4);
    for (String line : table.subList(1, table.size())) {
      assertThat(line).hasSize(table.get(0).length());
      int[] e = columnEnds(line);
      assertThat(Arrays.copyOfRange(e, e.length - 4, e.length)).as(line).containsExactly(ends);
    }
  }

  /** Where the four right-aligned numeric columns end (the heading 'mean resid' counts as one). */
  private static int[] columnEnds(String line) {
    String s = line.replace("mean resid", "mean_resid").replace("X bin", "X_bin");
    List<Integer> ends = new ArrayList<>();
    var m = Pattern.compile("\\S+").matcher(s);
    while (m.find()) {
      ends.add(m.end());
    }
    return ends.subList(ends.size() - 4, ends.size()).stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void helpSpeaksTheUsersWords() {
    Pattern internal = Pattern.compile("\\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\\b|\\b(NATIVE|GLOVE|REPLACE|STRICT|SKIP|COS_ADD)\\b"
        + "|SPEC [0-9]|source document");
    List<String> problems = new ArrayList<>();
    for (CommandSpec spec : allCommands()) {
      String help = spec.commandLine().getUsageMessage();
      for (ArgSpec arg : spec.args()) {
        help = help.replace(arg.paramLabel(), "LABEL"); // REPORT_DIR and the like name a value, not a constant
      }
      var m = internal.matcher(help);
      if (m.find()) {
        problems.add(spec.qualifiedName() + ": '" + m.group() + "'");
      }
      String[] description = spec.usageMessage().description();
      if (spec.subcommands().isEmpty() && (description.length == 0 || !description[0].strip().endsWith("."))) {
        problems.add(spec.qualifiedName() + ": summary not a whole sentence: " + Arrays.toString(description));
      }
      String footer = String.join(System.lineSeparator(), spec.usageMessage().footer());
      if (!help.contains(footer)) {
        problems.add(spec.qualifiedName() + ": the examples are wrapped");
      }
      for (ArgSpec arg : spec.args()) {
        if (!arg.hidden() && (arg.description().length == 0 || arg.description()[0].isBlank())) {
          problems.add(spec.qualifiedName() + ": " + (arg instanceof OptionSpec o ? o.longestName()
              : ((PositionalParamSpec) arg).paramLabel()) + " has no description");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void lexiconsAreNamedOneWayAndTheOldSpellingStillWorks() {
    for (String command : List.of("compare", "demo", "transfer", "claims")) {
      String help = run(command, "--help").out();
      assertThat(help).as(command).contains("--lexicons").doesNotContainPattern("--lexicon[ =]");
    }
    DemoCommand demo = new DemoCommand();
    new CommandLine(demo).parseArgs("--lexicon", "a.tsv");
    assertThat(demo.evaluation.lexiconsOldName).containsExactly(Path.of("a.tsv"));
  }

  /** Every command, subcommands of subcommands included. */
  private static List<CommandSpec> allCommands() {
    List<CommandSpec> all = new ArrayList<>();
    List<CommandLine> todo = new ArrayList<>(Main.newCommandLine().getSubcommands().values());
    while (!todo.isEmpty()) {
      CommandLine c = todo.remove(0);
      if (all.stream().noneMatch(s -> s.userObject() == c.getCommandSpec().userObject())) {
        all.add(c.getCommandSpec());
        todo.addAll(c.getSubcommands().values());
      }
    }
    all.sort((x, y) -> x.qualifiedName().toLowerCase(Locale.ROOT).compareTo(y.qualifiedName().toLowerCase(Locale.ROOT)));
    return all;
  }
}
