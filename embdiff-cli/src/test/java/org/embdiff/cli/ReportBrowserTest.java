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
    // the terminal's claims table keeps whole claim names, so that rows differing at the end can be told apart
    List<String> claimLines = demoRun.out().lines().dropWhile(l -> !l.startsWith("claim ")).skip(2)
        .takeWhile(l -> !l.isBlank()).toList();
    List<String> claimNames = claimLines.stream().map(l -> l.split(" {2,}")[0].strip()).toList();
    assertThat(claimNames).hasSizeGreaterThanOrEqualTo(12).doesNotHaveDuplicates().noneMatch(n -> n.endsWith("\u2026"));
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
    // the projection draws both sides centred and at the same spread: tails and heads of the arrows spread alike
    for (JsonNode s : report.path("results")) {
      if (s.path("id").asText().equals("projection")) {
        JsonNode points = s.path("record").path("arrows");
        double[] spread = new double[2];
        for (int side = 0; side < 2; side++) {
          double mx = 0, my = 0, sq = 0;
          for (JsonNode p : points) {
            mx += p.get(2 * side).asDouble() / points.size();
            my += p.get(2 * side + 1).asDouble() / points.size();
          }
          for (JsonNode p : points) {
            sq += Math.pow(p.get(2 * side).asDouble() - mx, 2) + Math.pow(p.get(2 * side + 1).asDouble() - my, 2);
          }
          spread[side] = Math.sqrt(sq / points.size());
        }
        assertThat(spread[0] / spread[1]).as("spread of the tails / heads").isBetween(0.5, 2.0);
      }
    }
    // a count with its unit reads as one number: no "1,232 59967 types"
    assertThat(Files.readString(demoReport.resolve("report.md"))).doesNotContainPattern("[0-9] [0-9]{4,} types");
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
      assertThat(verdict).isIn("supported", "contradicted", "no difference", "inconclusive", "confounded", "not measurable");
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

  /**
   * At 1,400 px the page has no horizontal scrollbar, and nothing sticks out of its card unless it
   * sits in a box that scrolls sideways inside the card.
   */
  @Test
  void theDemoReportFitsA1400PixelWindow() {
    assumeBrowser();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 3000));
    open(demoReport.resolve("index.html"));
    JavascriptExecutor js = driver;
    long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
    long page = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
    assertThat(page).as("page width in a 1,400 px window (viewport %d px)", viewport).isLessThanOrEqualTo(viewport);
    @SuppressWarnings("unchecked")
    List<String> spills = (List<String>) js.executeScript(
        "var out = [];"
            + "document.querySelectorAll('section.card table, section.card .chart, footer.card table').forEach(function (t) {"
            + "  var card = t.closest('.card'); var r = t.getBoundingClientRect(); var c = card.getBoundingClientRect();"
            + "  var scrolls = false;"
            + "  for (var p = t.parentElement; p && p !== card; p = p.parentElement) {"
            + "    var o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') { scrolls = true; }"
            + "  }"
            + "  if (!scrolls && (r.right > c.right + 0.5 || r.left < c.left - 0.5)) {"
            + "    out.push((t.id || t.className) + ' in ' + card.id + ': ' + Math.round(r.left) + '..' + Math.round(r.right)"
            + "      + ' outside ' + Math.round(c.left) + '..' + Math.round(c.right));"
            + "  }"
            + "});"
            + "return out;");
    assertThat(spills).as("tables and charts outside their card").isEmpty();
    long seedRows = ((Number) js.executeScript("return Array.from(document.querySelectorAll('#settings-table td:first-child'))"
        + ".filter(function (td) { return td.textContent === 'seed' || td.textContent === 'threads'; }).length")).longValue();
    assertThat(seedRows).as("seed and threads listed once each").isEqualTo(2);
  }

  /**
   * No chart's axis name overlaps another text of the chart (tick labels, legend, title): compared on
   * the boxes of the texts ECharts drew (zrender's display list, in page pixels).
   */
  @Test
  void noAxisNameOverlapsTheTickLabels() {
    assumeBrowser();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 3000));
    open(demoReport.resolve("index.html"));
    JavascriptExecutor js = driver;
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) js.executeScript(
        "var overlaps = [], names = 0, labels = 0;"
            + "document.querySelectorAll('div.chart').forEach(function (d) {"
            + "  var chart = echarts.getInstanceByDom(d); if (!chart) { return; }"
            + "  var opt = chart.getOption(), axisNames = [];"
            + "  ['xAxis', 'yAxis'].forEach(function (k) { (opt[k] || []).forEach(function (a) { if (a.name) { axisNames.push(a.name); } }); });"
            + "  var texts = [];"
            + "  chart.getZr().storage.getDisplayList(true).forEach(function (e) {"
            + "    if (e.invisible || e.ignore || !e.style || typeof e.style.text !== 'string' || !e.style.text.trim()) { return; }"
            + "    var r = e.getBoundingRect().clone(); if (e.transform) { r.applyTransform(e.transform); }"
            + "    if (r.width > 0 && r.height > 0) { texts.push({ text: e.style.text, r: r }); }"
            + "  });"
            + "  texts.forEach(function (n) {"
            + "    if (axisNames.indexOf(n.text) < 0) { return; }"
            + "    names++;"
            + "    texts.forEach(function (o) {"
            + "      if (o === n) { return; }"
            + "      labels++;"
            + "      var x = Math.min(n.r.x + n.r.width, o.r.x + o.r.width) - Math.max(n.r.x, o.r.x);"
            + "      var y = Math.min(n.r.y + n.r.height, o.r.y + o.r.height) - Math.max(n.r.y, o.r.y);"
            + "      if (x > 1 && y > 1) { overlaps.push(d.id + ': axis name \u201c' + n.text + '\u201d overlaps \u201c' + o.text + '\u201d'); }"
            + "    });"
            + "  });"
            + "});"
            + "return { overlaps: overlaps, names: names, labels: labels };");
    assertThat(((Number) result.get("names")).intValue()).as("axis names found in the drawn charts").isGreaterThan(10);
    assertThat(((Number) result.get("labels")).intValue()).as("texts compared").isGreaterThan(100);
    assertThat((List<?>) result.get("overlaps")).isEmpty();
  }

  /** Bars start at 0, every legend shows all its series (no pages), heatmap colour bars carry numbers. */
  @Test
  void barsLegendsAndColourBarsAreReadable() {
    assumeBrowser();
    open(demoReport.resolve("index.html"));
    JavascriptExecutor js = driver;
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) js.executeScript(
        "var out = [];"
            + "document.querySelectorAll('div.chart').forEach(function (d) {"
            + "  var chart = echarts.getInstanceByDom(d); if (!chart) { return; }"
            + "  var opt = chart.getOption(), kind = d.getAttribute('data-kind');"
            + "  var drawn = {};"
            + "  chart.getZr().storage.getDisplayList(true).forEach(function (e) {"
            + "    if (!e.invisible && !e.ignore && e.style && typeof e.style.text === 'string') { drawn[e.style.text] = true; }"
            + "  });"
            + "  if (kind === 'bar') {"
            + "    var lo = chart.getModel().getComponent('yAxis', 0).axis.scale.getExtent()[0];"
            + "    if (lo > 0) { out.push(d.id + ': bars start at ' + lo); }"
            + "  }"
            + "  (opt.legend || []).forEach(function (l) { if (l.type === 'scroll') { out.push(d.id + ': paged legend'); } });"
            + "  if (kind !== 'heatmap') {"
            + "    (opt.series || []).forEach(function (s) { if (s.name && !drawn[s.name]) { out.push(d.id + ': legend hides ' + s.name); } });"
            + "  } else {"
            + "    var vm = (opt.visualMap || [])[0];"
            + "    if (!vm || !vm.text || vm.text.length < 2 || !drawn[vm.text[0]]) { out.push(d.id + ': colour bar without numbers'); }"
            + "  }"
            + "});"
            + "return out;");
    assertThat(problems).isEmpty();
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
