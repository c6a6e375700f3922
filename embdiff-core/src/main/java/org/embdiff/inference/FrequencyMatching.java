package org.embdiff.inference;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Frequency-matched controls for a "these words vs other words" comparison: each probe word, in a
 * random order, takes the unused candidate whose frequency rank is nearest its own (ties broken at
 * random), without replacement (nearest-neighbour matching, Rosenbaum 2002 ch. 10; here on log rank, which is what
 * frequency effects on embeddings follow).
 */
public final class FrequencyMatching {
  private FrequencyMatching() {}

  /**
   * For each probe, the index into {@code candidateRanks} of its matched control, or -1 when the
   * candidates ran out. Ranks are 1-based frequency ranks on the side that is being compared.
   */
  public static int[] nearestRank(int[] probeRanks, int[] candidateRanks, SplittableRandom random) {
    // log rank -> candidate indices with that rank (several words can share a rank only by input error, kept anyway)
    TreeMap<Integer, int[]> byRank = new TreeMap<>();
    for (int i = 0; i < candidateRanks.length; i++) {
      int[] old = byRank.get(candidateRanks[i]);
      int[] now = old == null ? new int[] {i} : Arrays.copyOf(old, old.length + 1);
      now[now.length - 1] = i;
      byRank.put(candidateRanks[i], now);
    }
    int[] order = new int[probeRanks.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] match = new int[probeRanks.length];
    Arrays.fill(match, -1);
    for (int p : order) {
      if (byRank.isEmpty()) {
        break;
      }
      int r = probeRanks[p];
      Integer below = byRank.floorKey(r);
      Integer above = byRank.ceilingKey(r);
      int pick;
      if (below == null) {
        pick = above;
      } else if (above == null) {
        pick = below;
      } else {
        double db = Math.abs(Math.log(r) - Math.log(below));
        double da = Math.abs(Math.log(above) - Math.log(r));
        pick = db < da ? below : da < db ? above : (random.nextBoolean() ? below : above);
      }
      int[] at = byRank.get(pick);
      match[p] = at[at.length - 1];
      if (at.length == 1) {
        byRank.remove(pick);
      } else {
        byRank.put(pick, Arrays.copyOf(at, at.length - 1));
      }
    }
    return match;
  }
}
