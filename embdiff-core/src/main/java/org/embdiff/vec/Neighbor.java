package org.embdiff.vec;

/** One nearest neighbour: its row, its word and its cosine similarity to the query. */
public record Neighbor(int row, String word, float similarity) {}
