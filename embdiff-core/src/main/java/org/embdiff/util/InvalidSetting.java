package org.embdiff.util;

/**
 * A setting with a value outside its range: names the setting (in words, not as a command-line
 * flag; the command line maps it to its flag), the value given and what is expected.
 */
public final class InvalidSetting extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String setting;
  private final String value;
  private final String expected;

  /** {@code setting} was {@code value}, expected {@code expected}. */
  public InvalidSetting(String setting, String value, String expected) {
    super(setting + " must be " + expected + ", got " + value);
    this.setting = setting;
    this.value = value;
    this.expected = expected;
  }

  /** The setting, in words ("threads"). */
  public String setting() {
    return setting;
  }

  /** The value given. */
  public String value() {
    return value;
  }

  /** What is expected ("at least 1"). */
  public String expected() {
    return expected;
  }
}
