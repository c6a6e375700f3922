package org.embdiff.text;

import java.util.Locale;
import java.util.Set;

/**
 * Encyclopedic text, following the Penn Treebank / Stanford tokenizer conventions that glove.6B's
 * corpus was prepared with, and lower-cased like glove.6B: punctuation is split from words
 * ({@code "(see} becomes {@code " ( see}), clitics are split ({@code don't} becomes {@code do n't},
 * {@code can't} {@code ca n't}, {@code it's} {@code it 's}; also {@code 're 've 'll 'd 'm}),
 * a sentence-final period is split except after abbreviations ({@code u.s.}, {@code dr.}),
 * numbers keep their separators ({@code 1,000.5}), hyphenated words stay whole
 * ({@code well-known}), and {@code ...} and {@code --} are single tokens. Placeholders such as
 * {@code <unk>} stay whole, and WikiText's {@code @-@ @,@ @.@} become {@code - , .}. Curly quotes and
 * apostrophes are read as straight ones.
 */
public final class WikiTokenizer implements Tokenizer {
  private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs",
      "etc", "inc", "ltd", "co", "corp", "no", "vol", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec", "mt", "ft", "gen", "col", "lt", "sgt", "capt", "rev", "gov", "sen", "rep", "al",
      "approx", "dept", "est", "fig", "e.g", "i.e", "cf", "ca");

  @Override
  public String name() {
    return "wiki";
  }

  @Override
  public void tokenize(String line, Sink sink) {
    int n = line.length();
    int i = 0;
    while (i < n) {
      char c = line.charAt(i);
      if (c <= ' ' || Character.isWhitespace(c) || c == '\u00A0') {
        i++;
        continue;
      }
      int j = i;
      while (j < n) {
        char d = line.charAt(j);
        if (d <= ' ' || Character.isWhitespace(d) || d == '\u00A0') {
          break;
        }
        j++;
      }
      String raw = line.substring(i, j);
      if (raw.length() > 2 && raw.charAt(0) == '<' && raw.charAt(raw.length() - 1) == '>'
          && raw.indexOf('<', 1) < 0) {
        sink.accept(raw.toLowerCase(Locale.ROOT)); // a placeholder such as WikiText's <unk>
      } else if (raw.length() == 3 && raw.charAt(0) == '@' && raw.charAt(2) == '@') {
        sink.accept(raw.substring(1, 2)); // WikiText's @-@ @,@ @.@ (a joined hyphen, comma, period)
      } else {
        chunk(normalize(raw), sink);
      }
      i = j;
    }
  }

  private static String normalize(String s) {
    return s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
        .toLowerCase(Locale.ROOT);
  }

  /** Splits one whitespace-delimited chunk. */
  private static void chunk(String s, Sink sink) {
    int start = 0;
    int end = s.length();
    // leading punctuation, one token each (runs of the same mark together)
    while (start < end && isPunct(s.charAt(start)) && !startsNumber(s, start, end)) {
      int k = start + 1;
      while (k < end && s.charAt(k) == s.charAt(start)) {
        k++;
      }
      if (k == end) {
        sink.accept(s.substring(start, end));
        return;
      }
      sink.accept(s.substring(start, k));
      start = k;
    }
    // trailing punctuation, collected right to left
    int tailStart = end;
    while (tailStart > start && isPunct(s.charAt(tailStart - 1))) {
      char p = s.charAt(tailStart - 1);
      if (p == '.' && isAbbreviation(s.substring(start, tailStart))) {
        break;
      }
      tailStart--;
    }
    String core = s.substring(start, tailStart);
    if (!core.isEmpty()) {
      word(core, sink);
    }
    int k = tailStart;
    while (k < end) {
      int m = k + 1;
      while (m < end && s.charAt(m) == s.charAt(k)) {
        m++;
      }
      sink.accept(s.substring(k, m));
      k = m;
    }
  }

  private static boolean startsNumber(String s, int i, int end) {
    // ".5" is a number, not a period and 5
    return s.charAt(i) == '.' && i + 1 < end && Character.isDigit(s.charAt(i + 1));
  }

  private static boolean isAbbreviation(String w) {
    String body = w.substring(0, w.length() - 1);
    if (ABBREVIATIONS.contains(body)) {
      return true;
    }
    // single letters with periods: u.s., e.g., j.
    if (body.isEmpty()) {
      return false;
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean letterSlot = i % 2 == 0;
      if (letterSlot ? !Character.isLetter(c) : c != '.') {
        return false;
      }
    }
    return true;
  }

  /** A word with internal punctuation: split clitics and remaining inner punctuation. */
  private static void word(String w, Sink sink) {
    int apos = w.indexOf('\'');
    if (apos > 0) {
      String lower = w;
      if (lower.endsWith("n't") && lower.length() > 3) {
        emitInner(w.substring(0, w.length() - 3), sink);
        sink.accept("n't");
        return;
      }
      for (String clitic : new String[] {"'s", "'re", "'ve", "'ll", "'d", "'m"}) {
        if (lower.endsWith(clitic) && lower.length() > clitic.length()) {
          emitInner(w.substring(0, w.length() - clitic.length()), sink);
          sink.accept(clitic);
          return;
        }
      }
    }
    emitInner(w, sink);
  }

  /**
   * Emits a word, splitting at inner punctuation other than what words and numbers keep (hyphen,
   * apostrophe, period, comma between digits, slash and ampersand between letters, @ and dots
   * in abbreviations).
   */
  private static void emitInner(String w, Sink sink) {
    int n = w.length();
    int from = 0;
    for (int i = 0; i < n; i++) {
      char c = w.charAt(i);
      if (!isPunct(c)) {
        continue;
      }
      boolean prev = i > 0 && Character.isLetterOrDigit(w.charAt(i - 1));
      boolean next = i + 1 < n && Character.isLetterOrDigit(w.charAt(i + 1));
      boolean keep = prev && next && (c == '-' || c == '\'' || c == '.' || c == '&' || c == '/' || c == '_'
          || (c == ',' && Character.isDigit(w.charAt(i - 1)) && Character.isDigit(w.charAt(i + 1)))
          || (c == ':' && Character.isDigit(w.charAt(i - 1)) && Character.isDigit(w.charAt(i + 1))))
          || (c == '.' && i == n - 1 && prev && isAbbreviation(w));
      if (keep) {
        continue;
      }
      if (i > from) {
        sink.accept(w.substring(from, i));
      }
      int m = i + 1;
      while (m < n && w.charAt(m) == c) {
        m++;
      }
      sink.accept(w.substring(i, m));
      from = m;
      i = m - 1;
    }
    if (from < n) {
      sink.accept(w.substring(from));
    }
  }

  private static boolean isPunct(char c) {
    if (c < 0x80) {
      return !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9');
    }
    int t = Character.getType(c);
    return t == Character.DASH_PUNCTUATION || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }
}
