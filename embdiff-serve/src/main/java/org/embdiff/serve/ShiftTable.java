package org.embdiff.serve;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.embdiff.align.WordShift;
import org.embdiff.align.WordTag;
import org.embdiff.align.WordTags;

/**
 * The shift table of the explorer: one row per table word (from the shift analysis computed at
 * start-up or read from a report's shift.csv), its tags, the frequency-band null of Delta_w, and
 * one precomputed order per sort key. Immutable.
 */
final class ShiftTable {
  private final Views.ShiftRow[] rows;
  private final Object2IntOpenHashMap<String> rowOf;
  private final int[] tagBits;
  private final boolean[] presentable;
  private final Map<String, double[]> bandDeltas;
  private final Map<String, int[]> orders;
  private final int overlapK;

  ShiftTable(List<WordShift> words, int overlapK, WordTags wordTags, Set<String> probes) {
    this.overlapK = overlapK;
    rows = new Views.ShiftRow[words.size()];
    rowOf = new Object2IntOpenHashMap<>(words.size());
    rowOf.defaultReturnValue(-1);
    tagBits = new int[words.size()];
    presentable = new boolean[words.size()];
    Map<String, List<Double>> perBand = new LinkedHashMap<>();
    for (WordShift w : words) {
      if (w.delta() != null) {
        perBand.computeIfAbsent(rarerBand(w), x -> new ArrayList<>()).add(w.delta());
      }
    }
    bandDeltas = new LinkedHashMap<>();
    perBand.forEach((band, list) -> {
      double[] d = list.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(d);
      bandDeltas.put(band, d);
    });
    for (int i = 0; i < words.size(); i++) {
      WordShift w = words.get(i);
      EnumSet<WordTag> t = wordTags.tags(w.word());
      List<String> names = new ArrayList<>();
      int bits = 0;
      for (WordTag tag : t) {
        String name = Explorer.tagName(tag);
        names.add(name);
        bits |= 1 << Explorer.TAG_NAMES.indexOf(name);
      }
      if (probes.contains(w.word())) {
        names.add("probe");
        bits |= 1 << Explorer.TAG_NAMES.indexOf("probe");
      }
      if (bits == 0) {
        bits = 1 << Explorer.TAG_NAMES.indexOf("plain");
      }
      tagBits[i] = bits;
      presentable[i] = w.presentable();
      String band = rarerBand(w);
      Double bandP = w.delta() == null ? null : upperTail(bandDeltas.get(band), w.delta());
      rows[i] = new Views.ShiftRow(w.word(), rank(w.rankA()), rank(w.rankB()), band, w.delta(), w.cosineDistance(), w.overlap10(),
          overlapK >= 100 ? w.overlap100() : null, overlapK >= 1000 ? w.overlap1000() : null, w.secondOrder(), bandP, List.copyOf(names));
      rowOf.put(w.word(), i);
    }
    orders = new LinkedHashMap<>();
    for (String key : Explorer.SORT_KEYS) {
      Comparator<Integer> c = comparator(key, words);
      orders.put(key, IntStream.range(0, rows.length).boxed().sorted(c).mapToInt(Integer::intValue).toArray());
    }
  }

  int size() {
    return rows.length;
  }

  int overlapK() {
    return overlapK;
  }

  List<String> bands() {
    return new ArrayList<>(bandDeltas.keySet());
  }

  /** The row of {@code word}, or null beyond the table. */
  Views.ShiftRow row(String word) {
    int r = rowOf.getInt(word);
    return r < 0 ? null : rows[r];
  }

  /** Sorted Delta_w of a band. */
  double[] bandDeltas(String band) {
    return bandDeltas.get(band);
  }

