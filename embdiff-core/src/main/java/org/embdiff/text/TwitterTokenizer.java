package org.embdiff.text;

import com.twitter.twittertext.Extractor;
import java.util.List;
import java.util.Locale;

/**
 * Tokenizes tweets. URLs are found by Twitter's own {@code twitter-text} {@link Extractor} (run
 * only on lines that can hold one: its regexes cost ~100 us a line, 50x our budget);
 * @mentions, #hashtags and $cashtags by a scanner following twitter-text's rules for their
 * characters (a hashtag needs a letter; no letter or digit right before the sign); emoticons ({@code :-)}, {@code <3}, {@code ^_^}, ...), emoji (with skin tones, ZWJ
 * sequences, flags and keycaps), elongations ({@code soooo}) and contractions ({@code don't}) are
 * kept as single tokens by a hand-written scanner. Tokens are lower-cased.
 *
 * <p>With {@code gloveTwitterTokens}, tokens are mapped as Stanford's {@code preprocess-twitter.rb}
 * (Pennington, Socher and Manning, GloVe Twitter) did before training glove.twitter.27B:
 * {@code <url>}, {@code <user>}, {@code <hashtag>} followed by the hashtag's words (camel case
 * split), {@code <number>}, {@code <smile>}, {@code <lolface>}, {@code <sadface>},
 * {@code <neutralface>}, {@code <heart>}, a repeated {@code !?.} as one mark plus {@code <repeat>},
 * a word whose last letter repeats 3+ times shortened plus {@code <elong>}, and a word with two or
 * more consecutive capitals followed by {@code <allcaps>}.
 */
public final class TwitterTokenizer implements Tokenizer {
  private static final List<String> LITERAL_EMOTICONS = List.of("^_^", "^.^", "^^", "-_-", "T_T", ";_;", "o.O",
      "O.o", "o_O", "O_o", ">.<", ">_<", "xD", "XD", "xP", "XP", "</3", "<3", "D:");

  /** Characters of text the URL extractor sees at once. */
  static final int URL_WINDOW = 64;

  private final boolean glove;
  private final Extractor extractor = new Extractor();

  /** @param gloveTwitterTokens map to GloVe-Twitter pseudo-tokens */
  public TwitterTokenizer(boolean gloveTwitterTokens) {
    this.glove = gloveTwitterTokens;
  }

  @Override
  public String name() {
    return glove ? "twitter+glove" : "twitter";
  }

  @Override
  public void tokenize(String line, Sink sink) {
    if (line.indexOf('&') >= 0) {
      line = unescapeHtml(line);
    }
    int pos = 0;
    if (mayHoldUrl(line)) {
      for (int[] window : urlWindows(line)) {
        String text = line.substring(window[0], window[1]);
        for (Extractor.Entity e : extractor.extractURLsWithIndices(text)) {
          int start = window[0] + e.getStart();
          int end = window[0] + e.getEnd();
          if (start < pos || end > window[1]) {
            continue;
          }
          scan(line, pos, start, sink);
          entity(line.substring(start, end), e.getType(), sink);
          pos = end;
        }
      }
    }
    scan(line, pos, line.length(), sink);
  }

  /**
   * Where the URL extractor runs, in order: each space-free chunk of at most {@link #URL_WINDOW}
   * characters that may hold a URL (a URL holds no space), and in a longer chunk a window of that
   * size from each {@code http(s)://} or {@code www.} (with the character before it, which decides
   * whether a URL may start there). twitter-text's patterns take time that grows faster than the
   * square of the text on dotted runs ({@code a.a.a...}: 100 ms for 128 characters), so bounding the
   * text it sees bounds the time per character.
   */
  private static List<int[]> urlWindows(String line) {
    List<int[]> windows = new java.util.ArrayList<>();
    int from = 0;
    while (from < line.length()) {
      int to = from;
      while (to < line.length() && !isUrlSpace(line.charAt(to))) {
        to++;
      }
      if (to - from <= URL_WINDOW) {
        if (to > from && mayHoldUrl(line.substring(from, to))) {
          windows.add(new int[] {from, to});
        }
      } else {
        int covered = from;
        for (int i = from; i < to; i++) {
          if (i >= covered && urlStartsAt(line, i)) {
            int end = Math.min(to, i + URL_WINDOW);
            windows.add(new int[] {Math.max(from, i - 1), end});
            covered = end;
          }
        }
      }
      from = to + 1;
    }
    return windows;
  }

