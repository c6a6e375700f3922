package org.embdiff.spark;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.embdiff.cooc.ByteVocabulary;
import org.embdiff.cooc.CooccurrenceOptions;
import org.embdiff.cooc.CooccurrenceSummary;
import org.embdiff.cooc.CorpusVocabulary;
import org.embdiff.cooc.CountingEngine;
import org.embdiff.cooc.CrecWriter;
import org.embdiff.cooc.EngineSettings;
import org.embdiff.cooc.ExactWeights;
import org.embdiff.cooc.PowerLawFit;
import org.embdiff.cooc.ValueDistribution;
import org.embdiff.stats.CorpusCounter;
import org.embdiff.stats.Counts;
import org.embdiff.text.Tokenizers;
import org.embdiff.util.AtomicFiles;
import scala.Tuple2;

/**
 * The corpus counts on Apache Spark: the same token rules as the local counters (their own
 * classes run in the tasks), the same results and output formats.
 *
 * <p>Word counts: each task counts its blocks, the distinct tokens are reduced by key, words under
 * the min-count are dropped on the executors, and the driver sorts the rest as the local engine
 * does. Co-occurrence: tasks window their blocks and pre-sum pairs as exact integers
 * ({@link ExactWeights}); chunks of sorted sums are shuffled to reduce partitions that own
 * contiguous word ranges; each reduce partition yields its records in order, so the partitions in
 * order are the sorted CREC file.
 */
final class SparkCountingEngine implements CountingEngine {
  /** Dense map-side table: 4M longs (32 MB) per task. */
  static final int DENSE_ENTRIES = 4 << 20;
  /** Sparse map-side buffer: 4M keys (32 MB) per task. */
  static final int BUFFER_ENTRIES = 4 << 20;

  private final JavaSparkContext sc;
  private final int partitions;

  SparkCountingEngine(EngineSettings settings) {
    SparkConf conf = new SparkConf(true).setAppName("embdiff");
    if (settings.master() != null) {
      conf.setMaster(settings.master());
    }
    conf.setIfMissing("spark.master", "local[*]");
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    if (!conf.get("spark.master").startsWith("local") && !conf.contains("spark.jars")) {
      // started from the command line rather than spark-submit: executors need this module's classes
      String jar = JavaSparkContext.jarOfClass(SparkCountingEngine.class).length > 0
          ? JavaSparkContext.jarOfClass(SparkCountingEngine.class)[0] : null;
      if (jar != null) {
        conf.set("spark.jars", jar);
      }
    }
    settings.properties().forEach(conf::set);
    this.sc = new JavaSparkContext(SparkContext.getOrCreate(conf));
    sc.setLogLevel("WARN");
    if (Boolean.getBoolean("embdiff.spark.stages")) {
      sc.sc().addSparkListener(new StageLog(System.err));
    }
    this.partitions = settings.partitions() > 0 ? settings.partitions() : Math.max(2, sc.defaultParallelism());
  }

  @Override
  public String description() {
    return "spark " + sc.master() + ", Spark " + sc.version() + ", " + partitions + " reduce partitions";
  }

  @Override
  public CorpusCounter.Result countWords(List<String> corpora, String tokenizer, long minCount, int maxVocab)
      throws IOException {
    long t0 = System.nanoTime();
    Tokenizers.byName(tokenizer);
    CorpusInputs inputs = CorpusInputs.list(sc.hadoopConfiguration(), corpora, null);
    List<Tuple2<String, Long>> rows = inputs.blocks(sc)
        .mapPartitionsToPair(it -> WordTasks.countWords(it, tokenizer))
        .reduceByKey(Long::sum, partitions)
        .mapPartitionsToPair(it -> WordTasks.keep(it, minCount))
        .collect();
    Object2LongOpenHashMap<String> kept = new Object2LongOpenHashMap<>();
    long tokens = 0;
    long pruned = 0;
    long lines = 0;
    long bytes = 0;
    long types = 0;
    for (Tuple2<String, Long> r : rows) {
      switch (r._1()) {
        case WordTasks.TOKENS -> tokens += r._2();
        case WordTasks.PRUNED -> pruned += r._2();
        case WordTasks.LINES -> lines += r._2();
        case WordTasks.BYTES -> bytes += r._2();
        case WordTasks.TYPES -> types += r._2();
        default -> kept.put(r._1(), (long) r._2());
      }
    }
    Counts counts = Counts.sorted(kept, tokens, minCount, maxVocab, pruned > 0 || types > kept.size());
    return new CorpusCounter.Result(counts, lines, bytes, pruned, (System.nanoTime() - t0) / 1e9);
  }

  @Override
  public CorpusVocabulary.Result countVocabulary(List<String> corpora, String glob, long minCount, int maxVocab)
      throws IOException {
    CorpusInputs inputs = CorpusInputs.list(sc.hadoopConfiguration(), corpora, glob);
    List<Tuple2<String, Long>> rows = inputs.blocks(sc)
        .mapPartitionsToPair(WordTasks::countGloveTokens)
        .reduceByKey(Long::sum, partitions)
        .mapPartitionsToPair(it -> WordTasks.keep(it, minCount))
        .collect();
    long tokens = 0;
    long types = 0;
    int n = 0;
    byte[][] words = new byte[rows.size()][];
    long[] counts = new long[rows.size()];
    for (Tuple2<String, Long> r : rows) {
      switch (r._1()) {
        case WordTasks.TOKENS -> tokens += r._2();
        case WordTasks.TYPES -> types += r._2();
        case WordTasks.LINES -> { }
        default -> {
          words[n] = r._1().getBytes(StandardCharsets.ISO_8859_1);
          counts[n++] = r._2();
        }
      }
    }
    ByteVocabulary vocab = ByteVocabulary.sorted(java.util.Arrays.copyOf(words, n), java.util.Arrays.copyOf(counts, n),
        minCount, maxVocab);
    return new CorpusVocabulary.Result(vocab, tokens, types);
  }