  /** A page; see {@link Explorer#table}. */
  Views.ShiftPage page(String sort, boolean descending, String band, String tag, Double maxBandP, String contains, int offset,
      int limit) {
    int[] order = orders.get(sort);
    if (order == null) {
      throw new IllegalArgumentException("unknown sort key '" + sort + "'; expected one of " + Explorer.SORT_KEYS);
    }
    int tagBit = 0;
    if (tag != null) {
      int t = Explorer.TAG_NAMES.indexOf(tag);
      if (t < 0) {
        throw new IllegalArgumentException("unknown tag '" + tag + "'; expected one of " + Explorer.TAG_NAMES);
      }
      tagBit = 1 << t;
    }
    String needle = contains == null ? null : contains.toLowerCase(Locale.ROOT);
    List<Views.ShiftRow> page = new ArrayList<>();
    int total = 0;
    for (int j = 0; j < order.length; j++) {
      int i = order[descending ? order.length - 1 - j : j];
      Views.ShiftRow row = rows[i];
      if ((band != null && !band.equals(row.band())) || (tagBit != 0 && (tagBits[i] & tagBit) == 0)
          || (maxBandP != null && (row.bandP() == null || row.bandP() > maxBandP))
          || (needle != null && !row.word().toLowerCase(Locale.ROOT).contains(needle))) {
        continue;
      }
      if (total >= offset && page.size() < limit) {
        page.add(row);
      }
      total++;
    }
    return new Views.ShiftPage(true, null, total, offset, limit, sort, descending ? "desc" : "asc", page);
  }

  /** Presentable rows, lowest overlap@10 first (ties: larger Delta_w first). */
  List<Views.ShiftRow> lowestOverlap(int n) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      if (presentable[i]) {
        candidates.add(i);
      }
    }
    candidates.sort(Comparator.comparingDouble((Integer i) -> rows[i].overlap10()).thenComparing(i -> rows[i].delta() == null
        ? 0 : -rows[i].delta()).thenComparingInt(i -> i));
    return candidates.stream().limit(n).map(i -> rows[i]).toList();
  }

  /** Presentable words with the largest Delta_w. */
  List<String> mostShifted(int n) {
    int[] order = orders.get("delta");
    List<String> out = new ArrayList<>();
    for (int j = order.length - 1; j >= 0 && out.size() < n; j--) {
      if (presentable[order[j]] && rows[order[j]].delta() != null) {
        out.add(rows[order[j]].word());
      }
    }
    return out;
  }

  private Comparator<Integer> comparator(String key, List<WordShift> words) {
    Comparator<Integer> byRank = Comparator.comparingInt(i -> Math.max(words.get(i).rankA(), words.get(i).rankB()));
    Comparator<Integer> primary = switch (key) {
      case "word" -> Comparator.comparing(i -> rows[i].word());
      case "rank" -> byRank;
      case "delta" -> Comparator.comparingDouble(i -> nullLow(rows[i].delta()));
      case "cosine" -> Comparator.comparingDouble(i -> nullLow(rows[i].cosineDistance()));
      case "overlap10" -> Comparator.comparingDouble(i -> rows[i].overlap10());
      case "overlap100" -> Comparator.comparingDouble(i -> nullLow(rows[i].overlap100()));
      case "overlap1000" -> Comparator.comparingDouble(i -> nullLow(rows[i].overlap1000()));
      case "second" -> Comparator.comparingDouble(i -> rows[i].secondOrder());
      case "bandp" -> Comparator.comparingDouble(i -> rows[i].bandP() == null ? 2 : rows[i].bandP());
      default -> throw new IllegalArgumentException(key);
    };
    return primary.thenComparing(byRank).thenComparing(i -> rows[i].word());
  }

  private static double nullLow(Double v) {
    return v == null ? Double.NEGATIVE_INFINITY : v;
  }

  private static String rarerBand(WordShift w) {
    return w.rankA() >= w.rankB() ? w.bandA() : w.bandB();
  }

  /** 1-based rank, or null for the "not in this side's counts" sentinel. */
  private static Integer rank(int oneBased) {
    return oneBased - 1 >= Integer.MAX_VALUE / 4 ? null : oneBased;
  }

  /** Share of sorted {@code d} at least {@code v}. */
  static double upperTail(double[] d, double v) {
    int lo = 0, hi = d.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (d[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (double) (d.length - lo) / d.length;
  }

  /** Share of sorted {@code d} strictly below {@code v}. */
  static double lowerShare(double[] d, double v) {
    return 1 - upperTail(d, v);
  }
}
