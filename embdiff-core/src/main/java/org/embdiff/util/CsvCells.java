package org.embdiff.util;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;

/**
 * The one place where text becomes a CSV cell: a cell that a spreadsheet would evaluate as a formula
 * (it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return; OWASP "CSV
 * Injection") gets a leading apostrophe, so {@code =HYPERLINK(...)} as a word stays text. Numbers are
 * written as numbers and never guarded; quoting of commas, quotes and line breaks is Jackson's.
 */
public final class CsvCells {
  private CsvCells() {}

  /** {@code cell}, prefixed with {@code '} when a spreadsheet would run it as a formula. */
  public static String guard(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
  }

  /** A Jackson module whose String serializer applies {@link #guard}. */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("embdiff-csv-cells");
    module.addSerializer(String.class, new StdSerializer<>(String.class) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(guard(value));
      }
    });
    return module;
  }

  /** A CSV mapper with the guard installed. */
  public static CsvMapper mapper() {
    CsvMapper mapper = new CsvMapper();
    mapper.registerModule(module());
    return mapper;
  }
}