  @Override
  public CooccurrenceSummary cooccur(List<String> corpora, String glob, ByteVocabulary vocab,
      CooccurrenceOptions options, String output) throws IOException {
    long t0 = System.nanoTime();
    ExactWeights weights = ExactWeights.of(options.window(), options.distanceWeighting());
    CorpusInputs inputs = CorpusInputs.list(sc.hadoopConfiguration(), corpora, glob);
    int idBits = 32 - Integer.numberOfLeadingZeros(vocab.size());
    RowRanges ranges = RowRanges.balanced(vocab.counts(), options.symmetric() ? 2 * options.window() : options.window(),
        partitions);
    Broadcast<ByteVocabulary> shared = sc.broadcast(vocab);
    int window = options.window();
    boolean symmetric = options.symmetric();
    JavaRDD<byte[]> records = inputs.blocks(sc)
        .mapPartitionsToPair(it -> new PairCombiner(shared.value(), window, symmetric, weights, ranges, DENSE_ENTRIES,
            BUFFER_ENTRIES).run(it))
        .partitionBy(new ChunkPartitioner(ranges.count()))
        .mapPartitions(it -> PairReducer.reduce(it, weights, idBits), true);
    Totals totals = new Totals();
    try {
      if (hasScheme(output)) {
        writeParts(records, output, totals);
      } else {
        writeFile(records, Path.of(output), totals);
      }
    } finally {
      shared.destroy();
    }
    double density = vocab.size() == 0 ? 0 : totals.records / ((double) vocab.size() * vocab.size());
    long maxProduct = org.embdiff.cooc.CooccurrenceCounter.maxProductFor(vocab.size(), DENSE_ENTRIES);
    ValueDistribution d = totals.distribution;
    return new CooccurrenceSummary(vocab.size(), totals.tokens, totals.inVocab, totals.records, totals.sum, totals.max,
        density, maxProduct, ranges.count(), 0, new PowerLawFit(d.alphaMle(), d.alphaLogLog(), d.xmin(), d.tailCount()),
        (System.nanoTime() - t0) / 1e9);
  }

  /** What the driver adds up from the reduce partitions' output. */
  static final class Totals implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long tokens;
    long inVocab;
    long records;
    double sum;
    double max;
    final ValueDistribution distribution = new ValueDistribution(1.0);

    /** One element of a reduce partition's output. */
    void add(byte[] element) {
      ByteBuffer b = ByteBuffer.wrap(element).order(ByteOrder.LITTLE_ENDIAN);
      if (b.get() == PairChunk.STATS) {
        tokens += b.getLong();
        inVocab += b.getLong();
        return;
      }
      while (b.hasRemaining()) {
        b.getLong();
        double v = b.getDouble();
        sum += v;
        max = Math.max(max, v);
        distribution.add(v);
        records++;
      }
    }

    void addAll(Totals o) {
      tokens += o.tokens;
      inVocab += o.inVocab;
      records += o.records;
      sum += o.sum;
      max = Math.max(max, o.max);
      distribution.addAll(o.distribution);
    }
  }

  /** The partitions in order into one local file, through the driver (sum and records as the local engine). */
  private static void writeFile(JavaRDD<byte[]> records, Path output, Totals totals) throws IOException {
    // materialise the reduce stage in parallel first; the driver then streams it partition by partition
    records.persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      records.count();
      AtomicFiles.write(output, out -> {
        Iterator<byte[]> it = records.toLocalIterator();
        while (it.hasNext()) {
          byte[] e = it.next();
          totals.add(e);
          if (e[0] == PairChunk.PAIRS) {
            out.write(e, 1, e.length - 1);
          }
        }
      });
    } finally {
      records.unpersist(false);
    }
  }

  /** Each reduce partition writes {@code part-NNNNN.crec} under the directory {@code output} itself. */
  private void writeParts(JavaRDD<byte[]> records, String output, Totals totals) throws IOException {
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(output);
    FileSystem fs = dir.getFileSystem(sc.hadoopConfiguration());
    if (fs.exists(dir) && fs.listStatus(dir).length > 0) {
      throw new IOException(output + ": output directory exists and is not empty");
    }
    fs.mkdirs(dir);
    List<Totals> parts = records.mapPartitionsWithIndex((index, it) -> {
      Totals t = new Totals();
      org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(output,
          String.format(Locale.ROOT, ".part-%05d.crec.tmp", index));
      FileSystem taskFs = tmp.getFileSystem(new Configuration());
      try (OutputStream out = taskFs.create(tmp, true)) {
        while (it.hasNext()) {
          byte[] e = it.next();
          t.add(e);
          if (e[0] == PairChunk.PAIRS) {
            out.write(e, 1, e.length - 1);
          }
        }
      }
      org.apache.hadoop.fs.Path part = new org.apache.hadoop.fs.Path(output,
          String.format(Locale.ROOT, "part-%05d.crec", index));
      taskFs.delete(part, false);
      if (!taskFs.rename(tmp, part)) {
        throw new IOException("cannot rename " + tmp + " to " + part);
      }
      return List.of(t).iterator();
    }, true).collect();
    for (Totals t : parts) {
      totals.addAll(t);
    }
  }

  static boolean hasScheme(String output) {
    try {
      URI u = new URI(output);
      return u.getScheme() != null && u.getScheme().length() > 1;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  @Override
  public void close() {
    sc.stop();
  }
}