  /** Whether {@code http://}, {@code https://} or {@code www.} (any case) starts at {@code i}. */
  private static boolean urlStartsAt(String s, int i) {
    return s.regionMatches(true, i, "http://", 0, 7) || s.regionMatches(true, i, "https://", 0, 8)
        || s.regionMatches(true, i, "www.", 0, 4);
  }

  /** Space and the ASCII line and tab controls, which twitter-text's URL patterns never cross. */
  private static boolean isUrlSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** Tweets arrive HTML-escaped ({@code &amp;amp;}, {@code &amp;lt;}, ...): undo the five common entities. */
  private static String unescapeHtml(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** A cheap pre-check for the URL extractor: {@code ://}, {@code www.} or a common top-level domain. */
  private static boolean mayHoldUrl(String s) {
    return s.contains("://") || s.contains("www.") || s.contains(".com") || s.contains(".org") || s.contains(".net");
  }

  /** End of the mention, hashtag or cashtag starting at {@code i} (a sign), or {@code i}. */
  private static int entityEnd(String s, int i, int to) {
    char c = s.charAt(i);
    if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_' || s.charAt(i - 1) == '&')) {
      return i;
    }
    int j = i + 1;
    if (c == '@' || c == '\uFF20') {
      while (j < to && isAsciiWord(s.charAt(j))) {
        j++;
      }
      return j > i + 1 ? j : i;
    }
    if (c == '#' || c == '\uFF03') {
      boolean letter = false;
      while (j < to) {
        int cp = s.codePointAt(j);
        if (!isWordChar(cp)) {
          break;
        }
        letter |= Character.isLetter(cp);
        j += Character.charCount(cp);
      }
      return letter ? j : i;
    }
    if (c == '$') {
      while (j < to && j - i <= 6 && ((s.charAt(j) >= 'a' && s.charAt(j) <= 'z') || (s.charAt(j) >= 'A' && s.charAt(j) <= 'Z'))) {
        j++;
      }
      return j > i + 1 && j - i <= 7 && (j >= to || !isAsciiWord(s.charAt(j))) ? j : i;
    }
    return i;
  }

  private static boolean isAsciiWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private void entity(String text, Extractor.Entity.Type type, Sink sink) {
    if (!glove) {
      sink.accept(lower(text));
      return;
    }
    switch (type) {
      case URL -> sink.accept("<url>");
      case MENTION -> sink.accept("<user>");
      case HASHTAG -> {
        sink.accept("<hashtag>");
        String body = text.substring(1);
        if (!hasLowerCase(body)) {
          // word() appends <allcaps> for two or more capitals
          word(body, sink, false);
        } else {
          // split before each capital (preprocess-twitter.rb: split(/(?=[A-Z])/))
          int from = 0;
          for (int i = 1; i < body.length(); i++) {
            if (body.charAt(i) >= 'A' && body.charAt(i) <= 'Z') {
              word(body.substring(from, i), sink, false);
              from = i;
            }
          }
          word(body.substring(from), sink, false);
        }
      }
      default -> sink.accept(lower(text));
    }
  }

  private void scan(String s, int from, int to, Sink sink) {
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c <= ' ' || Character.isWhitespace(c) || c == '\u00A0' || c == '\uFE0F' || c == '\u200B' || c == '\u200D') {
        i++;
        continue;
      }
      if (c == '@' || c == '#' || c == '$' || c == '\uFF20' || c == '\uFF03') {
        int e = entityEnd(s, i, to);
        if (e > i) {
          entity(s.substring(i, e), c == '$' ? Extractor.Entity.Type.CASHTAG
              : c == '#' || c == '\uFF03' ? Extractor.Entity.Type.HASHTAG : Extractor.Entity.Type.MENTION, sink);
          i = e;
          continue;
        }
      }
      int e = emoticonEnd(s, i, to);
      if (e > i) {
        emoticon(s.substring(i, e), sink);
        i = e;
        continue;
      }
      if (c >= 0xA9 || c == '#' || c == '*' || (c >= '0' && c <= '9')) {
        e = Math.min(to, Emoji.clusterEnd(s, i));
        if (e > i) {
          sink.accept(s.substring(i, e));
          i = e;
          continue;
        }
      }
      int cp = s.codePointAt(i);
      if (isWordChar(cp)) {
        int j = i + Character.charCount(cp);
        while (j < to) {
          int d = s.codePointAt(j);
          if (isWordChar(d)) {
            j += Character.charCount(d);
            continue;
          }
          char ch = s.charAt(j);
          boolean nextWord = j + 1 < to && Character.isLetterOrDigit(s.charAt(j + 1));
          if ((ch == '\'' || ch == '\u2019') && nextWord && Character.isLetter(s.charAt(j + 1))) {
            j++; // contraction: don't, it's, y'all
          } else if (ch == '-' && nextWord) {
            j++; // hyphenated: e-mail, 3-0
          } else if ((ch == '.' || ch == ',' || ch == ':') && nextWord && Character.isDigit(s.charAt(j - 1))
              && Character.isDigit(s.charAt(j + 1))) {
            j++; // 3.5, 1,000, 10:30
          } else {
            break;
          }
        }
        word(s.substring(i, j), sink, true);
        i = j;
        continue;
      }
      int j = i + Character.charCount(cp);
      if (c == '!' || c == '?') {
        while (j < to && (s.charAt(j) == '!' || s.charAt(j) == '?')) {
          j++;
        }
      } else if (cp < 0x80) {
        while (j < to && s.charAt(j) == c) {
          j++;
        }
      }
      punctuation(s.substring(i, j), sink);
      i = j;
    }
  }

  private static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    }
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
  }

  private void punctuation(String p, Sink sink) {
    if (glove && p.length() >= 2 && (p.charAt(0) == '!' || p.charAt(0) == '?' || p.charAt(0) == '.')) {
      // preprocess-twitter.rb: ([!?.]){2,} -> "#{$1} <repeat>" (the last mark of the run)
      sink.accept(String.valueOf(p.charAt(p.length() - 1)));
      sink.accept("<repeat>");
      return;
    }
    sink.accept(p);
  }

  /** A word token; in GloVe mode numbers, elongations and capitals are mapped. */
  private void word(String w, Sink sink, boolean mapNumbers) {
    if (w.isEmpty()) {
      return;
    }
    if (!glove) {
      sink.accept(lower(w));
      return;
    }
    if (isNumber(w)) {
      sink.accept("<number>");
      return;
    }
    boolean allcaps = hasCapsRun(w);
    int n = w.length();
    char last = w.charAt(n - 1);
    int run = 1;
    while (run < n && w.charAt(n - 1 - run) == last) {
      run++;
    }
    boolean elong = run >= 3 && Character.isLetterOrDigit(last);
    String base = elong ? w.substring(0, n - run + 1) : w;
    sink.accept(lower(base));
    if (allcaps) {
      sink.accept("<allcaps>");
    }
    if (elong) {
      sink.accept("<elong>");
    }
  }

  /** preprocess-twitter.rb's number: {@code [-+]?[.\d]*[\d]+[:,.\d]*}, here for a whole token. */
  private static boolean isNumber(String w) {
    boolean digit = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != ',' && c != ':' && !(i == 0 && (c == '-' || c == '+'))) {
        return false;
      }
    }
    return digit;
  }

  private static boolean hasCapsRun(String w) {
    for (int i = 1; i < w.length(); i++) {
      char a = w.charAt(i - 1);
      char b = w.charAt(i);
      if (a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLowerCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLowerCase(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private void emoticon(String e, Sink sink) {
    if (!glove) {
      sink.accept(e.length() > 1 && Character.isLetter(e.charAt(0)) && Character.isLetter(e.charAt(e.length() - 1))
          ? e : lower(e));
      return;
    }
    sink.accept(classify(e));
  }

  /**
   * Stanford's emoticon classes (preprocess-twitter.rb; eyes {@code [8:=;]}, nose {@code ['`-]?}):
   * smile {@code eyes nose [)d]+ | [)d]+ nose eyes}, lolface {@code eyes nose p+}, sadface
   * {@code eyes nose (+ | )+ nose eyes}, neutralface {@code eyes nose [/|l*]}, heart {@code <3}.
   * Other emoticons stay as they are (lower-cased).
   */
  static String classify(String e) {
    if (e.equals("<3")) {
      return "<heart>";
    }
    String s = e.toLowerCase(Locale.ROOT);
    int n = s.length();
    if (n >= 2 && isEyes(s.charAt(0))) {
      int j = 1;
      if (j < n - 1 && isNose(s.charAt(j))) {
        j++;
      }
      String mouth = s.substring(j);
      if (allOf(mouth, ")d")) {
        return "<smile>";
      }
      if (allOf(mouth, "p")) {
        return "<lolface>";
      }
      if (allOf(mouth, "(")) {
        return "<sadface>";
      }
      if (mouth.length() == 1 && "/|l*".indexOf(mouth.charAt(0)) >= 0) {
        return "<neutralface>";
      }
    }
    if (n >= 2 && isEyes(s.charAt(n - 1))) {
      int j = n - 1;
      if (j > 1 && isNose(s.charAt(j - 1))) {
        j--;
      }
      String mouth = s.substring(0, j);
      if (allOf(mouth, ")d")) {
        return "<smile>";
      }
    }
    return s;
  }

  private static boolean isEyes(char c) {
    return c == '8' || c == ':' || c == '=' || c == ';';
  }

  private static boolean isNose(char c) {
    return c == '\'' || c == '`' || c == '-';
  }

  private static boolean allOf(String s, String chars) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMouth(char c) {
    return ")(][DdPpOo/\\|*3$@><{}".indexOf(c) >= 0;
  }

  private static boolean boundaryBefore(String s, int i) {
    return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
  }

  private static boolean boundaryAfter(String s, int i, int to) {
    return i >= to || !Character.isLetterOrDigit(s.charAt(i));
  }

  /** End of the emoticon starting at {@code i}, or {@code i} when none does. */
  static int emoticonEnd(String s, int i, int to) {
    char c = s.charAt(i);
    if (c == ':' || c == ';' || c == '=' || (c == '8' && boundaryBefore(s, i))) {
      int j = i + 1;
      if (j < to && s.charAt(j) == '\'') {
        j++; // tear
      }
      if (j + 1 < to && "-^'`~o".indexOf(s.charAt(j)) >= 0 && isMouth(s.charAt(j + 1))) {
        j++; // nose
      }
      if (j < to && isMouth(s.charAt(j))) {
        char m = s.charAt(j);
        int k = j + 1;
        while (k < to && s.charAt(k) == m) {
          k++;
        }
        boolean letterMouth = Character.isLetter(m);
        if (boundaryAfter(s, k, to) && (!letterMouth || boundaryBefore(s, i))) {
          return k;
        }
      }
      return i;
    }
    if ((c == '(' || c == ')') && i + 1 < to) {
      // reversed: (: ): (-:
      int j = i + 1;
      if (j + 1 < to && "-'^".indexOf(s.charAt(j)) >= 0 && (s.charAt(j + 1) == ':' || s.charAt(j + 1) == ';')) {
        j++;
      }
      if (j < to && (s.charAt(j) == ':' || s.charAt(j) == ';') && boundaryAfter(s, j + 1, to)
          && boundaryBefore(s, i)) {
        return j + 1;
      }
      return i;
    }
    if ("^-T;oOx>XD<".indexOf(c) >= 0) {
      for (String lit : LITERAL_EMOTICONS) {
        if (s.startsWith(lit, i) && i + lit.length() <= to && boundaryAfter(s, i + lit.length(), to)
            && boundaryBefore(s, i)) {
          return i + lit.length();
        }
      }
    }
    return i;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
