package org.embdiff.util;

import java.util.Map;

/**
 * Advice inside an error message that names a setting in words ("set the vector format to glove"),
 * never as a command-line flag. A front end with a flag for the setting rewrites the advice with
 * {@link #rewrite} ("use --format glove"); a library caller reads the words.
 */
public final class SettingAdvice {
  private SettingAdvice() {}

  /** Advice for a cache written by an older embdiff; a front end names its own conversion command. */
  public static final String RECREATE_CACHE = "re-create the cache from its source vectors";

  /** "set the SETTING to VALUE": the words a message uses to advise a value for a setting. */
  public static String set(String setting, String value) {
    return "set the " + setting + " to " + value;
  }

  /** "set the SETTING": advice to choose a setting, without a value. */
  public static String set(String setting) {
    return "set the " + setting;
  }

  /** The message with the advice for each setting in {@code flags} (setting in words to its flag) as "use FLAG [VALUE]". */
  public static String rewrite(String message, Map<String, String> flags) {
    String out = message;
    for (Map.Entry<String, String> e : flags.entrySet()) {
      out = out.replace(set(e.getKey(), ""), "use " + e.getValue() + " ").replace(set(e.getKey()), "use " + e.getValue());
    }
    return out;
  }
}
