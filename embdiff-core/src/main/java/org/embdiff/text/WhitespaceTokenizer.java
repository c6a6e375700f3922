package org.embdiff.text;

/**
 * Splits on ASCII whitespace (space, tab, CR, LF, form feed, vertical tab) and keeps tokens as
 * they are: for pre-tokenised text such as WikiText, and what Stanford GloVe's {@code vocab_count}
 * does. Unicode spaces such as U+00A0 are not separators (as in the C tools).
 */
public final class WhitespaceTokenizer implements Tokenizer {
  /** The shared instance (stateless). */
  public static final WhitespaceTokenizer INSTANCE = new WhitespaceTokenizer();

  private WhitespaceTokenizer() {}

  @Override
  public String name() {
    return "whitespace";
  }

  @Override
  public boolean isPlainWhitespace() {
    return true;
  }

  @Override
  public void tokenize(String line, Sink sink) {
    int n = line.length();
    int i = 0;
    while (i < n) {
      while (i < n && line.charAt(i) <= ' ') {
        i++;
      }
      int start = i;
      while (i < n && line.charAt(i) > ' ') {
        i++;
      }
      if (i > start) {
        sink.accept(line.substring(start, i));
      }
    }
  }
}
