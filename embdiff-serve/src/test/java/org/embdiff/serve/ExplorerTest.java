package org.embdiff.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.embdiff.stats.Counts;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;

/** The explorer's answers against brute-force recomputation and null pairs (a rotated copy has not moved). */
class ExplorerTest {
  private static final int N = 400;
  private static final int D = 12;

  static String word(int i) {
    return "word" + (char) ('a' + i % 26) + i;
  }

  static EmbeddingSpace random(long seed, int n, int d) {
    Random r = new Random(seed);
    String[] words = new String[n];
    float[] m = new float[n * d];
    for (int i = 0; i < n; i++) {
      words[i] = word(i);
      for (int c = 0; c < d; c++) {
        m[i * d + c] = (float) r.nextGaussian();
      }
    }
    return new EmbeddingSpace(new Vocabulary(words), d, m);
  }

  /** {@code a} times a random orthogonal matrix (Gram-Schmidt of a Gaussian), scaled by 3. */
  static EmbeddingSpace rotated(EmbeddingSpace a, long seed) {
    int d = a.dim();
    Random r = new Random(seed);
    double[][] q = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int c = 0; c < d; c++) {
        q[i][c] = r.nextGaussian();
      }
      for (int j = 0; j < i; j++) {
        double dot = 0;
        for (int c = 0; c < d; c++) {
          dot += q[i][c] * q[j][c];
        }
        for (int c = 0; c < d; c++) {
          q[i][c] -= dot * q[j][c];
        }
      }
      double norm = 0;
      for (int c = 0; c < d; c++) {
        norm += q[i][c] * q[i][c];
      }
      for (int c = 0; c < d; c++) {
        q[i][c] /= Math.sqrt(norm);
      }
    }
    float[] out = new float[a.size() * d];
    for (int row = 0; row < a.size(); row++) {
      for (int c = 0; c < d; c++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += a.get(row, k) * q[k][c];
        }
        out[row * d + c] = (float) (3 * s);
      }
    }
    return new EmbeddingSpace(a.vocabulary(), d, out);
  }

  static Counts counts(EmbeddingSpace s, long seed) {
    Random r = new Random(seed);
    String[] words = new String[s.size()];
    long[] c = new long[s.size()];
    long total = 0;
    for (int i = 0; i < s.size(); i++) {
      words[i] = s.word(i);
      c[i] = 100_000 / (i + 1) + r.nextInt(5);
      total += c[i];
    }
    Integer[] order = IntStream.range(0, words.length).boxed().sorted(Comparator.comparingLong(i -> -c[i])).toArray(Integer[]::new);
    String[] w2 = new String[words.length];
    long[] c2 = new long[words.length];
    for (int i = 0; i < order.length; i++) {
      w2[i] = words[order[i]];
      c2[i] = c[order[i]];
    }
    return new Counts(w2, c2, total, false);
  }

  static Explorer.Settings settings(int overlapK) {
    return settings(overlapK, 0);
  }

  static Explorer.Settings settings(int overlapK, int searchWords) {
    return new Explorer.Settings(10_000, overlapK, searchWords, 50, 1000, 3, 500, List.of(word(5), word(7)), 42);
  }

  private static double cosine(EmbeddingSpace s, String x, String y) {
    float[] a = s.vector(x), b = s.vector(y);
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static List<String> bruteForce(EmbeddingSpace s, Set<String> shared, String w, int k) {
    List<String> others = new ArrayList<>(shared);
    others.remove(w);
    others.sort(Comparator.comparingDouble((String x) -> -cosine(s, w, x)).thenComparingInt(x -> s.indexOf(x)));
    return others.subList(0, k);
  }

  @Test
  void neighboursOverlapAndSimilarityMatchABruteForceRecomputation() {
    EmbeddingSpace a = random(1, N, D);
    EmbeddingSpace b = random(2, N - 40, D); // B lacks A's 40 rarest words
    Explorer ex = Explorer.build(new Explorer.Side("a", "a.txt", a, null, "rows", null), new Explorer.Side("b", "b.txt", b, null,
        "rows", null), settings(100), null).awaitPrepared();
    Set<String> shared = new HashSet<>(b.vocabulary().words());
    assertThat(ex.meta().shared()).isEqualTo(N - 40);
    for (int i : new int[] {0, 17, 150, 359}) {
      String w = word(i);
      Views.WordView v = ex.word(w, 10);
      List<String> na = v.neighboursA().stream().map(Views.Neighbour::word).toList();
      List<String> nb = v.neighboursB().stream().map(Views.Neighbour::word).toList();
      assertThat(na).containsExactlyElementsOf(bruteForce(a, shared, w, 10));
      assertThat(nb).containsExactlyElementsOf(bruteForce(b, shared, w, 10));
      for (Views.Neighbour n : v.neighboursA()) {
        assertThat(n.similarity()).isCloseTo(cosine(a, w, n.word()), within(1e-5));
        assertThat(n.shared()).isEqualTo(nb.contains(n.word()));
      }
      long common = na.stream().filter(nb::contains).count();
      assertThat(v.overlapK()).isEqualTo(common / 10.0);
      assertThat(v.shift().overlap10()).isEqualTo(common / 10.0);
      Views.Similarity sim = ex.similarity(w, word(3));
      assertThat(sim.cosineA()).isCloseTo(cosine(a, w, word(3)), within(1e-5));
      assertThat(sim.cosineB()).isCloseTo(cosine(b, w, word(3)), within(1e-5));
    }
    Explorer top = Explorer.build(new Explorer.Side("a", "a.txt", a, null, "rows", null), new Explorer.Side("b", "b.txt", b, null,
        "rows", null), settings(100, 100), null).awaitPrepared();
    Set<String> first100 = new HashSet<>(a.vocabulary().words().subList(0, 100));
    first100.add(word(150));
    assertThat(top.word(word(150), 10).neighboursA().stream().map(Views.Neighbour::word).toList())
        .containsExactlyElementsOf(bruteForce(a, first100, word(150), 10));
    Views.WordView only = ex.word(word(N - 1), 10);
    assertThat(only.found()).isFalse();
    assertThat(only.inA()).isTrue();
    assertThat(only.inB()).isFalse();
    assertThat(only.message()).contains("only in a");
    assertThat(ex.similarity(word(N - 1), word(0)).messageB()).contains("not in b");
  }

  @Test
  void aRotatedScaledCopyHasNotMovedInAnyView() {
    EmbeddingSpace a = random(3, N, D);
    EmbeddingSpace b = rotated(a, 4);
    Explorer ex = Explorer.build(new Explorer.Side("a", "a", a, counts(a, 5), "list", null), new Explorer.Side("b", "b", b,
        counts(a, 6), "list", null), settings(100), null).awaitPrepared();
    Views.ShiftPage all = ex.table("delta", true, null, null, null, null, 0, 500);
    assertThat(all.total()).isEqualTo(N);
    for (Views.ShiftRow r : all.rows()) {
      assertThat(r.delta()).isCloseTo(0, within(1e-3));
      assertThat(r.overlap10()).isEqualTo(1.0);
      assertThat(r.overlap100()).isGreaterThan(0.97); // float rounding may swap near-ties at the cut
      assertThat(r.overlap1000()).isNull();
    }
    for (Views.Multiple m : ex.multiples(5, 10).words()) {
      assertThat(m.overlapK()).isEqualTo(1.0);
    }
    Views.Projection p = ex.projection(List.of(word(1), word(2), word(3), word(4), "missing"));
    assertThat(p.missing()).containsExactly("missing");
    assertThat(p.arrows()).hasSize(4);
    for (Views.Arrow arrow : p.arrows()) {
      assertThat(Math.hypot(arrow.xa() - arrow.xb(), arrow.ya() - arrow.yb())).as(arrow.word()).isLessThan(1e-3);
    }
    Views.Analogy an = ex.analogy(word(1), word(2), word(3), 5);
    assertThat(an.inA().answers().stream().map(Views.Neighbour::word).toList())
        .containsExactlyElementsOf(an.inB().answers().stream().map(Views.Neighbour::word).toList());
  }

  @Test
  void theTableSortsFiltersAndPagesOverEveryRowOnce() {
    EmbeddingSpace a = random(7, N, D);
    EmbeddingSpace b = random(8, N, D);
    Explorer ex = Explorer.build(new Explorer.Side("a", "a", a, counts(a, 1), "list", null), new Explorer.Side("b", "b", b,
        counts(b, 2), "list", null), settings(100), null).awaitPrepared();
    for (String sort : Explorer.SORT_KEYS) {
      List<Views.ShiftRow> pages = new ArrayList<>();
      for (int offset = 0; offset < N; offset += 37) {
        Views.ShiftPage p = ex.table(sort, false, null, null, null, null, offset, 37);
        assertThat(p.total()).isEqualTo(N);
        pages.addAll(p.rows());
      }
      assertThat(pages).hasSize(N);
      assertThat(pages.stream().map(Views.ShiftRow::word).distinct().count()).isEqualTo(N);
      if (sort.equals("delta")) {
        assertThat(pages.stream().map(Views.ShiftRow::delta).toList()).isSorted();
      }
      if (sort.equals("word")) {
        assertThat(pages.stream().map(Views.ShiftRow::word).toList()).isSorted();
      }
    }
    List<Views.ShiftRow> desc = ex.table("overlap10", true, null, null, null, null, 0, N).rows();
    assertThat(desc.stream().map(Views.ShiftRow::overlap10).toList()).isSortedAccordingTo(Comparator.reverseOrder());

    // band p is the upper-tail share of Delta_w within the band, recomputed here
    List<Views.ShiftRow> every = ex.table("word", false, null, null, null, null, 0, N).rows();
    for (Views.ShiftRow r : every.subList(0, 40)) {
      List<Views.ShiftRow> band = every.stream().filter(x -> x.band().equals(r.band())).toList();
      double share = band.stream().filter(x -> x.delta() >= r.delta()).count() / (double) band.size();
      assertThat(r.bandP()).isCloseTo(share, within(1e-12));
    }
    Views.ShiftPage sig = ex.table("delta", true, null, null, 0.05, null, 0, N);
    assertThat(sig.rows()).allMatch(r -> r.bandP() <= 0.05);
    assertThat(sig.total()).isEqualTo((int) every.stream().filter(r -> r.bandP() <= 0.05).count());
    String band = every.get(0).band();
    assertThat(ex.table("rank", false, band, null, null, null, 0, N).rows()).allMatch(r -> r.band().equals(band));
    assertThat(ex.table("rank", false, null, "probe", null, null, 0, N).rows().stream().map(Views.ShiftRow::word))
        .containsExactlyInAnyOrder(word(5), word(7));
    assertThat(ex.table("rank", false, null, null, null, "ORDB", 0, N).rows()).isNotEmpty()
        .allMatch(r -> r.word().contains("ordb"));
    assertThatThrownBy(() -> ex.table("nonsense", false, null, null, null, null, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ex.table("word", false, null, "nonsense", null, null, 0, 10)).isInstanceOf(IllegalArgumentException.class);

    List<String> done = ex.complete("wordb", 5);
    assertThat(done).hasSize(5).allMatch(w -> w.startsWith("wordb"));
    assertThat(done.stream().map(w -> Integer.parseInt(w.substring(5))).toList()).isSorted(); // most frequent first

    Views.DomainTerms terms = ex.domainTerms();
    assertThat(terms.available()).isTrue();
    Views.Term t = terms.terms().get(0);
    assertThat(t.x()).isCloseTo(Math.log10((t.countA() + 0.5) / counts(a, 1).keptTokens() * 1e6), within(1e-9));
    assertThat(terms.terms().stream().filter(Views.Term::label).count()).isEqualTo(30);
  }

  @Test
  void concurrentRequestsBatchedTogetherGetTheSameListsAsOneAtATime() throws Exception {
    EmbeddingSpace a = random(31, N, D);
    EmbeddingSpace b = random(32, N, D);
    Explorer shared = Explorer.build(new Explorer.Side("a", "a", a, null, "rows", null), new Explorer.Side("b", "b", b, null, "rows",
        null), settings(10), null).awaitPrepared();
    Explorer alone = Explorer.build(new Explorer.Side("a", "a", a, null, "rows", null), new Explorer.Side("b", "b", b, null, "rows",
        null), settings(10), null).awaitPrepared();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      List<java.util.concurrent.Future<Views.WordView>> futures = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        String w = word(i);
        futures.add(pool.submit(() -> shared.word(w, 20)));
      }
      for (int i = 0; i < 120; i++) {
        Views.WordView together = futures.get(i).get();
        Views.WordView single = alone.word(word(i), 20);
        // a batch is scored by the blocked kernel, a single query by the row-split one: the same lists, scores to the last bits
        sameLists(together.neighboursA(), single.neighboursA());
        sameLists(together.neighboursB(), single.neighboursB());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void sameLists(List<Views.Neighbour> x, List<Views.Neighbour> y) {
    assertThat(x.stream().map(Views.Neighbour::word).toList()).isEqualTo(y.stream().map(Views.Neighbour::word).toList());
    assertThat(x.stream().map(Views.Neighbour::shared).toList()).isEqualTo(y.stream().map(Views.Neighbour::shared).toList());
    for (int j = 0; j < x.size(); j++) {
      assertThat(x.get(j).similarity()).isCloseTo(y.get(j).similarity(), within(1e-6));
    }
  }

  @Test
  void bandTailsCountTiesAsAtLeast() {
    double[] d = {0.1, 0.2, 0.2, 0.5};
    assertThat(ShiftTable.upperTail(d, 0.2)).isEqualTo(0.75);
    assertThat(ShiftTable.upperTail(d, 0.6)).isEqualTo(0.0);
    assertThat(ShiftTable.lowerShare(d, 0.2)).isEqualTo(0.25);
  }

  @Test
  void exampleLinesFindWholeTokensOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path c = java.nio.file.Files.writeString(dir.resolve("c.txt"),
        "pineapple pie\n\nI ate an Apple today, apple!\nnothing here\nanother apple\n");
    ExampleLines lines = ExampleLines.read(List.of(c), 100);
    assertThat(lines.lineCount()).isEqualTo(4);
    List<ExampleLines.Line> found = lines.of("apple", 5);
    assertThat(found).hasSize(2);
    assertThat(found.get(0)).isEqualTo(new ExampleLines.Line("I ate an", "Apple", "today, apple!"));
    assertThat(found.get(1).left()).isEqualTo("another");
    assertThat(ExampleLines.read(List.of(c), 2).truncated()).isTrue();
  }
}
