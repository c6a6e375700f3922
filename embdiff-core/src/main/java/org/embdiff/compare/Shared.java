package org.embdiff.compare;

/**
 * A typed piece of work several analyses need (an alignment, a co-occurrence matrix), declared
 * once as a constant and computed at most once per run by whichever analysis asks first; the
 * others wait for and reuse the value. Keys are compared by identity, so there are no string keys
 * to collide; {@link #name} names the work's random stream and its stage in the timings.
 *
 * @param <T> the value
 */
public final class Shared<T> {
  /** The computation, given a context whose random stream is the work's own. */
  @FunctionalInterface
  public interface Computation<T> {
    /** Computes the value. */
    T compute(AnalysisContext context) throws Exception;
  }

  private final String name;
  private final boolean readsVectors;
  private final Computation<T> computation;

  private Shared(String name, boolean readsVectors, Computation<T> computation) {
    this.name = name;
    this.readsVectors = readsVectors;
    this.computation = computation;
  }

  /** Declares shared work {@code name} that may read the sides' vectors. */
  public static <T> Shared<T> of(String name, Computation<T> computation) {
    return new Shared<>(name, true, computation);
  }

  /**
   * Declares shared work {@code name} that reads only the sides' counts and corpora, never their
   * vectors, so the common-dimension control run (the same sides with reduced vectors) reuses its value.
   */
  public static <T> Shared<T> ofCounts(String name, Computation<T> computation) {
    return new Shared<>(name, false, computation);
  }

  /** Whether the work may read the sides' vectors. */
  public boolean readsVectors() {
    return readsVectors;
  }

  /** The name (random stream id and stage name). */
  public String name() {
    return name;
  }

  T compute(AnalysisContext context) throws Exception {
    return computation.compute(context);
  }

  @Override
  public String toString() {
    return "shared " + name;
  }
}
