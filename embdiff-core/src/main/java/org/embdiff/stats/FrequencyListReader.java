package org.embdiff.stats;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.embdiff.io.CompressedInput;
import org.embdiff.io.VectorFormatException;

/**
 * Reads a word-frequency list, {@code word<TAB or space>count} per line (extra columns ignored,
 * {@code #} comment lines (those that do not parse as word and count: {@code #tag 12} is a hashtag) and
 * blank lines skipped, any compression {@link CompressedInput} knows),
 * into the same {@link Counts} a corpus gives. With a TAB on the line, the word is everything
 * before the first TAB (so words may contain spaces); otherwise the line is split on spaces.
 * Duplicate words are summed (and counted in {@link Result#duplicates()}). A list is always marked
 * truncated: it rarely holds the words below some count, and its total is only the sum it shows.
 */
public final class FrequencyListReader {
  private FrequencyListReader() {}

  /**
   * A read list.
   *
   * @param counts the counts (truncated)
   * @param lines data lines read
   * @param duplicates lines whose word had been seen before (summed)
   */
  public record Result(Counts counts, long lines, long duplicates) {}

  /** Reads {@code path}. */
  public static Counts read(Path path) throws IOException {
    return readDetailed(path).counts();
  }

  /**
   * Reads {@code path}, reporting lines and duplicates.
   *
   * @throws VectorFormatException with file:line for a line without a count or with a negative one
   */
  public static Result readDetailed(Path path) throws IOException {
    Object2LongOpenHashMap<String> map = new Object2LongOpenHashMap<>();
    long lines = 0;
    long dups = 0;
    long total = 0;
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(CompressedInput.open(path).stream(), decoder),
        1 << 16)) {
      String line;
      long no = 0;
      while ((line = in.readLine()) != null) {
        no++;
        if (no == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        boolean hash = line.charAt(0) == '#';
        String word;
        String countText;
        int tab = line.indexOf('\t');
        if (tab >= 0) {
          word = line.substring(0, tab);
          int end = line.indexOf('\t', tab + 1);
          countText = (end < 0 ? line.substring(tab + 1) : line.substring(tab + 1, end)).strip();
        } else {
          // word, spaces, count, then anything (no regex: this loop runs once per line)
          int n = line.length();
          int i = 0;
          while (i < n && line.charAt(i) == ' ') {
            i++;
          }
          int ws = i;
          while (ws < n && line.charAt(ws) != ' ') {
            ws++;
          }
          int cs = ws;
          while (cs < n && line.charAt(cs) == ' ') {
            cs++;
          }
          int ce = cs;
          while (ce < n && line.charAt(ce) != ' ') {
            ce++;
          }
          if (ws == i || ce == cs) {
            if (hash) {
              continue;
            }
            throw new VectorFormatException("expected 'word<TAB or space>count', got '" + abbreviate(line)
                + "' (" + path + ":" + no + "); is this a corpus? use corpus:PATH");
          }
          word = line.substring(i, ws);
          countText = line.substring(cs, ce).strip();
        }
        long c = parseCount(countText);
        if (c < 0 || word.isEmpty()) {
          if (hash) {
            // a comment; a line such as "#tag 12" is a hashtag and its count, not a comment
            continue;
          }
          throw new VectorFormatException("expected a word and a non-negative integer count, got '"
              + abbreviate(line) + "' (" + path + ":" + no + "); is this a corpus? use corpus:PATH");
        }
        lines++;
        if (map.addTo(word, c) != 0) {
          dups++;
        }
        total += c;
      }
    }
    return new Result(Counts.sorted(map, total, 1, 0, true), lines, dups);
  }

  /**
   * Whether {@code path} looks like a frequency list: its first (up to 50) data lines all have a
   * word followed by an integer count (TAB or space separated, at most 4 columns).
   */
  public static boolean looksLikeFrequencyList(Path path) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(CompressedInput.open(path).stream(),
        StandardCharsets.UTF_8))) {
      int seen = 0;
      String line;
      while (seen < 50 && (line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("# ") || line.equals("#")) {
          continue;
        }
        String[] parts = line.strip().split(line.indexOf('\t') >= 0 ? "\t" : " +");
        if (parts.length < 2 || parts.length > 4 || parseCount(parts[1].strip()) < 0) {
          return false;
        }
        seen++;
      }
      return seen > 0;
    }
  }

  /** The integer in {@code s}, -1 when it is not a non-negative integer (a trailing ".0" is allowed). */
  private static long parseCount(String s) {
    if (s.endsWith(".0")) {
      s = s.substring(0, s.length() - 2);
    }
    if (s.isEmpty() || s.length() > 18) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
