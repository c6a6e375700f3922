package org.embdiff.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.embdiff.io.SideSpec;
import org.embdiff.io.VectorReader;
import org.embdiff.stats.Counts;
import org.embdiff.stats.CorpusCounter;
import org.embdiff.stats.CorpusFiles;
import org.embdiff.text.Tokenizer;
import org.embdiff.transfer.FrequencyLists;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;

/** Loads two sides from their files (vectors; a frequency list and corpora when given), both at once. */
public final class ExplorerLoader {
  private ExplorerLoader() {}

  /**
   * Reads both sides in parallel and prepares the explorer for word views; the shift table and the
   * domain terms follow in the background ({@link Explorer#awaitPrepared}).
   *
   * @param exampleLines corpus lines kept per side for keyword in context
   * @param records a report folder's result records to show instead of computing them, or null
   */
  public static Explorer load(SideSpec a, SideSpec b, Explorer.Settings settings, int exampleLines, ReportRecords records)
      throws IOException {
    CompletableFuture<Explorer.Side> fa = CompletableFuture.supplyAsync(() -> side(a, exampleLines));
    Explorer.Side sa;
    Explorer.Side sb;
    try {
      sb = side(b, exampleLines);
      sa = fa.join();
    } catch (UncheckedLoad e) {
      throw e.getCause();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedLoad u) {
        throw u.getCause();
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
    return Explorer.build(sa, sb, settings, records);
  }

  /** Reads one side; its counts are the frequency list when given, else the corpus lines read. */
  static Explorer.Side side(SideSpec spec, int exampleLines) {
    try {
      if (!spec.hasVectors()) {
        throw new IllegalArgumentException("side '" + spec.name() + "' has no vectors; give " + spec.name() + "=vectors:PATH,...");
      }
      EmbeddingSpace vectors = VectorReader.load(spec.vectors()).space();
      List<Path> corpora = spec.hasCorpus() ? CorpusFiles.expand(spec.corpora()) : List.of();
      ExampleLines examples = corpora.isEmpty() ? null : ExampleLines.read(corpora, exampleLines);
      Counts counts;
      String source;
      if (spec.hasFrequencies()) {
        counts = FrequencyLists.read(spec.frequencies());
        source = "frequency list " + spec.frequencies().getFileName();
      } else if (!corpora.isEmpty()) {
        Tokenizer tokenizer = org.embdiff.compare.SideLoader.tokenizerFor(spec);
        counts = new CorpusCounter(CorpusCounter.Options.defaults().withTokenizer(tokenizer)).countDetailed(corpora,
            ProgressListener.NONE).counts();
        source = "corpus " + names(spec.corpora()) + " (" + tokenizer.name() + " tokenizer)";
      } else {
        counts = null;
        source = "row order of " + spec.vectors().getFileName();
      }
      return new Explorer.Side(spec.name(), spec.vectors().getFileName().toString(), vectors, counts, source, examples);
    } catch (IOException e) {
      throw new UncheckedLoad(e);
    }
  }

  private static String names(List<Path> paths) {
    return String.join(", ", paths.stream().map(p -> p.getFileName().toString()).toList());
  }

  /** Carries an IOException out of a parallel load. */
  private static final class UncheckedLoad extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedLoad(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }
}
