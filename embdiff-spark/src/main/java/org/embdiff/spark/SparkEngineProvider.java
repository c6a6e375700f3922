package org.embdiff.spark;

import org.embdiff.cooc.CountingEngine;
import org.embdiff.cooc.CountingEngineProvider;
import org.embdiff.cooc.EngineSettings;

/** Provides the {@code spark} counting engine; refuses, in one line, a JDK that Spark 4.0 does not run on. */
public final class SparkEngineProvider implements CountingEngineProvider {
  /** The newest JDK feature release Spark 4.0 supports. */
  static final int NEWEST_JDK = 21;

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public CountingEngine open(EngineSettings settings) {
    checkJdk(Runtime.version().feature(), System.getProperty("java.home"));
    return new SparkCountingEngine(settings);
  }

  /** Throws when {@code feature} is not 17..21. */
  static void checkJdk(int feature, String javaHome) {
    if (feature < 17 || feature > NEWEST_JDK) {
      throw new IllegalStateException("Apache Spark 4.0 runs on JDK 17 or 21, not JDK " + feature + " (" + javaHome
          + "); run it with a JDK 17 or 21 (set JAVA_HOME, or EMBDIFF_JAVA for ./embdiff)");
    }
  }
}
