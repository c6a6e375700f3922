package org.embdiff.align;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The anchor words chosen by an {@link AnchorPolicy}.
 *
 * @param policy the policy, described
 * @param count anchors used
 * @param words the anchors, most frequent first
 * @param missing explicitly given anchors that are not shared (empty under the default policy)
 * @param excluded shared words skipped by the default policy before the count was reached, per tag
 */
public record Anchors(String policy, int count, List<String> words, List<String> missing, Map<WordTag, Integer> excluded) {
  /** Copies. */
  public Anchors {
    words = List.copyOf(words);
    missing = List.copyOf(missing);
    excluded = Map.copyOf(excluded);
  }

  /** Indices into {@code shared} of the anchors of {@code policy}. */
  static int[] select(SharedVocabulary shared, AnchorPolicy policy, WordTags tags, List<Anchors> out) {
    List<Integer> chosen = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Map<WordTag, Integer> excluded = new EnumMap<>(WordTag.class);
    if (policy.explicit() != null) {
      java.util.Map<String, Integer> index = new java.util.HashMap<>();
      for (int i = 0; i < shared.size(); i++) {
        index.put(shared.word(i), i);
      }
      Set<String> seen = new LinkedHashSet<>();
      for (String w : policy.explicit()) {
        if (!seen.add(w)) {
          continue;
        }
        Integer i = index.get(w);
        if (i == null) {
          missing.add(w);
        } else {
          chosen.add(i);
        }
      }
      chosen.sort(null);
    } else {
      for (int i = 0; i < shared.size() && chosen.size() < policy.count(); i++) {
        EnumSet<WordTag> t = tags.tags(shared.word(i));
        if (!policy.excludeStopWords()) {
          t.remove(WordTag.STOP_WORD);
        }
        if (t.isEmpty()) {
          chosen.add(i);
        } else {
          for (WordTag tag : t) {
            excluded.merge(tag, 1, Integer::sum);
          }
        }
      }
    }
    int[] idx = chosen.stream().mapToInt(Integer::intValue).toArray();
    List<String> words = new ArrayList<>();
    for (int i : idx) {
      words.add(shared.word(i));
    }
    out.add(new Anchors(policy.describe(), idx.length, words, missing, excluded));
    return idx;
  }
}
