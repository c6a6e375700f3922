package org.embdiff.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.embdiff.util.AtomicFiles;

/** Writes result records as JSON (Jackson) and CSV (jackson-dataformat-csv), atomically. */
public final class ResultFiles {
  private ResultFiles() {}

  /** Writes {@code value} as indented JSON to {@code target} (temp file + rename). */
  public static void writeJson(Path target, Object value) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    AtomicFiles.write(target, out -> mapper.writeValue(out, value));
  }

  /** Writes {@code rows} (records of type {@code type}) as CSV with a header to {@code target}. */
  public static <T> void writeCsv(Path target, Class<T> type, List<T> rows) throws IOException {
    CsvMapper mapper = CsvMapper.builder().disable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .addModule(org.embdiff.util.CsvCells.module()).build();
    CsvSchema schema = mapper.schemaFor(type).withHeader();
    AtomicFiles.write(target, out -> mapper.writer(schema).writeValue(out, rows));
  }
}
