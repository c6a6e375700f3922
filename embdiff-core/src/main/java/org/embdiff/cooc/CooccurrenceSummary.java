package org.embdiff.cooc;

/**
 * What a co-occurrence count produced.
 *
 * @param vocabularySize words (rows and columns)
 * @param tokens tokens read (in and out of the vocabulary)
 * @param vocabularyTokens tokens in the vocabulary (the ones that count)
 * @param records non-zero entries X_ij written (nnz)
 * @param sum sum of all X_ij (summed in record order, in double)
 * @param max largest X_ij
 * @param density nnz / V^2
 * @param maxProduct dense-table bound: pairs with rank(i) * rank(j) up to about this were
 *     counted in the dense array (as {@code cooccur}'s {@code -max-product})
 * @param runs sorted runs of sparse pairs made
 * @param spilledRuns of which written to disk because of the memory bound
 * @param powerLaw exponent of the value distribution
 * @param seconds wall time
 */
public record CooccurrenceSummary(
    int vocabularySize,
    long tokens,
    long vocabularyTokens,
    long records,
    double sum,
    double max,
    double density,
    long maxProduct,
    int runs,
    int spilledRuns,
    PowerLawFit powerLaw,
    double seconds) {}
