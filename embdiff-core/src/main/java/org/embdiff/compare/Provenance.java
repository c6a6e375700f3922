package org.embdiff.compare;

/**
 * Where one result came from: its random stream and seed, and how long it took. The run's inputs,
 * settings and environment are in the {@link RunHeader}.
 *
 * @param stream the random stream id (the analysis id)
 * @param seed the seed of that stream, derived from the root seed and the stream id
 * @param rootSeed the run's root seed
 * @param seconds wall-clock seconds of the analysis
 */
public record Provenance(String stream, long seed, long rootSeed, double seconds) {}
