package org.embdiff.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.embdiff.claims.Claim;

/**
 * Everything a run produced: provenance, one result per analysis (in registration order) and the
 * claims table (every analysis's claims, in the same order).
 *
 * @param header provenance of the run
 * @param results per analysis
 */
public record CompareResult(RunHeader header, List<AnalysisResult<?>> results) {
  /** Copies. */
  public CompareResult {
    results = List.copyOf(results);
  }

  /** The claims of every analysis, in registration order. */
  public List<Claim> claims() {
    List<Claim> out = new ArrayList<>();
    results.forEach(r -> out.addAll(r.claims()));
    return out;
  }

  /** The result of analysis {@code id}, if it was part of the run. */
  public Optional<AnalysisResult<?>> result(String id) {
    return results.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The record of {@code type}, when an analysis of the run produced one. */
  public <R extends Record> Optional<R> record(Class<R> type) {
    return results.stream().filter(r -> r.isOk() && type.isInstance(r.record())).map(r -> type.cast(r.record()))
        .findFirst();
  }

  /** Every per-word table, sorted by name. */
  public List<WordTable> tables() {
    return results.stream().flatMap(r -> r.tables().stream()).sorted(Comparator.comparing(WordTable::name)).toList();
  }
}
