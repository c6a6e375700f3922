package org.embdiff.compare;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.embdiff.claims.Claim;

/**
 * One analysis in a run: its typed result ({@code status = ok}) or the reason it is absent, with
 * its provenance and the claims it emitted.
 *
 * @param id the analysis id
 * @param title the analysis title
 * @param status ok, skipped or failed
 * @param reason why it was skipped or failed; null when ok
 * @param recordType simple name of the record's class (tells a reader of report.json how to read {@code record})
 * @param provenance seed stream and time
 * @param record the result; null unless ok
 * @param claims the claims this analysis decided (not-measurable ones when it did not run)
 * @param tables per-word CSV exports (not serialised into report.json)
 * @param <R> the record type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalysisResult<R extends Record>(String id, String title, Status status, String reason, String recordType,
    Provenance provenance, R record, List<Claim> claims, @JsonIgnore List<WordTable> tables) {
  /** Validates and copies. */
  public AnalysisResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    if (status == Status.OK && record == null) {
      throw new IllegalArgumentException("analysis '" + id + "' is ok but has no record");
    }
    if (status != Status.OK && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("analysis '" + id + "' is " + status.label() + " without a reason");
    }
    claims = List.copyOf(claims);
    tables = tables == null ? List.of() : List.copyOf(tables);
  }

  /** Whether a result is present. */
  @JsonIgnore
  public boolean isOk() {
    return status == Status.OK;
  }
}
