package org.embdiff.stats;

import java.util.function.ObjLongConsumer;

/** Whitespace tokens straight from the UTF-8 bytes (bytes 0..32 separate), into a {@link ByteCountTable}. */
final class ByteBlockCounter implements BlockCounter {
  private final ByteCountTable table;
  private long tokens;

  ByteBlockCounter(int maxTypes) {
    table = new ByteCountTable(maxTypes);
  }

  @Override
  public void add(byte[] buf, int from, int to) {
    int i = from;
    long t = 0;
    while (i < to) {
      byte b = buf[i];
      if (b >= 0 && b <= ' ') {
        i++;
        continue;
      }
      int start = i;
      int h = 0;
      // hash while scanning for the end of the token (one pass over the bytes)
      while (true) {
        h = 31 * h + b;
        if (++i >= to) {
          break;
        }
        b = buf[i];
        if (b >= 0 && b <= ' ') {
          break;
        }
      }
      table.add(buf, start, i, ByteCountTable.mix(h), 1);
      t++;
    }
    tokens += t;
  }

  @Override
  public void addAll(BlockCounter other) {
    ByteBlockCounter o = (ByteBlockCounter) other;
    table.addAll(o.table);
    tokens += o.tokens;
  }

  @Override
  public void forEachWord(ObjLongConsumer<String> action) {
    table.forEach(action);
  }

  @Override
  public long tokens() {
    return tokens;
  }

  @Override
  public long prunedTokens() {
    return table.prunedTokens();
  }
}
