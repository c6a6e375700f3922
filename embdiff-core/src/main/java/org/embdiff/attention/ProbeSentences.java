package org.embdiff.attention;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.embdiff.io.CompressedInput;

/**
 * Probe sentences: the bundled set (50 real sentences, 25 from the bundled Wikipedia sample and
 * 25 from the bundled TweetEval sample, with their line numbers; see the resource's header), or a
 * seeded sample from a corpus file (one document per line; paragraphs are split at sentence ends).
 */
public final class ProbeSentences {
  private static final String RESOURCE = "probe-sentences.tsv";
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\"“])");

  private ProbeSentences() {}

  /** The bundled sentences, in resource order. */
  public static List<ProbeSentence> bundled() {
    try (InputStream in = ProbeSentences.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the embdiff jar");
      }
      List<ProbeSentence> out = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String text;
      while ((text = reader.readLine()) != null) {
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        String[] f = text.split("\t", 3);
        out.add(new ProbeSentence(f[0], Integer.parseInt(f[1]), f[2]));
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read resource " + RESOURCE, e);
    }
  }

  /**
   * Up to {@code max} sentences with {@code minTokens..maxTokens} tokens, sampled uniformly
   * (reservoir sampling, seeded) from the lines of {@code corpus}, returned in file order.
   *
   * @param source label recorded with each sentence (the side name)
   */
  public static List<ProbeSentence> sample(Path corpus, String source, int max, int minTokens, int maxTokens, long seed)
      throws IOException {
    List<ProbeSentence> reservoir = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed);
    long seen = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(CompressedInput.open(corpus).stream(), StandardCharsets.UTF_8))) {
      String text;
      int line = 0;
      while ((text = in.readLine()) != null) {
        line++;
        for (String sentence : SENTENCE_END.split(text.strip())) {
          int n = tokenize(sentence).size();
          if (n < minTokens || n > maxTokens) {
            continue;
          }
          seen++;
          ProbeSentence s = new ProbeSentence(source, line, sentence);
          if (reservoir.size() < max) {
            reservoir.add(s);
          } else {
            long j = random.nextLong(seen);
            if (j < max) {
              reservoir.set((int) j, s);
            }
          }
        }
      }
    }
    reservoir.sort(java.util.Comparator.comparingInt(ProbeSentence::line));
    return reservoir;
  }

  /** Lower-cased runs of letters and digits (punctuation and whitespace split tokens). */
  public static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
