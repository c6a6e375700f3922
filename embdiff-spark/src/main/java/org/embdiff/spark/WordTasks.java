package org.embdiff.spark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.embdiff.cooc.ByteTokenCounter;
import org.embdiff.stats.BlockCounter;
import org.embdiff.text.Tokenizers;
import scala.Tuple2;

/**
 * The per-partition work of the word counts: the local counters' own pieces
 * ({@link BlockCounter}, {@link ByteTokenCounter}) count a partition's blocks, and each distinct
 * token leaves the task once with its count. A partition's totals travel under keys that start
 * with a newline, which no token can hold (every tokenizer sees one line at a time, and the GloVe
 * rules split at newlines), so the shuffle adds them up with the counts.
 */
final class WordTasks {
  /** Reserved keys: totals of a partition, summed by the same reduce as the counts. */
  static final String TOKENS = "\ntokens";
  static final String PRUNED = "\npruned";
  static final String LINES = "\nlines";
  static final String BYTES = "\nbytes";
  static final String TYPES = "\ntypes";
  /** Distinct tokens one task may hold before the rarest are pruned (as the local counter's bound). */
  static final int MAX_TYPES_PER_TASK = 50_000_000;

  private WordTasks() {}

  static boolean reserved(String key) {
    return !key.isEmpty() && key.charAt(0) == '\n';
  }

  /** Word counts of one partition with the tokenizer called {@code tokenizer}. */
  static Iterator<Tuple2<String, Long>> countWords(Iterator<Block> blocks, String tokenizer) {
    BlockCounter counter = BlockCounter.create(Tokenizers.byName(tokenizer), MAX_TYPES_PER_TASK);
    long lines = 0;
    long bytes = 0;
    while (blocks.hasNext()) {
      Block b = blocks.next();
      counter.add(b.buf, 0, b.len);
      lines += b.lines;
      bytes += b.decompressedBytes;
    }
    List<Tuple2<String, Long>> out = new ArrayList<>();
    counter.forEachWord((w, c) -> out.add(new Tuple2<>(w, c)));
    out.add(new Tuple2<>(TOKENS, counter.tokens()));
    out.add(new Tuple2<>(PRUNED, counter.prunedTokens()));
    out.add(new Tuple2<>(LINES, lines));
    out.add(new Tuple2<>(BYTES, bytes));
    return out.iterator();
  }

  /**
   * GloVe tokens of one partition ({@link ByteTokenCounter}, Stanford's rules), keyed by their
   * exact bytes as an ISO-8859-1 string (one char per byte, so equality is byte equality).
   */
  static Iterator<Tuple2<String, Long>> countGloveTokens(Iterator<Block> blocks) {
    ByteTokenCounter counter = new ByteTokenCounter();
    long lines = 0;
    while (blocks.hasNext()) {
      Block b = blocks.next();
      counter.countSlice(b.buf, 0, b.len);
      lines += b.lines;
    }
    List<Tuple2<String, Long>> out = new ArrayList<>(counter.size() + 2);
    counter.forEach((b, off, len, c) -> out.add(new Tuple2<>(new String(b, off, len, StandardCharsets.ISO_8859_1), c)));
    out.add(new Tuple2<>(TOKENS, counter.tokens()));
    out.add(new Tuple2<>(LINES, lines));
    return out.iterator();
  }

  /**
   * After the reduce: the words with at least {@code minCount} occurrences, the totals, and the
   * number of distinct words of this partition under {@link #TYPES}.
   */
  static Iterator<Tuple2<String, Long>> keep(Iterator<Tuple2<String, Long>> reduced, long minCount) {
    List<Tuple2<String, Long>> out = new ArrayList<>();
    long types = 0;
    while (reduced.hasNext()) {
      Tuple2<String, Long> e = reduced.next();
      if (reserved(e._1())) {
        out.add(e);
      } else {
        types++;
        if (e._2() >= minCount) {
          out.add(e);
        }
      }
    }
    out.add(new Tuple2<>(TYPES, types));
    return out.iterator();
  }
}
