package org.embdiff.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of one report section, in the form every renderer understands: headline tables,
 * charts and record tables, with a "how to read this" text and notes (caveats, settings).
 *
 * @param howToRead short explanation of what the section shows and how to read it
 * @param notes caveats and how the numbers were computed
 * @param keyTables headline numbers
 * @param charts charts
 * @param tables record tables (e.g. the most shifted words)
 * @param summaryTables ids of the record tables the Markdown summary also lists in full
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SectionView(String howToRead, List<String> notes, List<KeyTable> keyTables, List<Chart> charts,
    List<DataTable> tables, List<String> summaryTables) {
  /** Copies. */
  public SectionView {
    notes = List.copyOf(notes);
    keyTables = List.copyOf(keyTables);
    charts = List.copyOf(charts);
    tables = List.copyOf(tables);
    summaryTables = List.copyOf(summaryTables);
  }

  /** Builds a view piece by piece. */
  public static final class Builder {
    private final String howToRead;
    private final List<String> notes = new ArrayList<>();
    private final List<KeyTable> keyTables = new ArrayList<>();
    private final List<Chart> charts = new ArrayList<>();
    private final List<DataTable> tables = new ArrayList<>();
    private final List<String> summaryTables = new ArrayList<>();

    /** Starts a view with its explanation. */
    public Builder(String howToRead) {
      this.howToRead = howToRead;
    }

    /** Adds a note. */
    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    /** Adds a headline table. */
    public Builder keyTable(KeyTable table) {
      keyTables.add(table);
      return this;
    }

    /** Adds a chart. */
    public Builder chart(Chart chart) {
      charts.add(chart);
      return this;
    }

    /** Adds a record table. */
    public Builder table(DataTable table) {
      tables.add(table);
      return this;
    }

    /** Adds a record table that the Markdown summary also lists in full. */
    public Builder summaryTable(DataTable table) {
      summaryTables.add(table.id());
      return table(table);
    }

    /** The view. */
    public SectionView build() {
      return new SectionView(howToRead, notes, keyTables, charts, tables, summaryTables);
    }
  }
}
