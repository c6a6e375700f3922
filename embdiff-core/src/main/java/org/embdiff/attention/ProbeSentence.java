package org.embdiff.attention;

/**
 * A real sentence used to probe attention.
 *
 * @param source where it comes from (a side name or the bundled set's source label)
 * @param line 1-based line of the source file
 * @param text the sentence as written
 */
public record ProbeSentence(String source, int line, String text) {}
