package org.embdiff.text;

/**
 * Emoji clusters by code point: a pictographic base plus variation selectors, skin-tone modifiers,
 * keycap marks, tag sequences and zero-width-joiner continuations (family, profession emoji);
 * regional-indicator pairs (flags); keycaps ({@code 1️⃣}). An approximation of Unicode UTS #51's
 * emoji sequences that needs no regex.
 */
final class Emoji {
  private Emoji() {}

  private static final int ZWJ = 0x200D;

  /** Whether {@code cp} can start an emoji (pictographs, dingbats, other symbols). */
  static boolean isBase(int cp) {
    if (cp < 0x00A9) {
      return false;
    }
    if (cp >= 0x1F000 && cp <= 0x1FAFF) {
      return !isSkinTone(cp);
    }
    if (cp >= 0x2100 && cp <= 0x2BFF) {
      // arrows, technical, geometric shapes, misc symbols, dingbats, misc symbols and arrows
      return Character.getType(cp) == Character.OTHER_SYMBOL;
    }
    return cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 || cp == 0x3030 || cp == 0x303D
        || cp == 0x3297 || cp == 0x3299;
  }

  static boolean isSkinTone(int cp) {
    return cp >= 0x1F3FB && cp <= 0x1F3FF;
  }

  static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  /** Characters that attach to the preceding emoji. */
  private static boolean isModifier(int cp) {
    return cp == 0xFE0F || cp == 0xFE0E || cp == 0x20E3 || isSkinTone(cp) || (cp >= 0xE0020 && cp <= 0xE007F);
  }

  /**
   * End (exclusive) of the emoji cluster starting at {@code i}, or {@code i} when none starts
   * there.
   */
  static int clusterEnd(String s, int i) {
    int n = s.length();
    int cp = s.codePointAt(i);
    int j = i + Character.charCount(cp);
    if (isRegionalIndicator(cp)) {
      if (j < n && isRegionalIndicator(s.codePointAt(j))) {
        j += 2;
      }
      return j;
    }
    if ((cp >= '0' && cp <= '9') || cp == '#' || cp == '*') {
      // keycap: digit, optional VS16, U+20E3
      int k = j;
      if (k < n && s.charAt(k) == 0xFE0F) {
        k++;
      }
      return k < n && s.charAt(k) == 0x20E3 ? k + 1 : i;
    }
    if (!isBase(cp) && !isSkinTone(cp)) {
      return i;
    }
    while (j < n) {
      int c = s.codePointAt(j);
      if (isModifier(c)) {
        j += Character.charCount(c);
      } else if (c == ZWJ && j + 1 < n) {
        int next = s.codePointAt(j + 1);
        if (!isBase(next)) {
          break;
        }
        j += 1 + Character.charCount(next);
      } else {
        break;
      }
    }
    return j;
  }
}
