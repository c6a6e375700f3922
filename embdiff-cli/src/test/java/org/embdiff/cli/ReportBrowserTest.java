package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

/**
 * Opens reports in headless Chromium, as a reader would: the demo report on the bundled data
 * (no console errors, every chart drawn, claims table filled, sortable tables sort) and a report
 * built from a vector file full of markup (nothing executes, nothing is injected).
 *
 * <p>Uses Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (installed by
 * {@code .ci/run}); skips with a message when they are absent. Nothing is downloaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private ChromeDriver driver;
  private Path demoReport;
  private CliRun demoRun;

  private void assumeBrowser() {
    Assumptions.assumeTrue(driver != null,
        "skipped: the browser test needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)");
  }

  @Test
  void demoWritesTheReportWithGensimParityNumbersAndPrintsTheClaims() throws Exception {
    assertThat(demoRun.exit()).as(demoRun.err()).isZero();
    assertThat(demoRun.out()).contains("Report: " + demoReport.resolve("index.html")).contains("verdict")
        .contains("total (wall clock)");
    JsonNode report = new ObjectMapper().readTree(Files.readString(demoReport.resolve("report.json")));
    assertThat(report.path("schemaVersion").asInt()).isEqualTo(2);
    assertThat(report.path("header").path("inputs")).hasSizeGreaterThanOrEqualTo(6);
    JsonNode analogies = null;
    for (JsonNode s : report.path("results")) {
      assertThat(s.path("status").asText()).as(s.path("id").asText() + ": " + s.path("reason").asText()).isIn("ok", "skipped");
      if (s.path("id").asText().equals("analogies")) {
        analogies = s;
      }
    }
    // gensim evaluate_word_analogies on the same files (issue 5's parity table): 0.6534 and 0.1822 on 6,163 questions
    JsonNode sides = analogies.path("record").path("sides");
    assertThat(sides.get(0).path("cosAdd").path("accuracy").asDouble()).isCloseTo(0.6534, org.assertj.core.data.Offset.offset(0.0005));
    assertThat(sides.get(1).path("cosAdd").path("accuracy").asDouble()).isCloseTo(0.1822, org.assertj.core.data.Offset.offset(0.0005));
    assertThat(report.path("claims")).hasSizeGreaterThanOrEqualTo(12);
    for (String f : new String[] {"index.html", "report.md", "report.json", "counts.csv", "analogies.csv"}) {
      assertThat(demoReport.resolve(f)).isRegularFile();
    }
  }

  @BeforeAll
  void runDemoAndStartBrowser(@TempDir Path profile) throws Exception {
    Path home = Path.of(System.getProperty("embdiff.home", "..")).toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isDirectory(home.resolve("data/embeddings")), "skipped: bundled data/ not found under " + home);
    demoReport = Path.of("target", "demo-report").toAbsolutePath();
    demoRun = CliRun.of("demo", "--out", demoReport.toString());
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      return;
    }

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,3000",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  private void open(Path index) {
    driver.get(index.toUri().toString());
    assertThat(driver.findElement(By.tagName("html")).getDomAttribute("data-rendered")).as("report script finished").isNotNull();
  }

  private List<String> severeLogs() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).collect(Collectors.toList());
  }

  @Test
  void demoReportRendersEveryChartAndTheClaimsTable() throws Exception {
    assumeBrowser();
    open(demoReport.resolve("index.html"));
    assertThat(severeLogs()).as("console errors").isEmpty();
    JavascriptExecutor js = driver;
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> charts = (List<Map<String, Object>>) js.executeScript(
        "return Array.from(document.querySelectorAll('div.chart')).map(function (d) {"
            + "  var c = d.querySelector('canvas'); var painted = 0;"
            + "  if (c && c.width > 0 && c.height > 0) {"
            + "    var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + "    for (var i = 3; i < px.length; i += 4) { if (px[i] !== 0) { painted++; } }"
            + "  }"
            + "  return {id: d.id, width: c ? c.width : 0, painted: painted};"
            + "});");
    assertThat(charts).as("charts in the demo report").isNotEmpty();
    for (Map<String, Object> c : charts) {
      assertThat(((Number) c.get("width")).intValue()).as("canvas width of " + c.get("id")).isPositive();
      assertThat(((Number) c.get("painted")).intValue()).as("painted pixels of " + c.get("id")).isGreaterThan(500);
    }
    assertThat(driver.findElement(By.id("chart-rank-frequency"))).isNotNull();
    List<WebElement> claims = driver.findElements(By.cssSelector("#section-claims"));
    assertThat(claims).hasSize(1);
    List<WebElement> claimRows = driver.findElements(By.cssSelector("#claims-table tbody tr"));
    assertThat(claimRows).as("claims table rows").hasSizeGreaterThanOrEqualTo(12);
    long measured = 0;
    for (WebElement row : claimRows) {
      String verdict = row.findElement(By.cssSelector(".badge")).getText();
      assertThat(verdict).isIn("supported", "contradicted", "inconclusive", "not measurable");
      assertThat(row.findElement(By.cssSelector("td.claim")).getText()).isNotBlank();
      measured += verdict.equals("not measurable") ? 0 : 1;
    }
    assertThat(measured).as("claims with a measured verdict").isGreaterThanOrEqualTo(5);
    for (WebElement skipped : driver.findElements(By.cssSelector("section.skipped .skip, section.failed .skip"))) {
      assertThat(skipped.getText()).matches("(skipped|failed): .{5,}");
    }
    assertThat(driver.findElement(By.id("inputs-table")).getText()).contains("glove.6B.100d.twitter12k-vocab.txt.gz");

    String tableId = driver.findElements(By.id("table-shift")).isEmpty() ? "table-rank-comparison" : "table-shift";
    WebElement table = driver.findElement(By.id(tableId));
    List<String> before = firstColumn(table);
    List<WebElement> headers = table.findElements(By.cssSelector("thead th"));
    headers.get(headers.size() - 1).click();
    List<String> after = firstColumn(driver.findElement(By.id(tableId)));
    assertThat(after).as("rows after sorting " + tableId).hasSameSizeAs(before).isNotEqualTo(before)
        .containsExactlyInAnyOrderElementsOf(before);
    assertThat(headers.get(headers.size() - 1).getDomAttribute("class")).contains("desc");

    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path saved = Path.of("target", "report-screenshot.png");
    Files.copy(shot.toPath(), saved, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(saved)).isGreaterThan(10_000);
  }

  private static List<String> firstColumn(WebElement table) {
    return table.findElements(By.cssSelector("tbody tr td:first-child")).stream().map(WebElement::getText).toList();
  }

  @Test
  void markupInInputFilesIsShownAsTextAndNeverRuns(@TempDir Path temp) throws Exception {
    assumeBrowser();
    String[] hostile = {"<img/src=x/onerror=alert(1)>", "</script><script>alert(2)</script>", "<svg/onload=alert(3)>",
        "<!--", "\"'><b>bold</b>"};
    Random random = new Random(5);
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    StringBuilder fa = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      String w = i < hostile.length ? hostile[i] : "w" + i;
      a.append(w);
      b.append(w);
      for (int d = 0; d < 4; d++) {
        a.append(' ').append(String.format(Locale.ROOT, "%.3f", random.nextGaussian()));
        b.append(' ').append(String.format(Locale.ROOT, "%.3f", random.nextGaussian()));
      }
      a.append('\n');
      b.append('\n');
      fa.append(w).append('\t').append(1000 - i).append('\n');
    }
    Path va = Files.writeString(temp.resolve("a.txt"), a);
    Path vb = Files.writeString(temp.resolve("b.txt"), b);
    Path freq = Files.writeString(temp.resolve("f.tsv"), fa);
    Path out = temp.resolve("hostile-report");
    CliRun run = CliRun.of("compare", "--a", "wiki=vectors:" + va + ",freq:" + freq, "--b", "twitter=vectors:" + vb + ",freq:" + freq,
        "--no-bundled-eval", "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    open(out.resolve("index.html"));
    try {
      driver.switchTo().alert();
      throw new AssertionError("an alert opened: injected script ran");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    JavascriptExecutor js = driver;
    assertThat(((Number) js.executeScript("return document.querySelectorAll('img, svg:not(.echarts svg), b').length")).intValue()).isZero();
    assertThat(((Number) js.executeScript("return document.scripts.length")).intValue()).isEqualTo(3);
    String text = driver.findElement(By.tagName("body")).getText();
    assertThat(text).contains("<img/src=x/onerror=alert(1)>").contains("\"'><b>bold</b>");
    assertThat(severeLogs()).isEmpty();
  }
}
