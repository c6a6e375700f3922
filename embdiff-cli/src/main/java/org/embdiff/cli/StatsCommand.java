package org.embdiff.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embdiff.compare.SideLoader;
import org.embdiff.compare.analyses.DistributionsAnalysis;
import org.embdiff.compare.analyses.SharedWork;
import org.embdiff.cooc.CountingEngine;
import org.embdiff.io.SideSpec;
import org.embdiff.stats.Counts;
import org.embdiff.stats.CorpusCounter;
import org.embdiff.stats.CorpusStatistics;
import org.embdiff.stats.DomainDivergence;
import org.embdiff.stats.FrequencyListReader;
import org.embdiff.text.Tokenizer;
import org.embdiff.text.Tokenizers;
import org.embdiff.util.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code embdiff stats SIDE...} and {@code embdiff stats --a wiki=PATH --b twitter=PATH}: word
 * frequency statistics of each side and, for two sides, their mutual information and divergences.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = {"Word statistics of corpora or frequency lists, and for two sides how they differ.",
        "Tokens, types, hapax share, Heaps' law, Zipf (discrete power-law MLE with "
        + "KS-chosen x_min and bootstrap CI, two-regime fit), entropy with CI; for two sides also I(W;D), "
        + "Jensen-Shannon, smoothed KL, log-odds with an informative Dirichlet prior, shared vocabulary, and the "
        + "same on a common support.",
        "A SIDE is [NAME=]PATH[,PATH...]; a PATH is a corpus (one document a line; a directory means the text "
            + "files in it) or a frequency list (word<TAB or space>count), told apart by content, or forced with "
            + "corpus:PATH / freq:PATH. A part tokenizer:NAME sets that side's tokenizer."},
    footer = {"", "Examples:",
        "  embdiff stats --a wiki=data/corpora/wiki \\",
        "                --b twitter=data/corpora/twitter/tweeteval --out stats",
        "  embdiff stats --a wiki=tokenizer:whitespace,wiki.txt \\",
        "                --b twitter=tokenizer:twitter+glove,tweets.txt",
        "  embdiff stats freq/enwiki_vocab_min200.txt.gz \\",
        "                freq/twitter-ark-50mpaths2-wordfreq.tsv.gz"})
