package org.embdiff.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a block of whole lines of a text vector file ({@code word v1 ... vD}) straight from bytes:
 * no per-line String, no split. One instance per block; blocks are parsed in parallel and merged
 * in file order by {@link VectorReader}, which turns block-local line numbers into file lines.
 *
 * <p>Separators are spaces and tabs; a CR before LF is accepted and counted. The first row of the
 * first block fixes the dimension when no header gave it.
 */
final class TextBlockParser {
  /** Longest word accepted, in bytes. */
  static final int MAX_WORD_BYTES = 1000;

  /** The outcome of one block: rows up to the first error, counted warnings, the error if any. */
  static final class Block {
    int dim;
    int rows;
    String[] words;
    float[] values;
    /** Block-local 0-based line of each row. */
    int[] rowLines;
    int lineCount;
    /** Block-local warnings: kind -> {count, first line}; and the first example text. */
    final Map<String, long[]> warnings = new LinkedHashMap<>();
    final Map<String, String> warningText = new LinkedHashMap<>();
    String error;
    int errorLine = -1;

    void warn(String kind, int line, String text) {
      long[] c = warnings.get(kind);
      if (c == null) {
        warnings.put(kind, new long[] {1, line});
        warningText.put(kind, text);
      } else {
        c[0]++;
      }
    }
  }

  private final byte[] b;
  private final EncodingErrors encodingErrors;
  private int tokenEnd;

  private final String dimOrigin;

  /**
   * @param bytes the block's bytes
   * @param encodingErrors what to do with invalid UTF-8 in words
   * @param dimOrigin where the expected dimension comes from, for messages ("from the header"), or
   *     null for the first row
   */
  TextBlockParser(byte[] bytes, EncodingErrors encodingErrors, String dimOrigin) {
    this.b = bytes;
    this.encodingErrors = encodingErrors;
    this.dimOrigin = dimOrigin;
  }

