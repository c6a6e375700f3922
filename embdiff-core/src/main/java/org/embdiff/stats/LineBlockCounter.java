package org.embdiff.stats;

import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongMaps;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.nio.charset.StandardCharsets;
import java.util.function.ObjLongConsumer;
import org.embdiff.text.Tokenizer;

/** Decoded lines (a trailing CR dropped) through a {@link Tokenizer}, counted as Strings. */
final class LineBlockCounter implements BlockCounter {
  private final Object2LongOpenHashMap<String> map = new Object2LongOpenHashMap<>();
  private final Tokenizer tokenizer;
  private final int bound;
  private long tokens;
  private long pruned;
  private long threshold;

  LineBlockCounter(Tokenizer tokenizer, int bound) {
    this.tokenizer = tokenizer;
    this.bound = bound;
  }

  @Override
  public void add(byte[] buf, int from, int to) {
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || buf[i] == '\n') {
        int end = i;
        if (end > start && buf[end - 1] == '\r') {
          end--;
        }
        if (end > start) {
          tokenizer.tokenize(new String(buf, start, end - start, StandardCharsets.UTF_8), this::count);
        }
        start = i + 1;
      }
    }
  }

  private void count(String token) {
    map.addTo(token, 1);
    tokens++;
    if (map.size() > bound) {
      prune();
    }
  }

  /** Drops the rarest words until half the bound remain (word2vec's ReduceVocab). */
  private void prune() {
    while (map.size() > bound / 2) {
      threshold++;
      var it = map.object2LongEntrySet().fastIterator();
      while (it.hasNext()) {
        long c = it.next().getLongValue();
        if (c <= threshold) {
          pruned += c;
          it.remove();
        }
      }
    }
  }

  @Override
  public void addAll(BlockCounter other) {
    LineBlockCounter o = (LineBlockCounter) other;
    for (Object2LongMap.Entry<String> e : Object2LongMaps.fastIterable(o.map)) {
      map.addTo(e.getKey(), e.getLongValue());
    }
    tokens += o.tokens;
    pruned += o.pruned;
  }

  @Override
  public void forEachWord(ObjLongConsumer<String> action) {
    for (Object2LongMap.Entry<String> e : Object2LongMaps.fastIterable(map)) {
      action.accept(e.getKey(), e.getLongValue());
    }
  }

  @Override
  public long tokens() {
    return tokens;
  }

  @Override
  public long prunedTokens() {
    return pruned;
  }
}
