package org.embdiff.claims;

/**
 * One claim of the source document with its measured evidence and computed verdict.
 *
 * @param id stable id ("entropy.b-greater")
 * @param statement the claim in words, with the side names ("H_twitter > H_wiki")
 * @param sideA name of side A
 * @param sideB name of side B
 * @param valueA the measured value on side A (or of the first group), null when not measurable
 * @param valueB the measured value on side B (or of the second group), null when not measurable
 * @param difference the tested quantity (usually B - A) with its interval, null when not measurable
 * @param test the procedure that produced the interval and p-value, named
 * @param pValue a p-value when the test gives one, else null
 * @param direction the direction the claim states for {@code difference}
 * @param verdict the computed verdict
 * @param missing the missing input, named, when the verdict is NOT_MEASURABLE
 * @param note anything a reader needs to interpret the numbers
 */
public record Claim(String id, String statement, String sideA, String sideB, Double valueA, Double valueB,
    Interval difference, String test, Double pValue, Direction direction, Verdict verdict, String missing, String note) {

  /** A claim that cannot be measured because {@code missing} is absent. */
  public static Claim notMeasurable(String id, String statement, String sideA, String sideB, Direction direction,
      String missing) {
    return new Claim(id, statement, sideA, sideB, null, null, null, null, null, direction, Verdict.NOT_MEASURABLE,
        missing, null);
  }

  /** A measured claim; the verdict is computed from {@code difference} and {@code direction}. */
  public static Claim measured(String id, String statement, String sideA, String sideB, double valueA, double valueB,
      Interval difference, String test, Double pValue, Direction direction, String note) {
    return new Claim(id, statement, sideA, sideB, valueA, valueB, difference, test, pValue, direction,
        Verdict.decide(difference, direction), null, note);
  }
}
