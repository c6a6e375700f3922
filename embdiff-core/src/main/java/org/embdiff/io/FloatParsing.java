package org.embdiff.io;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from bytes, with the same result as {@link Float#parseFloat}.
 *
 * <p>Fast path: an optional sign, at most 7 significant digits and at most 10 fraction digits,
 * no exponent. Then {@code m / 10^e} is one IEEE float division of two exactly representable
 * floats ({@code m < 2^24}, {@code 10^e <= 10^10 = 2^10 * 5^10} with {@code 5^10 < 2^24}), which is
 * correctly rounded, exactly like {@code Float.parseFloat} (Clinger 1990, "How to read floating
 * point numbers accurately", the fast path). Everything else (exponents as in R's {@code 1e-04},
 * long mantissas, {@code NaN}, {@code Infinity}) falls back to {@code Float.parseFloat}.
 */
final class FloatParsing {
  /** Exact float powers of ten 10^0 .. 10^10. */
  private static final float[] POW10 = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
  private static final int MAX_EXACT = 1 << 24;

  private FloatParsing() {}

  /** Whether {@code b} ends a number token (space, tab, CR or LF). */
  static boolean isSeparator(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  /**
   * Parses the token {@code bytes[from, to)}.
   *
   * @throws NumberFormatException when it is not a number
   */
  static float parse(byte[] bytes, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
      negative = bytes[i] == '-';
      i++;
    }
    int mantissa = 0;
    int digits = 0;
    int fraction = -1;
    boolean leading = true;
    for (; i < to; i++) {
      int c = bytes[i] - '0';
      if (c >= 0 && c <= 9) {
        if (leading && c == 0) {
          if (fraction >= 0) {
            fraction++;
          }
          digits++; // a leading zero is a digit seen, but not a significant one
          continue;
        }
        leading = false;
        mantissa = mantissa * 10 + c;
        if (mantissa >= MAX_EXACT) {
          return slow(bytes, from, to);
        }
        digits++;
        if (fraction >= 0) {
          fraction++;
        }
      } else if (bytes[i] == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return slow(bytes, from, to);
      }
    }
    if (digits == 0 || fraction > 10) {
      return slow(bytes, from, to);
    }
    float value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
    return negative ? -value : value;
  }

  private static float slow(byte[] bytes, int from, int to) {
    String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    try {
      return Float.parseFloat(text);
    } catch (NumberFormatException e) {
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      switch (lower) {
        case "nan", "+nan", "-nan", "-nan(ind)", "1.#qnan", "-1.#ind" -> {
          return Float.NaN;
        }
        case "inf", "+inf", "infinity", "+infinity", "1.#inf" -> {
          return Float.POSITIVE_INFINITY;
        }
        case "-inf", "-infinity", "-1.#inf" -> {
          return Float.NEGATIVE_INFINITY;
        }
        default -> throw e;
      }
    }
  }
}
