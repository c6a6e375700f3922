package org.embdiff.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.embdiff.claims.ClaimInputs;

/**
 * What every analysis of one run sees: the settings, the two loaded sides, the CSV tables
 * produced so far, and intermediate results shared between analyses (e.g. the alignment that
 * shift, projection and transfer all need), each computed once by whichever analysis asks first.
 */
public final class CompareContext {
  private final CompareSettings settings;
  private final Side a;
  private final Side b;
  private final List<WordTable> tables = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, FutureTask<Object>> shared = new ConcurrentHashMap<>();
  private final ClaimInputs.Builder claimInputs;

  /** A context for one run. */
  public CompareContext(CompareSettings settings, Side a, Side b) {
    this.settings = settings;
    this.a = a;
    this.b = b;
    this.claimInputs = ClaimInputs.builder(a.name(), b.name());
  }

  /**
   * Adds an analysis's evidence to the inputs of the claims table (thread-safe: analyses run in
   * parallel).
   */
  public void contributeClaims(Consumer<ClaimInputs.Builder> contribution) {
    synchronized (claimInputs) {
      contribution.accept(claimInputs);
    }
  }

  /** The claim inputs contributed so far. */
  public ClaimInputs claimInputs() {
    synchronized (claimInputs) {
      return claimInputs.build();
    }
  }

  /** The settings. */
  public CompareSettings settings() {
    return settings;
  }

  /** Side A. */
  public Side a() {
    return a;
  }

  /** Side B. */
  public Side b() {
    return b;
  }

  /** Adds a per-word table to be written as CSV. */
  public void addTable(WordTable table) {
    tables.add(table);
  }

  /** The CSV tables added so far, sorted by name. */
  public List<WordTable> tables() {
    synchronized (tables) {
      return tables.stream().sorted(java.util.Comparator.comparing(WordTable::name)).toList();
    }
  }

  /** A computation shared between analyses. */
  @FunctionalInterface
  public interface Computation<T> {
    /** Computes the value. */
    T compute() throws Exception;
  }

  /**
   * The value stored under {@code key}, computed by {@code computation} on first use; later
   * callers (on any thread) wait for and reuse it. A failure is rethrown to every caller.
   */
  @SuppressWarnings("unchecked")
  public <T> T shared(String key, Computation<T> computation) throws Exception {
    FutureTask<Object> task = new FutureTask<>(computation::compute);
    FutureTask<Object> existing = shared.putIfAbsent(key, task);
    if (existing == null) {
      existing = task;
      task.run();
    }
    try {
      return (T) existing.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }
}
