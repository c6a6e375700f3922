package org.embdiff.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One analysis in a report: either its result ({@code status = "ok"}) or the reason it is absent
 * ({@code "skipped"}: an input is missing or the analysis is not available; {@code "failed"}: it
 * threw, with the message). A report never has a blank section.
 *
 * @param id stable id used by the HTML and CSV ("distributions", "shift", ...)
 * @param title human title
 * @param status "ok", "skipped" or "failed"
 * @param reason why it was skipped or failed; null when ok
 * @param data the result (a record serialised by Jackson); null unless ok
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Section(String id, String title, String status, String reason, Object data) {
  /** Status of a section with a result. */
  public static final String OK = "ok";
  /** Status of a section whose inputs or implementation are missing. */
  public static final String SKIPPED = "skipped";
  /** Status of a section whose analysis threw. */
  public static final String FAILED = "failed";

  /** Validates. */
  public Section {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    if (!OK.equals(status) && !SKIPPED.equals(status) && !FAILED.equals(status)) {
      throw new IllegalArgumentException("section status must be ok, skipped or failed, got " + status);
    }
    if (OK.equals(status) && data == null) {
      throw new IllegalArgumentException("section '" + id + "' is ok but has no data");
    }
    if (!OK.equals(status) && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("section '" + id + "' is " + status + " without a reason");
    }
  }

  /** A section with a result. */
  public static Section ok(String id, String title, Object data) {
    return new Section(id, title, OK, null, data);
  }

  /** A section left out, with the reason. */
  public static Section skipped(String id, String title, String reason) {
    return new Section(id, title, SKIPPED, reason, null);
  }

  /** A section whose analysis threw. */
  public static Section failed(String id, String title, Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return new Section(id, title, FAILED, message, null);
  }

  /** Whether a result is present. */
  @JsonIgnore
  public boolean isOk() {
    return OK.equals(status);
  }
}
