package org.embdiff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.embdiff.stats.Counts;
import org.embdiff.stats.CorpusStatistics;
import org.embdiff.stats.DomainDivergence;
import org.embdiff.stats.VocabWriter;
import org.embdiff.stats.WordContribution;
import org.embdiff.util.AtomicFiles;

/**
 * Writes the results of {@code embdiff stats} (each file atomically): {@code stats.json} (every
 * record, with the per-word list cut to the top 1,000 by MI contribution), {@code counts-NAME.csv}
 * and {@code vocab-NAME.txt} per side, and {@code words-A-B.csv} (every union word: counts,
 * relative frequencies, MI contribution, log-odds, z).
 */
final class StatsWriter {
  static final String JSON = "stats.json";
  private static final int JSON_WORDS = 1000;

  private StatsWriter() {}

  static void write(Path dir, List<StatsCommand.LoadedSide> sides, List<CorpusStatistics.SideReport> reports,
      List<CorpusStatistics.ComparisonReport> comparisons, CorpusStatistics.Settings settings) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("schema", "embdiff-stats/1");
    root.set("settings", json.valueToTree(settings));
    ArrayNode inputs = root.putArray("inputs");
    for (StatsCommand.LoadedSide s : sides) {
      ObjectNode n = inputs.addObject();
      n.put("name", s.name());
      n.put("source", s.source());
      n.put("tokenizer", s.tokenizer());
    }
    root.set("sides", json.valueToTree(reports));
    ArrayNode cmp = root.putArray("comparisons");
    for (CorpusStatistics.ComparisonReport c : comparisons) {
      ObjectNode n = json.valueToTree(c);
      cut((ObjectNode) n.get("divergence"), json, c.divergence());
      cut((ObjectNode) n.get("divergenceOnSupport"), json, c.divergenceOnSupport());
      cmp.add(n);
    }
    AtomicFiles.write(dir.resolve(JSON), o -> json.writeValue(o, root));
    CsvMapper csv = org.embdiff.util.CsvCells.mapper();
    csv.configure(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS, false);
    for (StatsCommand.LoadedSide s : sides) {
      Counts c = s.counts();
      CsvSchema schema = CsvSchema.builder().addColumn("rank").addColumn("word").addColumn("count")
          .addColumn("relative_frequency").build().withHeader();
      AtomicFiles.write(dir.resolve("counts-" + safe(s.name()) + ".csv"), o -> {
        try (var w = csv.writer(schema).writeValues(o)) {
          double kept = c.keptTokens();
          for (int i = 0; i < c.size(); i++) {
            w.write(new Object[] {i + 1, c.word(i), c.count(i), c.count(i) / kept});
          }
        }
      });
      VocabWriter.write(c, dir.resolve("vocab-" + safe(s.name()) + ".txt"));
    }
    for (CorpusStatistics.ComparisonReport c : comparisons) {
      CsvSchema schema = CsvSchema.builder().addColumn("word").addColumn("pseudo_token").addColumn("count_a")
          .addColumn("count_b").addColumn("p_a").addColumn("p_b").addColumn("mi_bits").addColumn("log_odds")
          .addColumn("z").build().withHeader();
      String name = "words-" + safe(c.a().name()) + "-" + safe(c.b().name()) + ".csv";
      AtomicFiles.write(dir.resolve(name), o -> {
        try (var w = csv.writer(schema).writeValues(o)) {
          for (WordContribution x : c.divergence().words()) {
            w.write(new Object[] {x.word(), x.pseudoToken(), x.countA(), x.countB(), x.pA(), x.pB(), x.miBits(),
                x.logOdds(), x.z()});
          }
        }
      });
    }
  }

  private static void cut(ObjectNode node, ObjectMapper json, DomainDivergence d) {
    node.set("words", json.valueToTree(d.words().subList(0, Math.min(JSON_WORDS, d.words().size()))));
    node.put("wordsNote", "top " + JSON_WORDS + " by MI contribution; every word is in the words-*.csv file");
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
  }
}
