package org.embdiff.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.embdiff.io.CompressedInput;

/**
 * Keyword-in-context lines of one side's corpus. The first {@code maxLines} lines (documents) are
 * kept as one text and a lower-cased copy of the same length; a lookup scans the copy for the word
 * as a whole token (not inside a longer run of letters or digits) and stops at the first few lines,
 * so nothing is indexed at start-up.
 */
public final class ExampleLines {
  /** Characters of context shown on each side of the keyword. */
  static final int CONTEXT = 70;

  private final String text;
  private final String lower;
  private final int[] starts;
  private final boolean truncated;

  private ExampleLines(String text, int[] starts, boolean truncated) {
    this.text = text;
    char[] l = text.toCharArray();
    for (int i = 0; i < l.length; i++) {
      l[i] = Character.toLowerCase(l[i]);
    }
    this.lower = new String(l);
    this.starts = starts;
    this.truncated = truncated;
  }

  /** One line around a keyword. */
  public record Line(String left, String match, String right) {}

  /**
   * Reads corpora (one document per line, compressed or plain; invalid UTF-8 replaced).
   *
   * @param maxLines non-blank lines kept, at most
   */
  public static ExampleLines read(List<Path> corpora, int maxLines) throws IOException {
    StringBuilder text = new StringBuilder(1 << 20);
    int[] starts = new int[1024];
    int count = 0;
    boolean truncated = false;
    outer:
    for (Path corpus : corpora) {
      CompressedInput.Opened opened = CompressedInput.open(corpus);
      try (BufferedReader r = new BufferedReader(new InputStreamReader(opened.stream(),
          StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          if (count >= maxLines) {
            truncated = true;
            break outer;
          }
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, 2 * count);
          }
          starts[count++] = text.length();
          text.append(line).append('\n');
        }
      }
    }
    return new ExampleLines(text.toString(), Arrays.copyOf(starts, count), truncated);
  }

  /** Lines kept. */
  public int lineCount() {
    return starts.length;
  }

  /** Whether the corpora had more lines than were kept. */
  public boolean truncated() {
    return truncated;
  }

  /** Up to {@code max} distinct lines holding {@code word} as a whole token, in corpus order, cut around it. */
  public List<Line> of(String word, int max) {
    List<Line> out = new ArrayList<>();
    if (word.isEmpty() || word.indexOf('\n') >= 0) {
      return out;
    }
    char[] w = word.toCharArray();
    for (int i = 0; i < w.length; i++) {
      w[i] = Character.toLowerCase(w[i]);
    }
    String needle = new String(w);
    int lastLine = -1;
    for (int at = lower.indexOf(needle); at >= 0 && out.size() < max; at = lower.indexOf(needle, at + 1)) {
      int end = at + needle.length();
      if ((at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1)))
          || (end < lower.length() && Character.isLetterOrDigit(lower.charAt(end)))) {
        continue;
      }
      int line = lineOf(at);
      if (line == lastLine) {
        continue;
      }
      lastLine = line;
      int from = starts[line];
      int to = text.indexOf('\n', at);
      out.add(new Line(text.substring(Math.max(from, at - CONTEXT), at).strip(), text.substring(at, end),
          text.substring(end, Math.min(to, end + CONTEXT)).strip()));
    }
    return out;
  }

  private int lineOf(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i : -i - 2;
  }
}
