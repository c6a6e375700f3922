package org.embdiff.vec;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable word list with a word-to-index map. Index order is the order of the source file,
 * which for GloVe and word2vec files is descending corpus frequency, so {@code index == frequency rank - 1}.
 */
public final class Vocabulary {
  private final String[] words;
  private final Object2IntOpenHashMap<String> indexByWord;

  /**
   * @param words distinct words in row order; the array is copied
   * @throws IllegalArgumentException if a word repeats
   */
  public Vocabulary(String[] words) {
    this.words = words.clone();
    this.indexByWord = new Object2IntOpenHashMap<>(words.length);
    indexByWord.defaultReturnValue(-1);
    for (int i = 0; i < words.length; i++) {
      if (indexByWord.putIfAbsent(words[i], i) != -1) {
        throw new IllegalArgumentException("duplicate word '" + words[i] + "' at index " + i);
      }
    }
  }

  /** Number of words. */
  public int size() {
    return words.length;
  }

  /** The word at {@code index}. */
  public String word(int index) {
    return words[index];
  }

  /** The index of {@code word}, or -1 when it is absent. */
  public int indexOf(String word) {
    return indexByWord.getInt(word);
  }

  /** Whether {@code word} is present. */
  public boolean contains(String word) {
    return indexByWord.containsKey(word);
  }

  /** An unmodifiable list view of the words in index order. */
  public List<String> words() {
    return Collections.unmodifiableList(Arrays.asList(words));
  }
}
