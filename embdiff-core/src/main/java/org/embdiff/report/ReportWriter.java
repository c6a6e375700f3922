package org.embdiff.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.embdiff.compare.WordTable;
import org.embdiff.util.AtomicFiles;

/**
 * Writes a report folder: {@code report.json} (the records), {@code index.html} and
 * {@code report.md} (rendered from the page derived from them) and one CSV per {@link WordTable}
 * of the results. The folder is written atomically: everything goes to a temporary folder
 * beside the target, which replaces the target only when every file was written. A failed write
 * leaves the previous report (if any) untouched.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes the folder {@code target}.
   *
   * @return the written files, relative to {@code target}
   */
  public static List<String> write(Report report, Path target) throws IOException {
    List<WordTable> tables = report.results().stream().flatMap(r -> r.tables().stream())
        .sorted(Comparator.comparing(WordTable::name)).toList();
    ReportPage page = ReportViews.page(report);
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new IOException("cannot write a report to the file-system root " + absolute);
    }
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new IOException("report target " + absolute + " exists and is not a folder; choose another report folder");
    }
    Files.createDirectories(parent);
    AtomicFiles.removeStale(parent, absolute.getFileName().toString());
    Path temp = Files.createTempDirectory(parent, AtomicFiles.tempPrefix(absolute) + "tmp-");
    if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
      // temp folders are created private (0700); a report is an ordinary folder
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path old = null;
    boolean done = false;
    try {
      List<String> written = writeAll(report, page, tables, temp, absolute);
      if (Files.exists(absolute)) {
        old = Files.createTempDirectory(parent, AtomicFiles.tempPrefix(absolute) + "old-");
        Files.delete(old);
        Files.move(absolute, old);
      }
      AtomicFiles.moveReplacing(temp, absolute);
      done = true;
      return written;
    } finally {
      if (!done) {
        deleteTree(temp);
        if (old != null && !Files.exists(absolute)) {
          Files.move(old, absolute);
          old = null;
        }
      }
      if (old != null) {
        deleteTree(old);
      }
    }
  }

  /** Writes every file of the report into {@code temp}; a failed write names the report folder. */
  private static List<String> writeAll(Report report, ReportPage page, List<WordTable> tables, Path temp,
      Path target) throws IOException {
    try {
      List<String> written = new ArrayList<>();
      writeString(temp.resolve("report.json"), ReportJson.toJson(report));
      written.add("report.json");
      writeString(temp.resolve("index.html"), HtmlRenderer.render(page));
      written.add("index.html");
      writeString(temp.resolve("report.md"), MarkdownRenderer.render(page));
      written.add("report.md");
      for (WordTable table : tables) {
        String name = table.name() + ".csv";
        try (OutputStream out = Files.newOutputStream(temp.resolve(name))) {
          writeCsv(table, out);
        }
        written.add(name);
      }
      return written;
    } catch (IOException e) {
      throw new IOException("cannot write the report " + target + ": " + e.getMessage() + "; the previous one is kept", e);
    }
  }

  /** Writes one table as CSV with a header row (jackson-dataformat-csv). */
  public static void writeCsv(WordTable table, OutputStream out) throws IOException {
    CsvMapper mapper = org.embdiff.util.CsvCells.mapper();
    CsvSchema.Builder schema = CsvSchema.builder();
    for (String c : table.columns()) {
      schema.addColumn(c);
    }
    try (SequenceWriter writer = mapper.writer(schema.build().withHeader()).writeValues(out)) {
      for (List<Object> row : table.rows()) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
          Object v = row.get(i);
          if (v instanceof List<?> list) {
            v = String.join(" ", list.stream().map(String::valueOf).toList());
          } else if (v instanceof Double d && !Double.isFinite(d)) {
            v = null;
          }
          values[i] = v;
        }
        writer.write(values);
      }
    }
  }

  private static void writeString(Path path, String text) throws IOException {
    Files.writeString(path, text, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
