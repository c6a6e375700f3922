package org.embdiff.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters that check a number's range while the command line is parsed, so that a value out of
 * range is a usage error (exit 2) naming the option, before any work starts.
 */
final class Ranges {
  private Ranges() {}

  /** A converter that knows its smallest accepted value (tests use it to go one below). */
  interface Bounded {
    /** The smallest accepted value, as text. */
    String min();

    /** Whether the smallest value itself is refused (an open bound, e.g. > 0). */
    default boolean exclusive() {
      return false;
    }
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number");
    }
  }

  private static double parseDouble(String value) {
    double d;
    try {
      d = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a number");
    }
    if (!Double.isFinite(d)) {
      throw new TypeConversionException("'" + value + "' is not a finite number");
    }
    return d;
  }

  private static int atLeast(String value, long min) {
    long v = parseLong(value);
    if (v < min || v > Integer.MAX_VALUE) {
      throw new TypeConversionException("must be " + (min == 0 ? "0 or more" : "at least " + min) + ", got " + value.strip());
    }
    return (int) v;
  }

  /** An int from {@code min} to {@code max}; {@code outOfRange} words a larger value. */
  abstract static class IntRange implements ITypeConverter<Integer>, Bounded {
    private final int min;
    private final int max;
    private final String outOfRange;

    IntRange(int min, int max, String outOfRange) {
      this.min = min;
      this.max = max;
      this.outOfRange = outOfRange;
    }

    @Override
    public Integer convert(String value) {
      int v = atLeast(value, min);
      if (v > max) {
        throw new TypeConversionException(outOfRange + ", got " + value.strip());
      }
      return v;
    }

    @Override
    public String min() {
      return Integer.toString(min);
    }
  }

  /** A finite number above {@code min} (or at least it, when not {@code exclusive}). */
  abstract static class DoubleFloor implements ITypeConverter<Double>, Bounded {
    private final double min;
    private final boolean exclusive;

    DoubleFloor(double min, boolean exclusive) {
      this.min = min;
      this.exclusive = exclusive;
    }

    @Override
    public Double convert(String value) {
      double d = parseDouble(value);
      if (exclusive ? !(d > min) : d < min) {
        throw new TypeConversionException((exclusive ? "must be greater than 0" : "must be 0 or more") + ", got "
            + value.strip());
      }
      return d;
    }

    @Override
    public String min() {
      return "0";
    }

    @Override
    public boolean exclusive() {
      return exclusive;
    }
  }

  /** An int of at least 1. */
  static final class PositiveInt extends IntRange {
    PositiveInt() {
      super(1, Integer.MAX_VALUE, "");
    }
  }

  /** An int of at least 0. */
  static final class NonNegativeInt extends IntRange {
    NonNegativeInt() {
      super(0, Integer.MAX_VALUE, "");
    }
  }

  /** An int of at least 2 (e.g. bins, folds). */
  static final class AtLeastTwo extends IntRange {
    AtLeastTwo() {
      super(2, Integer.MAX_VALUE, "");
    }
  }

  /** GloVe's model number: 0, 1 or 2. */
  static final class GloveModelNumber extends IntRange {
    GloveModelNumber() {
      super(0, 2, "must be 0, 1 or 2");
    }
  }

  /** The largest neighbour-overlap k: 100 or 1000. */
  static final class OverlapK extends IntRange {
    OverlapK() {
      super(100, 1000, "must be 100 or 1000");
    }

    @Override
    public Integer convert(String value) {
      int v = super.convert(value);
      if (v != 100 && v != 1000) {
        throw new TypeConversionException("must be 100 or 1000, got " + value.strip());
      }
      return v;
    }
  }

  /** A TCP port: 0 (any free port) to 65535. */
  static final class Port extends IntRange {
    Port() {
      super(0, 65_535, "must be a port from 0 to 65535");
    }
  }

  /** A finite number above 0. */
  static final class PositiveDouble extends DoubleFloor {
    PositiveDouble() {
      super(0, true);
    }
  }

  /** A finite number of at least 0. */
  static final class NonNegativeDouble extends DoubleFloor {
    NonNegativeDouble() {
      super(0, false);
    }
  }

  /** A long of at least 1. */
  static final class PositiveLong implements ITypeConverter<Long>, Bounded {
    @Override
    public Long convert(String value) {
      long v = parseLong(value);
      if (v < 1) {
        throw new TypeConversionException("must be at least 1, got " + value.strip());
      }
      return v;
    }

    @Override
    public String min() {
      return "1";
    }
  }

  /** A long of at least 0. */
  static final class NonNegativeLong implements ITypeConverter<Long>, Bounded {
    @Override
    public Long convert(String value) {
      long v = parseLong(value);
      if (v < 0) {
        throw new TypeConversionException("must be at least 0, got " + value.strip());
      }
      return v;
    }

    @Override
    public String min() {
      return "0";
    }
  }
}
