package org.embdiff.io;

import org.embdiff.vec.EmbeddingSpace;

/** A loaded space and what the load found. */
public record LoadedVectors(EmbeddingSpace space, LoadSummary summary) {}