  /**
   * Parses the lines in {@code [start, end)}; {@code end} is just after a LF or the end of the file.
   *
   * @param dim values per row, or -1 to take it from the first row
   */
  Block parse(int start, int end, int dim) {
    Block out = new Block();
    int expectedRows = Math.max(16, (end - start) / Math.max(8, dim > 0 ? dim * 8 : 800));
    String[] words = new String[expectedRows];
    int[] rowLines = new int[expectedRows];
    // a value takes at least 2 bytes ("1 "), so the block bounds the values whatever a header claims
    float[] values = new float[dim > 0 ? valueCapacity(expectedRows, dim, end - start) : 1024];
    int rows = 0;
    int nv = 0;
    int line = 0;
    int p = start;
    while (p < end) {
      int lineStart = p;
      while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r')) {
        p++;
      }
      if (p == end || b[p] == '\n') {
        if (p > lineStart && b[p - 1] == '\r' && p < end) {
          out.warn(LoadWarnings.CRLF, line, "");
        }
        out.warn(LoadWarnings.BLANK, line, "");
        p++;
        line++;
        continue;
      }
      int ws = p;
      while (p < end && b[p] != ' ' && b[p] != '\t' && b[p] != '\n' && b[p] != '\r') {
        p++;
      }
      int we = p;
      if (we - ws > MAX_WORD_BYTES) {
        return fail(out, line, "word of " + (we - ws) + " bytes, expected at most " + MAX_WORD_BYTES
            + " (starts '" + preview(ws, we) + "'); is this a vector file? ("
            + org.embdiff.util.SettingAdvice.set("vector format") + ")", words, rowLines, values, rows, dim);
      }
      if (dim < 0) {
        dim = countTokens(we, end);
        if (dim == 0) {
          return fail(out, line, "row '" + preview(ws, we) + "' has no values, expected a word and its vector",
              words, rowLines, values, rows, dim);
        }
        values = new float[valueCapacity(expectedRows, dim, end - start)];
      }
      int count = 0;
      while (true) {
        while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r')) {
          p++;
        }
        if (p == end || b[p] == '\n') {
          break;
        }
        if (count == dim) {
          count += countTokens(p - 1, end);
          break;
        }
        float v;
        try {
          v = parseToken(p, end);
        } catch (NumberFormatException e) {
          int te = tokenEnd(p, end);
          return fail(out, line, "bad number '" + preview(p, te) + "' (value " + (count + 1) + " of word '"
              + preview(ws, we) + "'), expected a decimal number", words, rowLines, values, rows, dim);
        }
        if (!Float.isFinite(v)) {
          return fail(out, line, "non-finite value " + preview(p, tokenEnd) + " (value " + (count + 1) + " of word '"
              + preview(ws, we) + "'), expected a finite number", words, rowLines, values, rows, dim);
        }
        if (nv + count == values.length) {
          values = Arrays.copyOf(values, Math.max(nv + dim, values.length + (values.length >> 1)));
        }
        values[nv + count] = v;
        count++;
        p = tokenEnd;
      }
      if (count != dim) {
        return fail(out, line, "row '" + preview(ws, we) + "' has " + count + " values, expected " + dim
            + (dimOrigin == null ? " (as in the first row)" : " (" + dimOrigin + ")"), words, rowLines, values, rows, dim);
      }
      if (p > ws && p < end && b[p - 1] == '\r') {
        out.warn(LoadWarnings.CRLF, line, "");
      }
      String word;
      if (Utf8.isAscii(b, ws, we)) {
        word = new String(b, ws, we - ws, StandardCharsets.ISO_8859_1);
      } else if (Utf8.isValid(b, ws, we)) {
        word = new String(b, ws, we - ws, StandardCharsets.UTF_8);
      } else {
        String shown = new String(b, ws, we - ws, StandardCharsets.UTF_8);
        String what = "word '" + preview(ws, we) + "' (bytes " + Utf8.hex(b, ws, Math.min(we, ws + 64)) + ")";
        if (encodingErrors == EncodingErrors.STRICT) {
          return fail(out, line, "invalid UTF-8 in " + what + ", expected UTF-8 text; "
              + org.embdiff.util.SettingAdvice.set("encoding errors", "replace or skip"),
              words, rowLines, values, rows, dim);
        }
        if (encodingErrors == EncodingErrors.SKIP) {
          out.warn(LoadWarnings.INVALID_UTF8_SKIPPED, line, what);
          p = p < end ? p + 1 : p;
          line++;
          continue;
        }
        out.warn(LoadWarnings.INVALID_UTF8_REPLACED, line, what);
        word = shown;
      }
      if (rows == words.length) {
        words = Arrays.copyOf(words, rows + (rows >> 1) + 16);
        rowLines = Arrays.copyOf(rowLines, words.length);
      }
      words[rows] = word;
      rowLines[rows] = line;
      rows++;
      nv += dim;
      if (p < end) {
        p++; // the LF
      }
      line++;
    }
    out.dim = dim;
    out.rows = rows;
    out.words = words;
    out.rowLines = rowLines;
    out.values = values;
    out.lineCount = line;
    return out;
  }

  /** Room for {@code rows} rows of {@code dim} values, but no more than {@code bytes} of text can hold. */
  private static int valueCapacity(int rows, int dim, int bytes) {
    return (int) Math.min((long) rows * dim, bytes / 2 + 16);
  }

  private Block fail(Block out, int line, String message, String[] words, int[] rowLines, float[] values, int rows,
      int dim) {
    out.dim = dim;
    out.error = message;
    out.errorLine = line;
    out.rows = rows;
    out.words = words;
    out.rowLines = rowLines;
    out.values = values;
    out.lineCount = line;
    return out;
  }

  /** Number of whitespace-separated tokens from {@code p} to the end of its line. */
  private int countTokens(int p, int end) {
    int n = 0;
    boolean in = false;
    for (; p < end && b[p] != '\n'; p++) {
      boolean sep = b[p] == ' ' || b[p] == '\t' || b[p] == '\r';
      if (!sep && !in) {
        n++;
      }
      in = !sep;
    }
    return n;
  }

  private int tokenEnd(int p, int end) {
    while (p < end && !FloatParsing.isSeparator(b[p])) {
      p++;
    }
    return p;
  }

  /**
   * Parses the number starting at {@code p}; sets {@link #tokenEnd}. The common case (a short plain
   * decimal) is parsed in the same pass that finds the token end; see {@link FloatParsing}.
   */
  private float parseToken(int p, int end) {
    int i = p;
    boolean negative = false;
    if (b[i] == '-') {
      negative = true;
      i++;
    }
    int digitsStart = i;
    long mantissa = 0;
    int c;
    // integer digits; (char) makes bytes below '0' large, so one unsigned-style compare suffices
    while (i < end && (c = (char) (b[i] - '0')) <= 9) {
      mantissa = mantissa * 10 + c;
      i++;
    }
    int digits = i - digitsStart;
    int fraction = 0;
    if (i < end && b[i] == '.') {
      int fractionStart = ++i;
      while (i < end && (c = (char) (b[i] - '0')) <= 9) {
        mantissa = mantissa * 10 + c;
        i++;
      }
      fraction = i - fractionStart;
      digits += fraction;
    }
    if (i < end && !FloatParsing.isSeparator(b[i]) || digits == 0 || digits > 18 || mantissa >= (1 << 24)
        || fraction > 10) {
      tokenEnd = tokenEnd(i, end);
      return FloatParsing.parse(b, p, tokenEnd);
    }
    tokenEnd = i;
    float value = (float) mantissa / POW10[fraction];
    return negative ? -value : value;
  }

  private static final float[] POW10 = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

  /** Up to 40 characters as text for a message, control characters (binary content) as '?'. */
  private String preview(int from, int to) {
    return Utf8.preview(b, from, to, 40);
  }

}
