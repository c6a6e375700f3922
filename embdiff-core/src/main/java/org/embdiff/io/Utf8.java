package org.embdiff.io;

import java.nio.charset.StandardCharsets;

/** UTF-8 checks for words read as bytes. */
final class Utf8 {
  private Utf8() {}

  /** Whether {@code b[from, to)} is pure ASCII. */
  static boolean isAscii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code b[from, to)} is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
   * at most U+10FFFF).
   */
  static boolean isValid(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n;
      int min;
      if (c >= 0xc2 && c <= 0xdf) {
        n = 1;
        min = 0x80;
      } else if (c >= 0xe0 && c <= 0xef) {
        n = 2;
        min = 0x800;
      } else if (c >= 0xf0 && c <= 0xf4) {
        n = 3;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + n >= to) {
        return false; // truncated sequence
      }
      int cp = c & (0x3f >> n);
      for (int k = 1; k <= n; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xc0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return false;
      }
      i += n + 1;
    }
    return true;
  }

  /** Decodes {@code b[from, to)}; invalid sequences become U+FFFD. */
  static String decode(byte[] b, int from, int to) {
    if (isAscii(b, from, to)) {
      return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /** The bytes as hex, for messages ("e9 74"). At most 16 bytes. */
  static String hex(byte[] b, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < Math.min(to, from + 16); i++) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(String.format("%02x", b[i] & 0xff));
    }
    if (to - from > 16) {
      sb.append(" ...");
    }
    return sb.toString();
  }

  /**
   * At most {@code max} characters of the UTF-8 bytes {@code b[from, to)} for a one-line message:
   * control characters (line breaks, ESC) and bidirectional controls become '?' so a word cannot
   * break the line or reorder or colour a terminal; longer text ends with "...".
   */
  static String preview(byte[] b, int from, int to, int max) {
    String s = new String(b, from, Math.min(to - from, 4 * max), java.nio.charset.StandardCharsets.UTF_8);
    String shown = preview(s, max);
    return to - from > 4 * max && !shown.endsWith("...") ? shown + "..." : shown;
  }

  /** {@link #preview(byte[], int, int, int)} of a decoded word. */
  static String preview(String s, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < max; i++) {
      char c = s.charAt(i);
      boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e'
          || c == '\u200f' || c == '\u061c';
      out.append(Character.isISOControl(c) || bidi ? '?' : c);
    }
    return out.length() < s.length() ? out + "..." : out.toString();
  }
}
