package org.embdiff.align;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tags words as pseudo-tokens, numbers, punctuation, short words, stop-words or junk, from two
 * bundled lists ({@code stopwords-en.txt}, {@code blocklist-en.txt}; data, not code).
 */
public final class WordTags {
  private final Set<String> stopWords;
  private final Set<String> blockList;

  private WordTags(Set<String> stopWords, Set<String> blockList) {
    this.stopWords = Set.copyOf(stopWords);
    this.blockList = Set.copyOf(blockList);
  }

  /** The bundled English lists (read once per call; cheap). */
  public static WordTags english() {
    return new WordTags(readList("stopwords-en.txt"), readList("blocklist-en.txt"));
  }

  /** Custom lists (lower-case words). */
  public static WordTags of(Set<String> stopWords, Set<String> blockList) {
    return new WordTags(stopWords, blockList);
  }

  /** All tags of {@code word} (empty for an ordinary word). */
  public EnumSet<WordTag> tags(String word) {
    EnumSet<WordTag> tags = EnumSet.noneOf(WordTag.class);
    int letters = 0, digits = 0;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (Character.isLetter(cp)) {
        letters++;
      } else if (Character.isDigit(cp)) {
        digits++;
      }
      i += Character.charCount(cp);
    }
    if (word.length() > 2 && word.startsWith("<") && word.endsWith(">")) {
      tags.add(WordTag.PSEUDO_TOKEN);
    } else if (digits > 0 && letters == 0) {
      tags.add(WordTag.NUMBER);
    } else if (letters == 0 && digits == 0) {
      tags.add(WordTag.PUNCTUATION);
    }
    if (letters < 2 && !tags.contains(WordTag.PSEUDO_TOKEN) && !tags.contains(WordTag.NUMBER) && digits == 0) {
      tags.add(WordTag.SHORT);
    }
    String lower = word.toLowerCase(Locale.ROOT);
    if (stopWords.contains(lower)) {
      tags.add(WordTag.STOP_WORD);
    }
    if (blockList.contains(lower)) {
      tags.add(WordTag.JUNK);
    }
    return tags;
  }

  /** Whether a word belongs in a qualitative list: not junk, a pseudo-token, a number, punctuation or short. */
  public boolean presentable(String word) {
    EnumSet<WordTag> t = tags(word);
    t.remove(WordTag.STOP_WORD);
    return t.isEmpty();
  }

  private static Set<String> readList(String resource) {
    Set<String> out = new HashSet<>();
    try (InputStream in = WordTags.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource missing from the jar: org/embdiff/align/" + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          out.add(w.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled resource " + resource, e);
    }
    return out;
  }
}
