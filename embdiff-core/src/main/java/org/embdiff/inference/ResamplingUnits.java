package org.embdiff.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a bootstrap resamples: the independent units (clusters of item indices), drawn with
 * replacement within each stratum. An item is what the statistic reads (a word, a question, a
 * document); a unit is what is independent (a word, a cluster of questions sharing words, a document);
 * strata keep the sizes of independent samples fixed (the two sides of a two-sample comparison).
 */
public final class ResamplingUnits {
  private final int[][] clusters;
  private final int[][] clustersByStratum;
  /** Per stratum, the item of each unit when every unit there is one item (else null): draws skip the clusters. */
  private final int[][] singleItemsByStratum;
  private final int items;
  private final String unitName;

  private ResamplingUnits(int[][] clusters, int[] stratumOfCluster, int items, String unitName) {
    this.clusters = clusters;
    this.items = items;
    this.unitName = unitName;
    int strata = Arrays.stream(stratumOfCluster).max().orElse(-1) + 1;
    List<List<Integer>> by = new ArrayList<>();
    for (int s = 0; s < strata; s++) {
      by.add(new ArrayList<>());
    }
    for (int c = 0; c < clusters.length; c++) {
      by.get(stratumOfCluster[c]).add(c);
    }
    this.clustersByStratum = by.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    this.singleItemsByStratum = new int[strata][];
    for (int s = 0; s < strata; s++) {
      int[] units = clustersByStratum[s];
      if (Arrays.stream(units).allMatch(c -> clusters[c].length == 1)) {
        singleItemsByStratum[s] = Arrays.stream(units).map(c -> clusters[c][0]).toArray();
      }
    }
  }

  /** {@code n} independent items, each its own unit. */
  public static ResamplingUnits independent(int n, String unitName) {
    int[][] clusters = new int[n][];
    for (int i = 0; i < n; i++) {
      clusters[i] = new int[] {i};
    }
    return new ResamplingUnits(clusters, new int[n], n, unitName);
  }

  /** Two independent samples of {@code sizeA} and {@code sizeB} items: items 0..sizeA-1 then sizeA.., each resampled within its own sample. */
  public static ResamplingUnits twoSamples(int sizeA, int sizeB, String unitName) {
    int n = sizeA + sizeB;
    int[][] clusters = new int[n][];
    int[] strata = new int[n];
    for (int i = 0; i < n; i++) {
      clusters[i] = new int[] {i};
      strata[i] = i < sizeA ? 0 : 1;
    }
    return new ResamplingUnits(clusters, strata, n, unitName);
  }

  /** Items grouped into clusters ({@code clusterOfItem[i]} is item i's cluster label): whole clusters are resampled. */
  public static ResamplingUnits clusters(int[] clusterOfItem, String unitName) {
    Map<Integer, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < clusterOfItem.length; i++) {
      members.computeIfAbsent(clusterOfItem[i], k -> new ArrayList<>()).add(i);
    }
    int[][] clusters = members.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    return new ResamplingUnits(clusters, new int[clusters.length], clusterOfItem.length, unitName);
  }

  /** Number of independent units. */
  public int units() {
    return clusters.length;
  }

  /** Number of items. */
  public int items() {
    return items;
  }

  /** What a unit is, in words ("words", "question clusters", "documents"). */
  public String unitName() {
    return unitName;
  }

  /** Unit indices grouped by stratum. */
  int[][] unitsByStratum() {
    return clustersByStratum;
  }

  /** Every item once, in order (the full sample). */
  int[] all() {
    int[] all = new int[items];
    int k = 0;
    for (int[] c : clusters) {
      for (int i : c) {
        all[k++] = i;
      }
    }
    Arrays.sort(all);
    return all;
  }

  /** The items of one resample: units drawn with replacement within each stratum. */
  int[] draw(SplittableRandom random) {
    int[] out = new int[16];
    int k = 0;
    for (int s = 0; s < clustersByStratum.length; s++) {
      int[] stratum = clustersByStratum[s];
      int[] single = singleItemsByStratum[s];
      if (single != null) {
        // one item per unit: the same random draws, written straight into the output
        if (k + single.length > out.length) {
          out = Arrays.copyOf(out, k + single.length);
        }
        for (int d = 0; d < single.length; d++) {
          out[k++] = single[random.nextInt(single.length)];
        }
        continue;
      }
      for (int d = 0; d < stratum.length; d++) {
        int[] cluster = clusters[stratum[random.nextInt(stratum.length)]];
        if (k + cluster.length > out.length) {
          out = Arrays.copyOf(out, Math.max(2 * out.length, k + cluster.length));
        }
        System.arraycopy(cluster, 0, out, k, cluster.length);
        k += cluster.length;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /** The items without unit {@code u} (for the jackknife). */
  int[] leaveOut(int u) {
    int[] out = new int[items - clusters[u].length];
    int k = 0;
    for (int c = 0; c < clusters.length; c++) {
      if (c != u) {
        for (int i : clusters[c]) {
          out[k++] = i;
        }
      }
    }
    return out;
  }
}
