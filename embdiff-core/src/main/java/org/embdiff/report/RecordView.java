package org.embdiff.report;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * The view of a result record that has no view of its own: one headline table with its numeric
 * and text components (nested records are listed by their components' names). So a new analysis
 * appears in the report before anyone writes its view.
 */
final class RecordView {
  private RecordView() {}

  static SectionView of(Record record) {
    KeyTable.Builder key = new KeyTable.Builder(record.getClass().getSimpleName(), List.of("value"));
    add(key, "", record, 0);
    return new SectionView.Builder("The result's values; this analysis has no dedicated view.").keyTable(key.build()).build();
  }

  private static void add(KeyTable.Builder key, String prefix, Record record, int depth) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      String name = prefix + c.getName();
      if (v instanceof Number n) {
        key.row(name, null, Cell.of(n.doubleValue()));
      } else if (v instanceof CharSequence || v instanceof Enum<?> || v instanceof Boolean) {
        key.row(name, null, Cell.text(v.toString()));
      } else if (v instanceof Record r && depth < 2) {
        add(key, name + ".", r, depth + 1);
      }
    }
  }
}
