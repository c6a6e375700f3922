package org.embdiff.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.Seeds;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;

/**
 * Skip-gram with negative sampling (Mikolov, Sutskever, Chen, Corrado & Dean 2013, "Distributed
 * Representations of Words and Phrases and their Compositionality"; the skip-gram model of
 * Mikolov, Chen, Corrado & Dean 2013, "Efficient Estimation of Word Representations", section
 * 3.2), trained as the word2vec tool does: each context word's input vector predicts the centre
 * word against {@code negative} noise words, by SGD with a linearly decaying learning rate,
 * lock-free across threads (Hogwild, Recht et al. 2011), each thread taking a contiguous share of
 * the lines.
 *
 * <p>Hot loop, one of two steps ({@link SgnsOptions#sharedNoise()}): one step per centre word over its
 * whole window, the noise words drawn once per window and shared by its context words (Ji et al.
 * 2016), so the window's rows stay in cache and the step is blocked dots and accumulations; or the
 * word2vec tool's step, fresh noise words for every (centre, context) pair, each pair's dots
 * blocked ({@link SgnsKernel}, Vector API where available). Both use float
 * arrays, a precomputed sigmoid table, per-thread buffers allocated once, a per-thread linear
 * congruential generator (word2vec's). With one thread and a seed the vectors are
 * bitwise-reproducible; with several, updates race by design.
 */
public final class SgnsTrainer {
  private static final int EXP_TABLE_SIZE = 1000;
  private static final float MAX_EXP = 6;
  /** Words between learning-rate and progress updates (word2vec's 10,000). */
  private static final int UPDATE_EVERY = 10_000;
  private static final long LCG_MULTIPLIER = 25214903917L;
  private static final float EXP_SCALE = EXP_TABLE_SIZE / MAX_EXP / 2;

  /**
   * Trained vectors and how the run went.
   *
   * @param space the input vectors, one row per vocabulary word, most frequent first
   * @param tokens in-vocabulary tokens per epoch
   * @param epochs passes made
   * @param seconds training time (after the corpus was encoded)
   */
  public record Result(EmbeddingSpace space, long tokens, int epochs, double seconds) {
    /** In-vocabulary tokens trained per second, over all epochs. */
    public double wordsPerSecond() {
      return tokens * (double) epochs / Math.max(1e-9, seconds);
    }
  }

  private final SgnsOptions options;
  private final float[] expTable = new float[EXP_TABLE_SIZE];

  /**
   * The sigmoid table's index of a score inside (-MAX_EXP, MAX_EXP). The float sum rounds up to
   * MAX_EXP for the scores just below it, so the index is capped at the last entry.
   */
  static int expIndex(float f) {
    return Math.min(EXP_TABLE_SIZE - 1, (int) ((f + MAX_EXP) * EXP_SCALE));
  }

  /** A trainer with {@code options}. */
  public SgnsTrainer(SgnsOptions options) {
    this.options = options;
    for (int i = 0; i < EXP_TABLE_SIZE; i++) {
      double e = Math.exp((i / (double) EXP_TABLE_SIZE * 2 - 1) * MAX_EXP);
      expTable[i] = (float) (e / (e + 1));
    }
  }

