package org.embdiff.claims;

/**
 * One control applied to a claim: the claim's difference measured again under it (and under every
 * control before it), and the verdict that interval alone gives.
 *
 * @param name the control's name ({@link Control#label()})
 * @param detail what exactly was done ("harmonised vocabulary, both sides' top 3,231 types")
 * @param interval the difference under this control and the ones before it
 * @param verdict the verdict of {@code interval} alone (set by {@link Claim})
 */
public record ControlStep(String name, String detail, Interval interval, Verdict verdict) {
  /** Validates: a named control with an interval. */
  public ControlStep {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a control step needs a name");
    }
    if (interval == null) {
      throw new IllegalArgumentException("control step '" + name + "' needs an interval");
    }
    detail = detail == null || detail.isBlank() ? name : detail;
  }

  /** A step under {@code control}, its verdict still to be decided. */
  public static ControlStep of(Control control, String detail, Interval interval) {
    return new ControlStep(control.label(), detail, interval, null);
  }
}
