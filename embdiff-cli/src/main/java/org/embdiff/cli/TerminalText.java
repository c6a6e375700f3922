package org.embdiff.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * Text printed to a terminal rendered inert: control characters (ESC and so ANSI sequences, CR, BEL,
 * backspace, C1), bidirectional controls and line/paragraph separators in words or paths are shown
 * as {@code U+XXXX}, as the Markdown renderer shows them, so a word cannot colour, move the cursor
 * of, reorder or overwrite the terminal. Every command's standard output and error go through
 * {@link #inert(PrintWriter)}; the line breaks and tabs a command prints itself pass unchanged.
 */
final class TerminalText {
  private TerminalText() {}

  /** Whether {@code c} is shown as {@code U+XXXX} (line feed and tab excepted by the writer only). */
  static boolean isHostile(char c) {
    return Character.isISOControl(c) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e' || c == '\u200f' || c == '\u061c' || c == '\u2028' || c == '\u2029';
  }

  /** {@code text} with every hostile character (line feed and tab included) as {@code U+XXXX}. */
  static String word(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      appendInert(out, text.charAt(i), true);
    }
    return out.toString();
  }

  private static void appendInert(StringBuilder out, char c, boolean escapeLayout) {
    if (isHostile(c) && (escapeLayout || (c != '\n' && c != '\t'))) {
      out.append(String.format(Locale.ROOT, "U+%04X", (int) c));
    } else {
      out.append(c);
    }
  }

  /**
   * A writer over {@code out} that shows hostile characters as {@code U+XXXX}, except line feeds,
   * tabs and a CR directly before a line feed (the platform's line separator); {@code out} itself
   * when it already is one.
   */
  static PrintWriter inert(PrintWriter out) {
    return out instanceof InertWriter ? out : new InertWriter(out);
  }

  private static final class InertWriter extends PrintWriter {
    private boolean pendingCr;

    InertWriter(PrintWriter target) {
      super(target, true);
    }

    @Override
    public void write(int c) {
      write(String.valueOf((char) c), 0, 1);
    }

    @Override
    public void write(char[] buf, int off, int len) {
      write(new String(buf, off, len), 0, len);
    }

    @Override
    public void write(String s, int off, int len) {
      StringBuilder shown = new StringBuilder(len + 8);
      synchronized (lock) {
        for (int i = off; i < off + len; i++) {
          char c = s.charAt(i);
          if (pendingCr) {
            shown.append(c == '\n' ? "\r" : "U+000D");
            pendingCr = false;
          }
          if (c == '\r') {
            pendingCr = true;
          } else {
            appendInert(shown, c, false);
          }
        }
        super.write(shown.toString(), 0, shown.length());
      }
    }

    @Override
    public void flush() {
      synchronized (lock) {
        if (pendingCr) {
          super.write("U+000D", 0, 6);
          pendingCr = false;
        }
      }
      super.flush();
    }
  }
}
