package org.embdiff.cooc;

import java.util.List;

/**
 * Splits one line (document) into tokens. Co-occurrence windows never cross a line. The default
 * ({@link StanfordTokens}) splits bytes on space, tab and newline exactly as GloVe's tools do and
 * never builds Strings; any other tokenizer (Twitter-aware, PTB-style) plugs in here.
 */
@FunctionalInterface
public interface LineTokenizer {
  /** The tokens of {@code line} (no line terminator), in order. */
  List<String> tokenize(String line);
}
