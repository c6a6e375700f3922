package org.embdiff.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.embdiff.io.CompressedInput;
import org.embdiff.testing.SharedData;
import org.junit.jupiter.api.Test;

class TokenizersTest {
  private static final Tokenizer TWITTER = Tokenizers.byName("twitter");
  private static final Tokenizer GLOVE = Tokenizers.byName("twitter", true);
  private static final Tokenizer WIKI = Tokenizers.byName("wiki");

  /** The first line of a real corpus file that contains {@code needle} (so tests use real text). */
  private static String realLine(String file, String needle) throws IOException {
    Path p = SharedData.require(file);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(CompressedInput.open(p).stream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.contains(needle)) {
          return line;
        }
      }
    }
    throw new AssertionError(needle + " not in " + file);
  }

  /**
   * On the bundled tweets, the URLs are twitter-text's own: each URL its extractor finds in the
   * whole line that itself holds {@code ://}, {@code www.} or {@code .com/.org/.net} is one
   * {@code <url>} (pseudo-URLs such as {@code go.RIP} are found in neither way on other lines).
   */
  @Test
  void urlsAreTwitterTextsOnTheBundledTweets() throws IOException {
    com.twitter.twittertext.Extractor extractor = new com.twitter.twittertext.Extractor();
    int lines = 0;
    int urls = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(CompressedInput.open(
        org.embdiff.testing.BundledData.path("corpora/tweeteval-train-sample.txt.gz")).stream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!(line.contains("://") || line.contains("www.") || line.contains(".com") || line.contains(".org")
            || line.contains(".net"))) {
          assertThat(GLOVE.tokens(line)).as(line).doesNotContain("<url>");
          continue;
        }
        String text = line.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
            .replace("&amp;", "&");
        long expected = extractor.extractURLsWithIndices(text).stream().map(e -> e.getValue())
            .filter(u -> u.contains("://") || u.contains("www.") || u.contains(".com") || u.contains(".org")
                || u.contains(".net"))
            .count();
        assertThat(GLOVE.tokens(line).stream().filter("<url>"::equals).count()).as(line).isEqualTo(expected);
        lines += expected > 0 ? 1 : 0;
        urls += (int) expected;
      }
    }
    assertThat(lines).as("lines with a URL").isGreaterThan(50);
    assertThat(urls).isGreaterThan(lines - 1);
  }

  /**
   * twitter-text's URL patterns take more than quadratic time on dotted runs; the extractor sees at
   * most 64 characters at once, so a long hostile line is tokenized in time linear in its length
   * (before, 1,548 characters of {@code U.S.A.} and a URL took 8 s, and the time grew ~n^1.7).
   */
  @Test
  void dottedRunsBeforeAUrlTakeLinearTime() {
    String hostile = "U.S.A.".repeat(3_000) + "http://x.com/a " + "a.".repeat(10_000) + ".com";
    long start = System.nanoTime();
    List<String> tokens = GLOVE.tokens(hostile);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).as("ms for %d characters", hostile.length()).isLessThan(5_000);
    assertThat(tokens).contains("<url>");
    assertThat(GLOVE.tokens("see http://example.com/a/b?c=d, www.nytimes.com and x.org.")).containsExactly(
        "see", "<url>", ",", "<url>", "and", "<url>", ".");
  }

  @Test
  void whitespaceKeepsTokensAsTheyAre() {
    assertThat(WhitespaceTokenizer.INSTANCE.tokens(" The  cat\tsat,\r\n")).containsExactly("The", "cat", "sat,");
    assertThat(Tokenizers.byName("whitespace").isPlainWhitespace()).isTrue();
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> Tokenizers.byName("bert")).hasMessageContaining("whitespace").hasMessageContaining("twitter");
    assertThatThrownBy(() -> Tokenizers.byName("wiki", true)).hasMessageContaining("twitter tokenizer");
  }

  @Test
  void twitterKeepsEntitiesEmojiWithSkinTonesAndZwjSequences() throws IOException {
    String tweet = realLine("corpora/twitter/tweeteval/emotion/test_text.txt.gz", "Red Sox fans are #mad");
    assertThat(TWITTER.tokens(tweet)).containsExactly("red", "sox", "fans", "are", "#mad", "#onhere", "-", "it's",
        "almost", "like", "their", "all", "star", "relief", "pitcher", "and", "1st", "baseman", "both", "left",
        "with", "injuries", "in", "this", "game", "🤷🏻‍♀️");
    String birthday = realLine("corpora/twitter/tweeteval/emotion/test_text.txt.gz", "machaaaa");
    assertThat(TWITTER.tokens(birthday)).containsExactly("@user", "happy", "birthday", "machaaaa", "🎈", "🎉", "🎊",
        "stay", "awesome", "and", "murah", "rezeki", "selalu", "👍🏻");
  }

  @Test
  void twitterFindsUrlsWithTwitterText() throws IOException {
    String tweet = realLine("corpora/twitter/tweeteval/emoji/test_text.txt.gz", "r2OHU60BCc");
    assertThat(TWITTER.tokens(tweet)).startsWith("good", "morning", ",", "friends", ".", "https://t.co/r2ohu60bcc",
        "#catchacoastalbreeze");
    assertThat(GLOVE.tokens(tweet)).startsWith("good", "morning", ",", "friends", ".", "<url>", "<hashtag>",
        "catchacoastalbreeze");
  }

  @Test
  void twitterEmoticonsContractionsElongationsAndHtmlEntities() {
    assertThat(TWITTER.tokens("I can't believe it :-) sooooo good!!! <3 ^_^ :(( $AAPL &amp; 3.5 10:30"))
        .containsExactly("i", "can't", "believe", "it", ":-)", "sooooo", "good", "!!!", "<3", "^_^", ":((", "$aapl", "&",
            "3.5", "10:30");
    assertThat(TWITTER.tokens("🇺🇸 flag 1️⃣ keycap 👨‍👩‍👧 family")).containsExactly("🇺🇸", "flag", "1️⃣", "keycap", "👨‍👩‍👧",
        "family");
  }

  @Test
  void gloveTwitterPseudoTokensFollowStanfordsPreprocessing() {
    assertThat(GLOVE.tokens("@user I LOVE #ThankYouObama :) :P :( :/ <3 sooooo 2015 !!! www.example.com #USA"))
        .containsExactly("<user>", "i", "love", "<allcaps>", "<hashtag>", "thank", "you", "obama", "<smile>",
            "<lolface>", "<sadface>", "<neutralface>", "<heart>", "so", "<elong>", "<number>", "!", "<repeat>", "<url>",
            "<hashtag>", "usa", "<allcaps>");
    // Stanford's rules leave "(:" alone and read "):" as a smile ([)d]+ nose eyes); we follow them
    assertThat(TwitterTokenizer.classify("(:")).isEqualTo("(:");
    assertThat(TwitterTokenizer.classify("):")).isEqualTo("<smile>");
    assertThat(TwitterTokenizer.classify("=D")).isEqualTo("<smile>");
  }

  @Test
  void wikiFollowsPtbConventionsLowerCased() throws IOException {
    assertThat(WIKI.tokens("He didn't say \"it's the U.S. Army's\" (in 1,000.5 B.C.), did he? Well-known...cats."))
        .containsExactly("he", "did", "n't", "say", "\"", "it", "'s", "the", "u.s.", "army", "'s", "\"", "(", "in",
            "1,000.5", "b.c.", ")", ",", "did", "he", "?", "well-known", "...", "cats", ".");
    assertThat(WIKI.tokens("the <unk> state @-@ of @,@ art")).containsExactly("the", "<unk>", "state", "-", "of", ",", "art");
    String real = realLine("corpora/wiki/enwiki-gensim-sample.plain.txt.gz",
        "The first political philosopher to call himself an anarchist");
    List<String> tokens = WIKI.tokens(real);
    assertThat(tokens).startsWith("the", "first", "political", "philosopher", "to", "call", "himself", "an",
        "anarchist", "was", "pierre-joseph", "proudhon", ",", "marking");
    assertThat(tokens).contains("1890s", "mid-nineteenth", ";", "1950s");
  }

  @Test
  void emojiClustersAgreeWithTwitterTextsEmojiRegexOnRealTweets() throws IOException {
    // twitter-text's own emoji pattern is the reference; a lone U+FE0F (which TweetEval has after its
    // emoji were stripped) is skipped by design, and ASCII matches (digits, #, *) are not emoji here
    java.util.regex.Pattern emoji = com.twitter.twittertext.TwitterTextEmojiRegex.VALID_EMOJI_PATTERN;
    Path p = SharedData.require("corpora/twitter/tweeteval/sentiment/test_text.txt.gz");
    int total = 0;
    int agreed = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(CompressedInput.open(p).stream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        java.util.regex.Matcher m = emoji.matcher(line);
        List<String> tokens = null;
        while (m.find()) {
          String e = m.group();
          if (e.equals("\uFE0F") || e.chars().allMatch(c -> c < 0x80)) {
            continue;
          }
          tokens = tokens == null ? TWITTER.tokens(line) : tokens;
          total++;
          if (tokens.contains(e)) {
            agreed++;
          }
        }
      }
    }
    assertThat(total).isGreaterThan(1000);
    assertThat(agreed).isGreaterThanOrEqualTo((int) (0.99 * total));
  }
}
