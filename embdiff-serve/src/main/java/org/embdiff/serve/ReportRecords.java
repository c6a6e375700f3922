package org.embdiff.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.embdiff.align.WordShift;
import org.embdiff.report.ReportJson;
import org.embdiff.stats.DomainDivergence;
import org.embdiff.stats.WordContribution;

/**
 * The result records of a report folder that the explorer shows instead of recomputing them: the
 * per-word shift table ({@code shift.csv}), the per-word log-odds of the domain terms
 * ({@code domain-words.csv}) with the prior strength and union vocabulary of the {@code divergence}
 * record in {@code report.json}, and the report's seed. A record the report lacks (its stage was
 * skipped or failed) is null, and the explorer computes it.
 *
 * @param shift rows in the report's order (most frequent first), or null
 * @param overlapK the largest k with overlap values in {@code shift.csv} (10, 100 or 1000)
 * @param domainWords every word of the union vocabulary, or null
 * @param topA the most A-specific words (highest z), as many as the report's divergence record lists
 * @param topB the most B-specific words (lowest z)
 * @param seed the report's root seed (the alignment the projection recomputes uses it)
 */
public record ReportRecords(Path dir, List<WordShift> shift, int overlapK, List<WordContribution> domainWords,
    List<WordContribution> topA, List<WordContribution> topB, double priorStrength, int unionTypes, long seed) {
  private static final int RANK_ABSENT = Integer.MAX_VALUE / 2;

  /** Reads the records of the report in {@code dir} whose sides are {@code nameA} and {@code nameB}. */
  public static ReportRecords read(Path dir, String nameA, String nameB) throws IOException {
    Path json = dir.resolve("report.json");
    JsonNode root = ReportJson.readTree(Files.readString(json, StandardCharsets.UTF_8));
    long seed = root.path("header").path("seed").asLong(42);
    JsonNode divergence = null;
    for (JsonNode result : root.path("results")) {
      if ("divergence".equals(result.path("id").asText()) && "ok".equals(result.path("status").asText())) {
        divergence = result.path("record").path("full");
      }
    }
    List<WordShift> shift = null;
    int overlapK = 10;
    Path shiftCsv = dir.resolve("shift.csv");
    if (Files.isRegularFile(shiftCsv)) {
      shift = new ArrayList<>();
      boolean has100 = true, has1000 = true;
      for (Map<String, String> row : rows(shiftCsv)) {
        WordShift w = new WordShift(text(row, shiftCsv, "word"), rank(row, shiftCsv, "rank_" + nameA), rank(row, shiftCsv, "rank_" + nameB),
            text(row, shiftCsv, "band_" + nameA), text(row, shiftCsv, "band_" + nameB), nullable(row, shiftCsv, "delta"),
            nullable(row, shiftCsv, "cosine_distance"), number(row, shiftCsv, "overlap10"), orNaN(row, shiftCsv, "overlap100"),
            orNaN(row, shiftCsv, "overlap1000"), number(row, shiftCsv, "second_order"), Boolean.parseBoolean(text(row, shiftCsv, "presentable")));
        has100 &= !Double.isNaN(w.overlap100());
        has1000 &= !Double.isNaN(w.overlap1000());
        shift.add(w);
      }
      overlapK = has1000 ? 1000 : has100 ? 100 : 10;
    }
    List<WordContribution> domain = null;
    List<WordContribution> topA = List.of(), topB = List.of();
    Path domainCsv = dir.resolve("domain-words.csv");
    if (divergence != null && Files.isRegularFile(domainCsv)) {
      domain = new ArrayList<>();
      for (Map<String, String> row : rows(domainCsv)) {
        domain.add(new WordContribution(text(row, domainCsv, "word"), (long) number(row, domainCsv, "count_" + nameA),
            (long) number(row, domainCsv, "count_" + nameB), number(row, domainCsv, "p_" + nameA), number(row, domainCsv, "p_" + nameB),
            number(row, domainCsv, "mi_bits"), number(row, domainCsv, "log_odds"), number(row, domainCsv, "z"),
            Boolean.parseBoolean(text(row, domainCsv, "pseudo_token"))));
      }
      int top = divergence.path("topA").size() > 0 ? divergence.path("topA").size() : DomainDivergence.Settings.defaults().top();
      List<WordContribution> byZ = new ArrayList<>(domain);
      byZ.sort(Comparator.comparingDouble(WordContribution::z).reversed().thenComparing(WordContribution::word));
      topA = List.copyOf(byZ.subList(0, Math.min(top, byZ.size())));
      List<WordContribution> lowest = new ArrayList<>(byZ.subList(Math.max(0, byZ.size() - top), byZ.size()));
      java.util.Collections.reverse(lowest);
      topB = List.copyOf(lowest);
    }
    double prior = divergence == null ? Double.NaN : divergence.path("priorStrength").asDouble(Double.NaN);
    int union = divergence == null ? 0 : divergence.path("unionTypes").asInt(0);
    return new ReportRecords(dir, shift == null ? null : List.copyOf(shift), overlapK, domain == null ? null : List.copyOf(domain),
        topA, topB, prior, union, seed);
  }

  private static List<Map<String, String>> rows(Path csv) throws IOException {
    CsvMapper mapper = new CsvMapper();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
            .readValues(in)) {
      return it.readAll();
    }
  }

  private static String text(Map<String, String> row, Path csv, String column) throws IOException {
    String v = row.get(column);
    if (v == null) {
      throw new IOException(csv + ": no column '" + column + "' (columns " + row.keySet() + "); was it written by this embdiff for these sides?");
    }
    return v;
  }

  private static double number(Map<String, String> row, Path csv, String column) throws IOException {
    String v = text(row, csv, column);
    try {
      return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IOException(csv + ": column '" + column + "' of word '" + row.get("word") + "' is '" + v + "', not a number");
    }
  }

  private static double orNaN(Map<String, String> row, Path csv, String column) throws IOException {
    return row.containsKey(column) ? number(row, csv, column) : Double.NaN;
  }

  private static Double nullable(Map<String, String> row, Path csv, String column) throws IOException {
    double v = number(row, csv, column);
    return Double.isNaN(v) ? null : v;
  }

  private static int rank(Map<String, String> row, Path csv, String column) throws IOException {
    double v = number(row, csv, column);
    return Double.isNaN(v) ? RANK_ABSENT : (int) v;
  }
}