final class StatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin EngineOptions engine;

  /** The Spark engine, started for the first corpus side that needs it. */
  private CountingEngine spark;

  @Parameters(arity = "0..*", paramLabel = "SIDE", description = "Sides: [NAME=]PATH[,PATH...].")
  List<String> sides = new ArrayList<>();

  @Option(names = "--a", paramLabel = "SIDE", description = "Side A (default name wiki).")
  String sideA;

  @Option(names = "--b", paramLabel = "SIDE", description = "Side B (default name twitter).")
  String sideB;

  @Option(names = "--tokenizer", paramLabel = "NAME",
      description = "Tokenizer for corpora: auto, whitespace, wiki, twitter (default: ${DEFAULT-VALUE}: by the first "
          + "local corpus file's content, as compare decides: twitter with GloVe-Twitter tokens when 5%% of its first "
          + "1,000 lines hold a mention, hashtag or URL, else wiki; wiki for a side of URIs only).")
  String tokenizer = "auto";

  @Option(names = "--glove-twitter-tokens", description = "Map Twitter tokens to GloVe-Twitter pseudo-tokens (<user>, <url>, <hashtag>, ...).")
  boolean gloveTwitterTokens;

  @Mixin CorpusOptions corpus;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--max-vocab", paramLabel = "N", description = "Keep at most the N most frequent corpus words (0 = all; default: ${DEFAULT-VALUE}).")
  int maxVocab;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--bootstrap", paramLabel = "B", description = "Bootstrap resamples for CIs (default: ${DEFAULT-VALUE}).")
  int bootstrap = 1000;

  @Option(names = "--prior", paramLabel = "equal|proportional",
      description = "P(domain) for I(W;D): equal (1/2 each) or proportional to token counts (default: ${DEFAULT-VALUE}).")
  String prior = "equal";

  @Option(converter = Ranges.PositiveDouble.class, names = "--smoothing", paramLabel = "LAMBDA", description = "Add-lambda smoothing for KL (default: ${DEFAULT-VALUE}).")
  double smoothing = 0.5;

  @Option(converter = Ranges.PositiveDouble.class, names = "--prior-strength", paramLabel = "ALPHA0",
      description = "Dirichlet prior strength for the log-odds ratio (default: ${DEFAULT-VALUE}).")
  double priorStrength = 10_000;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--top", paramLabel = "N", description = "Domain-specific words listed per side (default: ${DEFAULT-VALUE}).")
  int top = 20;

  @Option(names = "--common-support", paramLabel = "threshold|top:N",
      description = "Common support for comparing truncated lists: the coarser side's relative count threshold "
          + "applied to both, or the top N types of each (default: ${DEFAULT-VALUE}).")
  String commonSupport = "threshold";

  @Option(names = "--out", paramLabel = "DIR", description = "Write stats.json, per-side counts CSV and vocab.txt, and words CSV here.")
  @Output(Output.Kind.FOLDER)
  Path out;

  /** One loaded side. */
  record LoadedSide(String name, Counts counts, String source, String tokenizer) {}

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    List<String> specs = new ArrayList<>();
    List<String> defaults = new ArrayList<>();
    if (sideA != null) {
      specs.add(sideA);
      defaults.add("wiki");
    }
    if (sideB != null) {
      specs.add(sideB);
      defaults.add("twitter");
    }
    for (String s : sides) {
      specs.add(s);
      defaults.add(null);
    }
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("no sides given; try 'embdiff stats --a wiki=PATH --b twitter=PATH' or 'embdiff stats PATH'");
    }
    if (bootstrap > 0 && bootstrap < org.embdiff.inference.Bootstrap.MIN_RESAMPLES_95) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--bootstrap " + bootstrap + ": a 95% interval "
          + "needs at least " + org.embdiff.inference.Bootstrap.MIN_RESAMPLES_95 + " resamples (0 = normal approximations)");
    }
        double priorA = switch (prior.toLowerCase(Locale.ROOT)) {
      case "equal" -> 0.5;
      case "proportional" -> Double.NaN;
      default -> throw new IllegalArgumentException("--prior must be equal or proportional, got '" + prior + "'");
    };
    int commonTopN = 0;
    if (commonSupport.startsWith("top:")) {
      try {
        commonTopN = Integer.parseInt(commonSupport.substring(4));
      } catch (NumberFormatException e) {
        commonTopN = -1;
      }
      if (commonTopN < 1) {
        throw new IllegalArgumentException("--common-support top:N needs a positive N, got '" + commonSupport + "'");
      }
    } else if (!commonSupport.equals("threshold")) {
      throw new IllegalArgumentException("--common-support must be threshold or top:N, got '" + commonSupport + "'");
    }
    // the settings record compare's word statistics use; the seed is each analysis's stream under --seed
    CorpusStatistics.Settings settings = new CorpusStatistics.Settings(bootstrap, 0.95, common.seed(),
        new DomainDivergence.Settings(priorA, smoothing, priorStrength, top), commonTopN);
    List<LoadedSide> loaded = new ArrayList<>();
    boolean useSpark = engine.isSpark();
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      for (int i = 0; i < specs.size(); i++) {
        loaded.add(load(specs.get(i), defaults.get(i), i, progress, useSpark));
      }
    } catch (RuntimeException e) {
      throw EngineOptions.unwrap(e);
    } finally {
      if (spark != null) {
        spark.close();
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    StatsText text = new StatsText(o);
    List<CorpusStatistics.SideReport> reports = new ArrayList<>();
    List<CorpusStatistics.ComparisonReport> comparisons = new ArrayList<>();
    if (loaded.size() == 2) {
      LoadedSide a = loaded.get(0);
      LoadedSide b = loaded.get(1);
      CorpusStatistics.ComparisonReport c = SharedWork.corpusComparison(a.name(), a.counts(), b.name(), b.counts(),
          settings, common.seed());
      comparisons.add(c);
      text.side(c.a(), a.source(), a.tokenizer());
      text.side(c.b(), b.source(), b.tokenizer());
      text.comparison(c);
    } else {
      for (LoadedSide s : loaded) {
        CorpusStatistics.SideReport r = DistributionsAnalysis.describe(s.name(), s.counts(), settings, common.seed());
        reports.add(r);
        text.side(r, s.source(), s.tokenizer());
      }
    }
    if (out != null) {
      StatsWriter.write(out, loaded, reports, comparisons, settings);
      o.println("wrote " + out.resolve(StatsWriter.JSON) + " and CSVs");
    }
    o.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    o.flush();
    return ExitCodes.OK;
  }

  private LoadedSide load(String text, String defaultName, int index, ProgressListener progress, boolean useSpark)
      throws IOException {
    String name;
    String body;
    int eq = text.indexOf('=');
    int colon = text.indexOf(':');
    if (eq > 0 && (colon < 0 || eq < colon)) {
      name = text.substring(0, eq).strip();
      body = text.substring(eq + 1);
    } else {
      name = defaultName;
      body = text;
    }
    List<Path> corpora = new ArrayList<>();
    List<String> uris = new ArrayList<>();
    Path freq = null;
    String sideTokenizer = null;
    for (String part : body.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (p.startsWith("tokenizer:")) {
        sideTokenizer = p.substring(10);
        Tokenizers.byName(sideTokenizer); // fails early on an unknown name
      } else if (p.startsWith("corpus:")) {
        String c = p.substring(7);
        if (useSpark && EngineOptions.isUri(c)) {
          uris.add(c);
        } else {
          corpora.add(Path.of(c));
        }
      } else if (useSpark && EngineOptions.isUri(p)) {
        uris.add(p);
      } else if (p.startsWith("freq:")) {
        freq = single(freq, Path.of(p.substring(5)), text);
      } else if (p.startsWith("vectors:")) {
        throw new IllegalArgumentException("side '" + text + "': stats needs a corpus or a frequency list, not vectors");
      } else {
        Path path = Path.of(p);
        if (!Files.exists(path)) {
          throw new IOException(path + ": no such file or directory (side '" + text + "')");
        }
        if (Files.isRegularFile(path) && FrequencyListReader.looksLikeFrequencyList(path)) {
          freq = single(freq, path, text);
        } else {
          corpora.add(path);
        }
      }
    }
    if (freq != null && !(corpora.isEmpty() && uris.isEmpty())) {
      throw new IllegalArgumentException("side '" + text + "' has both a corpus and a frequency list; give one");
    }
    if (freq == null && corpora.isEmpty() && uris.isEmpty()) {
      throw new IllegalArgumentException("side '" + text + "' has no input path");
    }
    if (name == null) {
      String f = freq != null ? freq.getFileName().toString() : !corpora.isEmpty()
          ? corpora.get(0).getFileName().toString() : uris.get(0).substring(uris.get(0).lastIndexOf('/') + 1);
      int dot = f.indexOf('.');
      name = dot > 0 ? f.substring(0, dot) : f;
      if (name.isEmpty()) {
        name = "side" + (index + 1);
      }
    }
    if (freq != null) {
      return new LoadedSide(name, FrequencyListReader.read(freq), "frequency list " + freq, "(list)");
    }
    Tokenizer tok = tokenizerFor(sideTokenizer != null ? sideTokenizer : tokenizer, name, corpora);
    CorpusCounter.Result r;
    int fileCount;
    String where = "";
    if (useSpark) {
      List<String> inputs = new ArrayList<>(uris);
      for (Path f : corpus.files(corpora)) {
        inputs.add(f.toAbsolutePath().toUri().toString());
      }
      if (spark == null) {
        spark = engine.open();
      }
      r = spark.countWords(inputs, tok.name(), corpus.minCount, maxVocab);
      fileCount = inputs.size();
      where = ", " + spark.description();
    } else {
      List<Path> files = corpus.files(corpora);
      CorpusCounter counter = new CorpusCounter(new CorpusCounter.Options(tok, corpus.minCount, maxVocab,
          Math.max(1, common.threads()), 0));
      r = counter.countDetailed(files, progress);
      fileCount = files.size();
    }
    if (r.counts().totalTokens() == 0) {
      String what = useSpark ? "the " + fileCount + " corpus input(s) are"
          : corpora.size() == 1 ? "the corpus " + corpora.get(0) + " is" : "the corpus files " + corpora + " are";
      throw new IllegalArgumentException("side '" + name + "': " + what + " empty (no tokens); give a corpus with text");
    }
    String source = String.format(Locale.ROOT, "corpus of %d %s (%,d lines, %,d bytes, %.1f s%s)", fileCount,
        useSpark ? "input" + (fileCount == 1 ? "" : "s") : "file" + (fileCount == 1 ? "" : "s"), r.lines(), r.bytes(),
        r.seconds(), where);
    return new LoadedSide(name, r.counts(), source, tok.name());
  }

  private static Path single(Path existing, Path next, String text) {
    if (existing != null) {
      throw new IllegalArgumentException("side '" + text + "' has two frequency lists; give one");
    }
    return next;
  }

  private Tokenizer tokenizerFor(String chosen, String name, List<Path> corpora) throws IOException {
    String t = chosen.toLowerCase(Locale.ROOT);
    if (t.equals("auto")) {
      List<Path> local = corpus.files(corpora);
      return SideLoader.tokenizerFor(new SideSpec(name, null, local.isEmpty() ? List.of() : local.subList(0, 1), null));
    }
    if (gloveTwitterTokens && t.equals("twitter")) {
      return Tokenizers.byName("twitter", true);
    }
    return Tokenizers.byName(t);
  }
}
