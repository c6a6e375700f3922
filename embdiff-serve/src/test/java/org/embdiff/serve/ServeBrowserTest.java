package org.embdiff.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.embdiff.io.SideSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Uses {@code embdiff serve} as a reader would, in headless Chromium: the bundled data on a free
 * loopback port; type a word and see neighbours from both spaces, sort the shift table and open a
 * row, open the small multiples, the domain-terms plot, the analogy box and the projection, with no
 * console errors; a screenshot of each view goes to {@code target/serve-*.png} (the ones in {@code docs/} come from here). A second server over
 * vectors whose words are markup checks that nothing runs and everything shows as text.
 *
 * <p>Uses Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (installed by
 * {@code .ci/run}); skips with a message when they are absent. Nothing is downloaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private ChromeDriver driver;
  private ExplorerServer server;

  @BeforeAll
  void startServerAndBrowser(@TempDir Path profile) throws Exception {
    Path home = Path.of(System.getProperty("embdiff.home", "..")).toAbsolutePath().normalize();
    Path data = home.resolve("data");
    Assumptions.assumeTrue(Files.isDirectory(data.resolve("embeddings")), "skipped: bundled data/ not found under " + home);
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "skipped: the browser test needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)");
    SideSpec wiki = new SideSpec("wiki", data.resolve("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz"),
        List.of(data.resolve("corpora/enwiki-gensim-sample.plain.txt.gz")), data.resolve("freq/enwiki_vocab_min200.top60k.txt.gz"));
    SideSpec twitter = new SideSpec("twitter", data.resolve("embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz"),
        List.of(data.resolve("corpora/tweeteval-train-sample.txt.gz")), data.resolve("freq/twitter-ark-wordfreq.top60k.tsv.gz"));
    Explorer explorer = ExplorerLoader.load(wiki, twitter, settings(), 500_000, null).awaitPrepared();
    server = ExplorerServer.start(explorer, "127.0.0.1", 0, ExplorerServer.Limits.defaults());

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  static Explorer.Settings settings() {
    return new Explorer.Settings(20_000, 100, 0, 100, 10_000, 5, 3000, List.of("apple", "viral", "tweet", "follow", "cloud"), 42);
  }

  @AfterAll
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private String base() {
    return server.uri("127.0.0.1").toString();
  }

  private void waitFor(String view) {
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> view.equals(
        ((JavascriptExecutor) d).executeScript("return document.documentElement.getAttribute('data-view-ready')")));
  }

  private List<String> severeLogs() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).collect(Collectors.toList());
  }

  private void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "serve-" + name + ".png");
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(target)).isGreaterThan(10_000);
  }

  private long paintedPixels(WebElement chart) {
    Object n = ((JavascriptExecutor) driver).executeScript(
        "var c = arguments[0].querySelector('canvas'); if (!c) { return 0; } var px = c.getContext('2d')"
            + ".getImageData(0, 0, c.width, c.height).data; var k = 0; for (var i = 3; i < px.length; i += 4) { if (px[i]) { k++; } }"
            + " return k;", chart);
    return ((Number) n).longValue();
  }

  @Test
  void aReaderTypesAWordSortsTheTableAndOpensEveryView() throws Exception {
    driver.get(base());
    waitFor("word");
    WebElement input = driver.findElement(By.id("word-input"));
    input.sendKeys("appl");
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#suggestions li")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#suggestions li")).stream().map(WebElement::getText)).contains("apple");
    input.sendKeys("e", Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("w=apple"));
    waitFor("word");
    List<WebElement> a = driver.findElements(By.cssSelector("#neighbours-a tbody tr"));
    List<WebElement> b = driver.findElements(By.cssSelector("#neighbours-b tbody tr"));
    assertThat(a).hasSize(10);
    assertThat(b).hasSize(10);
    List<String> wordsA = a.stream().map(r -> r.findElements(By.tagName("td")).get(1).getText()).toList();
    List<String> wordsB = b.stream().map(r -> r.findElements(By.tagName("td")).get(1).getText()).toList();
    assertThat(wordsA).contains("microsoft").doesNotContain("apple");
    // highlighted rows are exactly the words both lists have
    List<String> highlighted = driver.findElements(By.cssSelector("#neighbours-a tr.shared")).stream()
        .map(r -> r.findElements(By.tagName("td")).get(1).getText()).toList();
    assertThat(highlighted).containsExactlyInAnyOrderElementsOf(wordsA.stream().filter(wordsB::contains).toList());
    assertThat(driver.findElement(By.id("word-card")).getText()).contains("overlap@10").contains("band");
    assertThat(driver.findElement(By.id("examples")).getText()).containsIgnoringCase("apple");
    screenshot("word");

    driver.get(base() + "#view=table");
    waitFor("table");
    List<String> before = firstColumn();
    assertThat(before).hasSize(50);
    WebElement wordHeader = driver.findElement(By.cssSelector("#shift-table th[data-sort=word]"));
    wordHeader.click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("sort=word"));
    waitFor("table");
    List<String> sorted = firstColumn();
    assertThat(sorted).hasSize(50).isNotEqualTo(before).isSorted();
    assertThat(driver.findElement(By.cssSelector("#shift-table th[data-sort=word]")).getDomAttribute("class")).contains("asc");
    screenshot("table");
    String clicked = sorted.get(3);
    driver.findElements(By.cssSelector("#shift-table tbody tr")).get(3).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("view=word"));
    waitFor("word");
    assertThat(driver.findElement(By.cssSelector("#word-card h2")).getText()).startsWith(clicked);

    driver.get(base() + "#view=multiples&n=12&k=10");
    waitFor("multiples");
    List<WebElement> minis = driver.findElements(By.cssSelector("#multiples .mini"));
    assertThat(minis).hasSize(24);
    Thread.sleep(300);
    for (WebElement m : minis.subList(0, 4)) {
      assertThat(paintedPixels(m)).as("painted pixels of a small multiple").isGreaterThan(200);
    }
    screenshot("multiples");

    driver.get(base() + "#view=domain");
    waitFor("domain");
    assertThat(paintedPixels(driver.findElement(By.id("domain-chart")))).isGreaterThan(5_000);
    screenshot("domain");

    driver.get(base() + "#view=analogy&a=man&b=king&c=woman&w1=cat&w2=dog");
    waitFor("analogy");
    assertThat(driver.findElement(By.id("analogy-result")).getText()).contains("queen");
    assertThat(driver.findElement(By.id("similarity-result")).getText()).contains("wiki: 0.").contains("twitter: 0.");
    screenshot("analogy");

    driver.get(base() + "#view=projection");
    waitFor("projection");
    assertThat(paintedPixels(driver.findElement(By.id("projection-chart")))).isGreaterThan(2_000);
    screenshot("projection");

    assertThat(severeLogs()).as("console errors").isEmpty();
  }

  private List<String> firstColumn() {
    return driver.findElements(By.cssSelector("#shift-table tbody tr td:first-child")).stream().map(WebElement::getText).toList();
  }

  @Test
  void markupInAVectorFileShowsAsTextAndNeverRuns(@TempDir Path temp) throws Exception {
    String[] hostile = {"<script>alert(1)</script>", "\"><img/src=x/onerror=alert(2)>", "<svg/onload=alert(3)>", "<b>bold</b>",
        "'\"><iframe>"};
    Random random = new Random(7);
    StringBuilder va = new StringBuilder();
    StringBuilder vb = new StringBuilder();
    StringBuilder freq = new StringBuilder();
    for (int i = 0; i < 80; i++) {
      String w = i < hostile.length ? hostile[i] : "alpha" + i;
      va.append(w);
      vb.append(w);
      for (int d = 0; d < 6; d++) {
        va.append(' ').append(String.format(Locale.ROOT, "%.4f", random.nextGaussian()));
        vb.append(' ').append(String.format(Locale.ROOT, "%.4f", random.nextGaussian()));
      }
      va.append('\n');
      vb.append('\n');
      freq.append(w).append('\t').append(1000 - i).append('\n');
    }
    Path fa = Files.writeString(temp.resolve("a.txt"), va);
    Path fb = Files.writeString(temp.resolve("b.txt"), vb);
    Path ff = Files.writeString(temp.resolve("f.tsv"), freq);
    Path corpus = Files.writeString(temp.resolve("c.txt"), String.join(" ", hostile) + " alpha7 alpha8\n");
    Explorer explorer = ExplorerLoader.load(new SideSpec("<i>a</i>", fa, List.of(corpus), ff), new SideSpec("b\"><img src=y>", fb,
        List.of(corpus), ff), settings(), 100, null).awaitPrepared();
    try (ExplorerServer hostileServer = ExplorerServer.start(explorer, "127.0.0.1", 0, ExplorerServer.Limits.defaults())) {
      String url = hostileServer.uri("127.0.0.1").toString();
      JavascriptExecutor js = driver;
      for (String view : List.of("word&w=" + java.net.URLEncoder.encode(hostile[1], java.nio.charset.StandardCharsets.UTF_8), "table",
          "multiples", "domain", "projection&words=" + java.net.URLEncoder.encode("alpha9,alpha10,alpha11",
              java.nio.charset.StandardCharsets.UTF_8))) {
        driver.get(url + "#view=" + view);
        waitFor(view.replaceFirst("&.*", ""));
        try {
          driver.switchTo().alert();
          throw new AssertionError("an alert opened in view " + view + ": injected script ran");
        } catch (NoAlertPresentException expected) {
          // nothing ran
        }
        assertThat(((Number) js.executeScript("return document.querySelectorAll('img, iframe, b, svg:not(.echarts svg)').length"))
            .intValue()).as("injected elements in " + view).isZero();
        assertThat(((Number) js.executeScript("return document.scripts.length")).intValue()).isEqualTo(2);
      }
      driver.get(url + "#view=word&w=" + java.net.URLEncoder.encode(hostile[1], java.nio.charset.StandardCharsets.UTF_8));
      waitFor("word");
      String text = driver.findElement(By.tagName("body")).getText();
      assertThat(text).contains(hostile[1]).contains("<i>a</i>").contains("b\"><img src=y>");
      driver.get(url + "#view=table&sort=word&order=asc");
      waitFor("table");
      assertThat(driver.findElement(By.id("shift-table")).getText()).contains(hostile[0]).contains(hostile[2]);
      assertThat(severeLogs()).isEmpty();
    }
  }
}
