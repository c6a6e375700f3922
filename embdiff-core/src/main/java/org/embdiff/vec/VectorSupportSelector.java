package org.embdiff.vec;

import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Chooses the {@link VectorUtilSupport} once per JVM (the holder lives in {@link VectorUtil}).
 *
 * <p>The Vector API implementation is loaded by name, so nothing here links against {@code
 * jdk.incubator.vector}. It is enabled on every JDK it was measured faster on, 17 to 25, when the
 * module is added: the blocked kernels ran at 8-10x scalar on OpenJDK 17 and Temurin 25 alike (JMH
 * {@code NeighborsBenchmark}, docs/BENCHMARKS.md; an earlier reduce-per-pair kernel was slower than
 * scalar on 17, hence the version check). The system property
 * {@code embdiff.simd} overrides: {@code auto} (default), {@code on} (any JDK with the module,
 * for benchmarks), {@code off}. Every refusal logs one line saying why and how to enable it.
 */
final class VectorSupportSelector {
  /** The property that overrides the choice. */
  static final String PROPERTY = "embdiff.simd";
  /** First Java feature release the Vector API kernels are enabled on by default. */
  static final int MIN_JAVA = 17;
  static final String MODULE = "jdk.incubator.vector";
  private static final String SIMD_CLASS = "org.embdiff.vec.PanamaVectorUtilSupport";
  private static final System.Logger LOG = System.getLogger(VectorUtil.class.getName());

  private VectorSupportSelector() {}

  /**
   * The chosen kernels and, when scalar, why the Vector API was refused; {@code actionable} when
   * the refusal is a misconfiguration rather than policy (JDK 17, explicit off).
   */
  record Choice(VectorUtilSupport support, String note, boolean actionable) {}

  /** Chooses for this JVM and logs a refusal. */
  static Choice select() {
    boolean moduleLoaded = ModuleLayer.boot().findModule(MODULE).isPresent();
    Choice choice = select(Runtime.version().feature(), System.getProperty(PROPERTY, "auto"), moduleLoaded);
    if (choice.support() instanceof ScalarVectorUtilSupport) {
      LOG.log(level(choice), "embdiff: scalar kernels: " + choice.note());
    }
    return choice;
  }

  // a refusal the user can act on is INFO; the by-design cases (JDK 17, explicit off) are DEBUG
  private static Level level(Choice choice) {
    return choice.actionable() ? Level.INFO : Level.DEBUG;
  }

  /** The decision, as a pure function of the environment (tested without the module). */
  static Choice select(int javaFeature, String setting, boolean moduleLoaded) {
    String mode = setting == null ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
    switch (mode) {
      case "off", "false", "scalar":
        return scalar("Vector API disabled by -D" + PROPERTY + "=" + setting + "; use -D" + PROPERTY + "=auto to allow it", false);
      case "on", "true", "force", "auto", "":
        break;
      default:
        return scalar("unknown -D" + PROPERTY + "=" + setting + " (expected auto, on or off)", true);
    }
    boolean forced = !mode.equals("auto") && !mode.isEmpty();
    if (javaFeature < MIN_JAVA && !forced) {
      return scalar("Java " + javaFeature + " < " + MIN_JAVA + ": the Vector API kernels were measured slower than scalar there;"
          + " run on JDK " + MIN_JAVA + "+ with --add-modules " + MODULE + " (the ./embdiff launcher does), or force with -D" + PROPERTY + "=on", false);
    }
    if (!moduleLoaded) {
      return scalar("module " + MODULE + " not loaded; add --add-modules " + MODULE + " to the java command line"
          + " (the ./embdiff launcher does on JDK " + MIN_JAVA + "+)", true);
    }
    try {
      Class<?> type = Class.forName(SIMD_CLASS);
      int bits = (int) type.getDeclaredMethod("preferredBitSize").invoke(null);
      if (bits < 256 && !forced) {
        return scalar("preferred vector width is " + bits + " bits, too narrow to beat scalar; force with -D" + PROPERTY + "=on", true);
      }
      return new Choice((VectorUtilSupport) type.getDeclaredConstructor().newInstance(), "", false);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return scalar("could not load the Vector API kernels (" + cause + "); run with -D" + PROPERTY + "=off to silence this", true);
    }
  }

  /** The Vector API kernels when they can be loaded in this JVM regardless of policy, else null (tests, benchmarks). */
  static VectorUtilSupport simdOrNull() {
    if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
      return null;
    }
    Choice choice = select(MIN_JAVA, "on", true);
    return choice.support() instanceof ScalarVectorUtilSupport ? null : choice.support();
  }

  private static Choice scalar(String why, boolean actionable) {
    return new Choice(ScalarVectorUtilSupport.INSTANCE, why, actionable);
  }
}
