package org.embdiff.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * A small table of labelled values, one column per side (or a single "value" column): the
 * headline numbers of a section.
 *
 * @param title table title, or null
 * @param columns column headers after the label column
 * @param rows rows
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyTable(String title, List<String> columns, List<Row> rows) {
  /** Copies and checks widths. */
  public KeyTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    for (Row row : rows) {
      if (row.cells().size() != columns.size()) {
        throw new IllegalArgumentException("row '" + row.label() + "' has " + row.cells().size() + " cells, expected "
            + columns.size());
      }
    }
  }

  /**
   * One row.
   *
   * @param label what the row measures
   * @param cells one cell per column
   * @param note how it was computed or a caveat, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Row(String label, List<Cell> cells, String note) {
    /** Copies. */
    public Row {
      cells = List.copyOf(cells);
    }
  }

  /** Builds a table row by row. */
  public static final class Builder {
    private final String title;
    private final List<String> columns;
    private final List<Row> rows = new ArrayList<>();

    /** A builder for a table with these columns. */
    public Builder(String title, List<String> columns) {
      this.title = title;
      this.columns = List.copyOf(columns);
    }

    /** Adds a row. */
    public Builder row(String label, String note, Cell... cells) {
      rows.add(new Row(label, List.of(cells), note));
      return this;
    }

    /** Whether no row was added. */
    public boolean isEmpty() {
      return rows.isEmpty();
    }

    /** The table. */
    public KeyTable build() {
      return new KeyTable(title, columns, rows);
    }
  }
}
