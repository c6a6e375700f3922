package org.embdiff.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an option or parameter that names where a command writes. {@link OutputCheck} checks every
 * marked path before the command starts, so an unwritable destination fails in a second, not after
 * the work.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Output {
  /** What the path is, for the message. */
  Kind value();

  /** Kinds of destinations. */
  enum Kind {
    /** A file written atomically (temp file beside it, then renamed). */
    FILE("", false),
    /** A folder files are written into. */
    FOLDER("the output folder ", true),
    /** The report folder, replaced as a whole. */
    REPORT_FOLDER("the report folder ", true);

    final String label;
    final boolean folder;

    Kind(String label, boolean folder) {
      this.label = label;
      this.folder = folder;
    }
  }
}
