package org.embdiff.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.embdiff.io.CompressedInput;

/** The labelled-lexicon formats {@link Lexicon} reads, recognised by their content. */
public enum LexiconFormat {
  /** {@code word<TAB>positive|negative} (Hu &amp; Liu 2004). */
  BING_LIU,
  /** {@code word<TAB>-5..5} (AFINN-165), reduced to the sign. */
  AFINN_SIGN,
  /** {@code lemma<TAB>pos<TAB>lexname<TAB>lexnames<TAB>senses} (WordNet 3.0 supersenses). */
  WORDNET_SUPERSENSE;

  private static final int SAMPLE_LINES = 50;

  /**
   * The format of {@code file}, decided by its first 50 data lines: five tab-separated fields
   * ending in a count are WordNet supersenses, two fields with an integer second are AFINN, two
   * fields labelled positive/negative are Bing Liu.
   *
   * @throws LexiconFormatException when the lines fit none of them
   */
  public static LexiconFormat detect(Path file) throws IOException {
    boolean wordnet = true;
    boolean afinn = true;
    boolean bing = true;
    int seen = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(CompressedInput.open(file).stream(), StandardCharsets.UTF_8))) {
      String line;
      while (seen < SAMPLE_LINES && (line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith(";")) {
          continue;
        }
        seen++;
        String[] f = line.split("\t");
        wordnet &= f.length >= 5 && f[4].strip().matches("\\d+");
        afinn &= f.length == 2 && f[1].strip().matches("[+-]?\\d+");
        String label = f.length == 2 ? f[1].strip().toLowerCase(Locale.ROOT) : "";
        bing &= label.equals("positive") || label.equals("negative");
      }
    }
    if (seen > 0 && wordnet) {
      return WORDNET_SUPERSENSE;
    }
    if (seen > 0 && afinn) {
      return AFINN_SIGN;
    }
    if (seen > 0 && bing) {
      return BING_LIU;
    }
    throw new LexiconFormatException("not a known lexicon format: expected word<TAB>positive|negative (Bing Liu), "
        + "word<TAB>integer (AFINN) or lemma<TAB>pos<TAB>lexname<TAB>lexnames<TAB>senses (WordNet) in the first "
        + SAMPLE_LINES + " lines", file, 1);
  }
}
