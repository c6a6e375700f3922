package org.embdiff.compare;

import java.util.List;
import java.util.Objects;

/**
 * A per-word table written as a CSV file beside the report (e.g. every shared word's shift). The
 * HTML shows the top rows through the JSON; the CSV holds all of them.
 *
 * @param name file name without extension ("shift", "domain-words")
 * @param columns column names
 * @param rows rows, each with one value per column (strings, numbers or null)
 */
public record WordTable(String name, List<String> columns, List<List<Object>> rows) {
  /** Validates that every row has one value per column. */
  public WordTable {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("table name must be lower-case letters, digits and '-', got '" + name + "'");
    }
    columns = List.copyOf(columns);
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != columns.size()) {
        throw new IllegalArgumentException("table " + name + " row " + i + " has " + rows.get(i).size()
            + " values, expected " + columns.size());
      }
    }
    rows = List.copyOf(rows);
  }
}
