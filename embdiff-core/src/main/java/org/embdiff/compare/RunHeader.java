package org.embdiff.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provenance of a run, captured when the run starts (and the stage times when it ends).
 *
 * @param tool "embdiff"
 * @param version embdiff version ("0.1.0-SNAPSHOT" or "development build")
 * @param created ISO-8601 UTC timestamp of the start of the run
 * @param sideA name of side A
 * @param sideB name of side B
 * @param inputs every input file, fingerprinted
 * @param settings every effective setting, by name (as strings, in a stable order)
 * @param seed the random seed of every randomised step
 * @param threads worker threads
 * @param stages time per stage, in the order they finished
 * @param totalSeconds wall-clock seconds of the whole run
 * @param java Java version and vendor
 * @param os operating system and architecture
 * @param kernelProvider the vector kernel implementation in use
 */
public record RunHeader(String tool, String version, String created, String sideA, String sideB,
    List<InputFingerprint> inputs, Map<String, String> settings, long seed, int threads, List<StageTiming> stages,
    double totalSeconds, String java, String os, String kernelProvider) {
  /** Copies. */
  public RunHeader {
    inputs = List.copyOf(inputs);
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    stages = List.copyOf(stages);
  }
}
