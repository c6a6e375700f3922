package org.embdiff.inference;

/**
 * One analysis' evidence for a claim: an interval for the claimed difference, the number of
 * independent units behind it, and the control applied; or, when it could not be computed, what is
 * missing in the user's words.
 *
 * @param interval the difference with its interval; null when missing
 * @param size independent units behind the interval (words, documents, question clusters)
 * @param control the control applied ("none" for the naive analysis, "common dimension 25", ...)
 * @param missing what is missing, in the user's words; null when measured
 */
public record Measurement(Interval interval, long size, String control, String missing) {
  /** Validates: exactly one of interval and missing. */
  public Measurement {
    if ((interval == null) == (missing == null)) {
      throw new IllegalArgumentException("a measurement has either an interval or a reason it is missing, not "
          + (interval == null ? "neither" : "both"));
    }
    if (size < 0) {
      throw new IllegalArgumentException("measurement size must be >= 0, got " + size);
    }
    if (control == null || control.isBlank()) {
      throw new IllegalArgumentException("measurement control must be named (\"none\" for the naive analysis)");
    }
  }

  /** A naive measurement (no control). */
  public static Measurement naive(Interval interval, long size) {
    return new Measurement(interval, size, "none", null);
  }

  /** A measurement under {@code control}. */
  public static Measurement controlled(Interval interval, long size, String control) {
    return new Measurement(interval, size, control, null);
  }

  /** A measurement that could not be made: {@code missing} names the missing input in the user's words. */
  public static Measurement missing(String control, String missing) {
    return new Measurement(null, 0, control, missing);
  }

  /** Whether there is an interval. */
  public boolean measured() {
    return interval != null;
  }
}
