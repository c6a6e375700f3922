package org.embdiff.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embdiff.cooc.CountingEngine;
import org.embdiff.stats.CorpusCounter;
import org.embdiff.stats.Counts;
import org.embdiff.stats.VocabWriter;
import org.embdiff.text.Tokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code embdiff vocab CORPUS... [--min-count 5] [--out vocab.txt]}: counts words like Stanford
 * GloVe's {@code vocab_count} and writes {@code word count} lines, most frequent first.
 */
@Command(name = "vocab", mixinStandardHelpOptions = true,
    description = {"Count the words of corpora (one document a line; any compression; a directory means its text "
        + "files) and write a Stanford-style vocab.txt (word count, most frequent first), like GloVe's vocab_count."},
    footer = {"", "Example:", "  embdiff vocab tweets.txt --min-count 5 --out vocab.txt"})
final class VocabCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Mixin EngineOptions engine;

  @Parameters(arity = "1..*", paramLabel = "CORPUS", description = "Corpus files or directories (with --engine spark also Hadoop URIs).")
  List<String> corpora;

  @Option(names = "--tokenizer", paramLabel = "NAME", description = "whitespace, wiki, twitter or twitter+glove (default: ${DEFAULT-VALUE}).")
  String tokenizer = "whitespace";

  @Mixin CorpusOptions corpus;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--max-vocab", paramLabel = "N", description = "Keep at most the N most frequent words (0 = all; default: ${DEFAULT-VALUE}).")
  int maxVocab;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write here (atomically) instead of standard output.")
  @Output(Output.Kind.FILE)
  Path out;

  @Override
  public Integer call() throws Exception {
    CorpusCounter.Result r;
    String where = "";
    if (engine.isSpark()) {
      Tokenizers.byName(tokenizer);
      List<String> inputs = EngineOptions.sparkInputs(corpora, corpus::files);
      try (CountingEngine e = engine.open()) {
        where = " on " + e.description();
        r = e.countWords(inputs, tokenizer, corpus.minCount, maxVocab);
      } catch (RuntimeException e) {
        throw EngineOptions.unwrap(e);
      }
    } else {
      List<Path> files = corpus.files(EngineOptions.localPaths(corpora));
      CorpusCounter counter = new CorpusCounter(new CorpusCounter.Options(Tokenizers.byName(tokenizer), corpus.minCount,
          maxVocab, Math.max(1, common.threads()), 0));
      try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
        r = counter.countDetailed(files, progress);
      }
    }
    Counts c = r.counts();
    if (out != null) {
      VocabWriter.write(c, out);
    } else {
      PrintWriter w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
      for (int i = 0; i < c.size(); i++) {
        w.append(c.word(i)).append(' ').append(Long.toString(c.count(i))).append('\n');
      }
      w.flush();
    }
    spec.commandLine().getErr().println(String.format(Locale.ROOT,
        "embdiff vocab: %,d tokens, %,d lines, %,d types kept (min count %d)%s in %.2f s (%.1fM tokens/s)%s",
        c.totalTokens(), r.lines(), c.size(), corpus.minCount, r.prunedTokens() > 0 ? ", memory bound pruned "
            + r.prunedTokens() + " tokens" : "", r.seconds(), c.totalTokens() / r.seconds() / 1e6, where));
    spec.commandLine().getErr().flush();
    return ExitCodes.OK;
  }
}
