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

  /** An int of at least 1. */
  static final class PositiveInt implements ITypeConverter<Integer>, Bounded {
    @Override
    public Integer convert(String value) {
      return atLeast(value, 1);
    }

    @Override
    public String min() {
      return "1";
    }
  }

  /** An int of at least 0. */
  static final class NonNegativeInt implements ITypeConverter<Integer>, Bounded {
    @Override
    public Integer convert(String value) {
      return atLeast(value, 0);
    }

    @Override
    public String min() {
      return "0";
    }
  }

  /** An int of at least 2 (e.g. bins, folds). */
  static final class AtLeastTwo implements ITypeConverter<Integer>, Bounded {
    @Override
    public Integer convert(String value) {
      return atLeast(value, 2);
    }

    @Override
    public String min() {
      return "2";
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

  /** A finite number above 0. */
  static final class PositiveDouble implements ITypeConverter<Double>, Bounded {
    @Override
    public Double convert(String value) {
      double d = parseDouble(value);
      if (!(d > 0)) {
        throw new TypeConversionException("must be greater than 0, got " + value.strip());
      }
      return d;
    }

    @Override
    public String min() {
      return "0";
    }

    @Override
    public boolean exclusive() {
      return true;
    }
  }

  /** GloVe's model number: 0, 1 or 2. */
  static final class GloveModelNumber implements ITypeConverter<Integer>, Bounded {
    @Override
    public Integer convert(String value) {
      int v = atLeast(value, 0);
      if (v > 2) {
        throw new TypeConversionException("must be 0, 1 or 2, got " + value.strip());
      }
      return v;
    }

    @Override
    public String min() {
      return "0";
    }
  }

  /** A finite number of at least 0. */
  static final class NonNegativeDouble implements ITypeConverter<Double>, Bounded {
    @Override
    public Double convert(String value) {
      double d = parseDouble(value);
      if (d < 0) {
        throw new TypeConversionException("must be 0 or more, got " + value.strip());
      }
      return d;
    }

    @Override
    public String min() {
      return "0";
    }
  }

  /** A TCP port: 0 (any free port) to 65535. */
  static final class Port implements ITypeConverter<Integer>, Bounded {
    @Override
    public Integer convert(String value) {
      int v = atLeast(value, 0);
      if (v > 65_535) {
        throw new TypeConversionException("must be a port from 0 to 65535, got " + value.strip());
      }
      return v;
    }

    @Override
    public String min() {
      return "0";
    }
  }
}