  /** Trains on {@code corpus}, reporting progress in words. */
  public Result train(TokenCorpus corpus, ProgressListener progress) {
    int v = corpus.vocabularySize();
    int d = options.dim();
    if (v == 0) {
      throw new IllegalArgumentException("cannot train SGNS on an empty vocabulary");
    }
    long t0 = System.nanoTime();
    float[] syn0 = new float[Math.multiplyExact(v, d)];
    float[] syn1 = new float[syn0.length];
    SplittableRandom init = new SplittableRandom(Seeds.derive(options.seed(), "sgns-init"));
    for (int i = 0; i < syn0.length; i++) {
      syn0[i] = (float) ((init.nextDouble() - 0.5) / d);
    }
    Shared shared = new Shared(corpus, syn0, syn1, unigramTable(corpus), keepProbabilities(corpus),
        new AtomicLong(), (long) options.epochs() * corpus.size(), progress);
    int threads = Math.max(1, Math.min(options.threads(), corpus.lines()));
    progress.start("SGNS, " + options.epochs() + " epoch(s)", shared.totalWords, "words");
    try {
      if (threads == 1) {
        runShare(shared, 0, corpus.lines(), Seeds.derive(options.seed(), "sgns-thread", 0));
      } else {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
          Thread t = new Thread(r, "embdiff-sgns");
          t.setDaemon(true);
          return t;
        });
        try {
          List<Future<?>> futures = new ArrayList<>();
          for (int t = 0; t < threads; t++) {
            int from = (int) ((long) corpus.lines() * t / threads);
            int to = (int) ((long) corpus.lines() * (t + 1) / threads);
            long seed = Seeds.derive(options.seed(), "sgns-thread", t);
            futures.add(pool.submit(() -> runShare(shared, from, to, seed)));
          }
          for (Future<?> f : futures) {
            await(f);
          }
        } finally {
          pool.shutdownNow();
        }
      }
    } finally {
      progress.finish();
    }
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(corpus.words()), d, syn0);
    return new Result(space, corpus.size(), options.epochs(), (System.nanoTime() - t0) / 1e9);
  }

  private record Shared(TokenCorpus corpus, float[] syn0, float[] syn1, int[] table, float[] keep, AtomicLong done,
      long totalWords, ProgressListener progress) {}

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("SGNS training interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * The noise distribution: word {@code w} fills a share count(w)^0.75 / sum of a table that is
   * sampled uniformly (Mikolov et al. 2013, section 2.2).
   */
  private static int[] unigramTable(TokenCorpus corpus) {
    int v = corpus.vocabularySize();
    int size = (int) Math.min(10_000_000L, Math.max(1 << 20, 200L * v));
    int[] table = new int[size];
    double total = 0;
    for (int w = 0; w < v; w++) {
      total += Math.pow(corpus.count(w), 0.75);
    }
    int w = 0;
    double cumulative = Math.pow(corpus.count(0), 0.75) / total;
    for (int a = 0; a < size; a++) {
      table[a] = w;
      if ((a + 1) / (double) size > cumulative && w < v - 1) {
        w++;
        cumulative += Math.pow(corpus.count(w), 0.75) / total;
      }
    }
    return table;
  }

  /**
   * Probability of keeping each occurrence of a word with frequency f under threshold t:
   * (sqrt(f / t) + 1) t / f, capped at 1 (the word2vec tool's form of section 2.3's
   * 1 - sqrt(t / f)).
   */
  private float[] keepProbabilities(TokenCorpus corpus) {
    int v = corpus.vocabularySize();
    float[] keep = new float[v];
    double threshold = options.sample() * corpus.size();
    for (int w = 0; w < v; w++) {
      double c = corpus.count(w);
      keep[w] = options.sample() == 0 ? 1f : (float) Math.min(1, (Math.sqrt(c / threshold) + 1) * threshold / c);
    }
    return keep;
  }

  private void runShare(Shared s, int fromLine, int toLine, long seed) {
    Worker worker = new Worker(s, seed);
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      for (int line = fromLine; line < toLine; line++) {
        worker.line(s.corpus.lineStart(line), s.corpus.lineEnd(line));
      }
    }
    worker.flush();
  }

  /** One thread's state: its generator, learning rate and scratch buffers (allocated once). */
  private final class Worker {
    private final Shared s;
    private final int d = options.dim();
    private final int window = options.window();
    private final int negative = options.negative();
    private final float[] syn0;
    private final float[] syn1;
    private final int[] table;
    private final float[] keep;
    private final int[] tokens;
    /** Row offsets (into syn0) of the context words of the current window. */
    private final int[] contexts;
    /** Row offsets (into syn1) of the centre word (first) and its noise words. */
    private final int[] outputs;
    /** Scores, then gradients, of every context x output pair, row-major by context. */
    private final float[] grad;
    /** The contexts' input-vector gradients, one row each. */
    private final float[] neu1e;
    private final SgnsKernel kernel = SgnsKernel.get();
    private final boolean sharedNoise = options.sharedNoise();
    /** The one context row of a per-pair step. */
    private final int[] context = new int[1];
    private final double startAlpha = options.alpha();
    private final double minAlpha = options.minAlpha();
    private int[] sentence = new int[1024];
    private long rnd;
    private float alpha = (float) options.alpha();
    private long pending;

    Worker(Shared s, long seed) {
      this.s = s;
      this.syn0 = s.syn0;
      this.syn1 = s.syn1;
      this.table = s.table;
      this.keep = s.keep;
      this.tokens = s.corpus.tokenArray();
      this.contexts = new int[2 * window];
      this.outputs = new int[negative + 1];
      this.grad = new float[2 * window * (negative + 1)];
      this.neu1e = new float[2 * window * d];
      this.rnd = seed;
    }

    /** Trains on the tokens {@code [start, end)} of one line. */
    void line(int start, int end) {
      if (end - start > sentence.length) {
        sentence = new int[Math.max(end - start, sentence.length * 2)];
      }
      int n = subsample(start, end);
      pending += end - start;
      if (pending >= UPDATE_EVERY) {
        flush();
      }
      for (int pos = 0; pos < n; pos++) {
        rnd = rnd * LCG_MULTIPLIER + 11;
        // dynamic window: the effective size is drawn uniformly from 1..window, which weights nearer
        // words more (Mikolov et al. 2013, "Efficient Estimation", section 3.2)
        int reduced = (int) (((rnd >>> 32) * window) >>> 32);
        int lo = Math.max(0, pos - window + reduced);
        int hi = Math.min(n - 1, pos + window - reduced);
        int b = 0;
        for (int c = lo; c <= hi; c++) {
          if (c != pos) {
            contexts[b++] = sentence[c] * d;
          }
        }
        if (b > 0 && sharedNoise) {
          window(sentence[pos], b);
        } else if (b > 0) {
          pairs(sentence[pos], b);
        }
      }
    }

    /** Subsampling of frequent words, before the window is placed (section 2.3); returns the kept count. */
    private int subsample(int start, int end) {
      int n = 0;
      long r = rnd;
      for (int i = start; i < end; i++) {
        int w = tokens[i];
        float k = keep[w];
        if (k < 1f) {
          r = r * LCG_MULTIPLIER + 11;
          if (k < (r >>> 40) * 0x1p-24f) {
            continue;
          }
        }
        sentence[n++] = w;
      }
      rnd = r;
      return n;
    }

    /**
     * Draws {@code negative} noise words from the unigram^0.75 table into {@code outputs[1..]}, skipping
     * {@code word} itself (word2vec's rule); returns 1 + the number kept.
     */
    private int drawNoise(int word) {
      int m = 1;
      for (int k = 0; k < negative; k++) {
        rnd = rnd * LCG_MULTIPLIER + 11;
        int target = table[(int) (((rnd >>> 32) * table.length) >>> 32)];
        if (target != word) {
          outputs[m++] = target * d;
        }
      }
      return m;
    }

    /**
     * One SGD step of the negative-sampling objective (Mikolov et al. 2013, section 2.2), log
     * s(v'_wO . v_wI) + sum_k log s(-v'_wk . v_wI), for each of the {@code b} context words wI of
     * the window predicting the centre word wO, the {@code negative} noise words wk drawn once per
     * window and shared by its contexts (Ji, Shao, Sundaram & Dubey 2016, "Parallelizing Word2Vec
     * in Shared and Distributed Memory", section 3): the b x (1 + k) scores are blocked dots over
     * rows that stay in cache, and every gradient is taken at the window's old vectors.
     */
    private void window(int word, int b) {
      outputs[0] = word * d;
      int m = drawNoise(word);
      for (int i = 0; i < b; i++) {
        kernel.dots(syn0, contexts[i], syn1, outputs, m, grad, i * m, d);
      }
      float a = alpha;
      for (int i = 0, e = 0; i < b; i++) {
        for (int k = 0; k < m; k++, e++) {
          float f = grad[e];
          float label = k == 0 ? 1f : 0f;
          float g;
          if (f >= MAX_EXP) {
            g = (label - 1) * a;
          } else if (f <= -MAX_EXP) {
            g = label * a;
          } else {
            g = (label - expTable[expIndex(f)]) * a;
          }
          grad[e] = g;
        }
      }
      Arrays.fill(neu1e, 0, b * d, 0f);
      for (int i = 0; i < b; i++) {
        kernel.accumulate(neu1e, i * d, syn1, outputs, m, grad, i * m, 1, d);
      }
      for (int k = 0; k < m; k++) {
        kernel.accumulate(syn1, outputs[k], syn0, contexts, b, grad, k, m, d);
      }
      for (int i = 0; i < b; i++) {
        kernel.add(syn0, contexts[i], neu1e, i * d, d);
      }
    }

    /**
     * The word2vec tool's step (Mikolov et al. 2013, section 2.2): for each context word wI in turn,
     * fresh noise words; the scores of the centre word and the noise words against wI are taken
     * together (blocked dots), then each output vector moves by its gradient and wI's input vector by
     * the summed gradient. word2vec scores each output after the previous one's update, which only
     * differs when a noise word repeats within the pair.
     */
    private void pairs(int word, int b) {
      float a = alpha;
      outputs[0] = word * d;
      for (int i = 0; i < b; i++) {
        int ctx = contexts[i];
        context[0] = ctx;
        int m = drawNoise(word);
        kernel.dots(syn0, ctx, syn1, outputs, m, grad, 0, d);
        for (int k = 0; k < m; k++) {
          float f = grad[k];
          float label = k == 0 ? 1f : 0f;
          if (f >= MAX_EXP) {
            grad[k] = (label - 1) * a;
          } else if (f <= -MAX_EXP) {
            grad[k] = label * a;
          } else {
            grad[k] = (label - expTable[expIndex(f)]) * a;
          }
        }
        Arrays.fill(neu1e, 0, d, 0f);
        kernel.accumulate(neu1e, 0, syn1, outputs, m, grad, 0, 1, d);
        for (int k = 0; k < m; k++) {
          kernel.accumulate(syn1, outputs[k], syn0, context, 1, grad, k, 1, d);
        }
        kernel.add(syn0, ctx, neu1e, 0, d);
      }
    }

    /** Adds pending words to the shared count and the progress, and lowers the learning rate linearly. */
    void flush() {
      if (pending == 0) {
        return;
      }
      long done = s.done.addAndGet(pending);
      s.progress.advance(pending);
      pending = 0;
      alpha = (float) Math.max(minAlpha, startAlpha - (startAlpha - minAlpha) * done / (double) (s.totalWords + 1));
    }
  }
}
