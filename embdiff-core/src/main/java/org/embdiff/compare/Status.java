package org.embdiff.compare;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an analysis produced a result. */
public enum Status {
  /** A result is present. */
  OK,
  /** An input was missing or unusable; the reason says which. */
  SKIPPED,
  /** The analysis threw; the reason is the message. */
  FAILED;

  /** "ok", "skipped" or "failed", as written in reports. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
