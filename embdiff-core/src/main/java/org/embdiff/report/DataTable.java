package org.embdiff.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A table of records shown in the HTML (sortable by clicking a header when {@code sortable}).
 *
 * @param id stable id (unique in the report)
 * @param title table title
 * @param columns the columns
 * @param rows one list of values per row, one value per column: numbers, strings, lists of
 *     strings, or null
 * @param sortable whether headers sort the rows
 * @param note one line under the table (e.g. "top 50 of 9,911; all rows in shift.csv"), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataTable(String id, String title, List<Column> columns, List<List<Object>> rows, boolean sortable,
    String note) {
  /** Copies and checks widths. */
  public DataTable {
    columns = List.copyOf(columns);
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != columns.size()) {
        throw new IllegalArgumentException("table " + id + " row " + i + " has " + rows.get(i).size()
            + " values, expected " + columns.size());
      }
    }
    rows = List.copyOf(rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList());
  }

  /**
   * A column.
   *
   * @param key short key (CSV header)
   * @param label header text
   * @param type "text", "number" or "list" (a list of words)
   */
  public record Column(String key, String label, String type) {
    /** Validates. */
    public Column {
      if (!List.of("text", "number", "list").contains(type)) {
        throw new IllegalArgumentException("column type must be text, number or list, got " + type);
      }
    }
  }
}
