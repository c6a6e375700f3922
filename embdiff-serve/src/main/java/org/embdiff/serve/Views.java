package org.embdiff.serve;

import java.util.List;
import java.util.Map;

/** The records the explorer's JSON API returns (field names are the JSON names; see docs/SERVE.md). */
public final class Views {
  private Views() {}

  /** What is being explored. */
  public record Meta(String version, SideMeta a, SideMeta b, int shared, int searchWords, int tableWords, int overlapK, String tableNote, String alignment,
      Map<String, Double> alignmentDiagnostics, List<String> bands, List<String> measures, List<String> tags,
      List<String> probeWords, String nullModel, int maxK, boolean domainTerms, String domainNote, boolean shiftReady,
      boolean domainReady, String progress, String source) {}

  /** One side. */
  public record SideMeta(String name, String vectors, int words, int dim, String counts, long tokens, int exampleLines) {}

  /** A neighbour; {@code shared} when it is among the other side's top k too. */
  public record Neighbour(String word, double similarity, boolean shared) {}

  /** A corpus line around the word. */
  public record Example(String left, String match, String right) {}

  /**
   * The word view.
   *
   * @param found whether the word is in both vocabularies
   * @param message why not, when not
   * @param overlapK |top-k in A ∩ top-k in B| / k for the lists shown
   * @param shift the table row of the word, or null when it is beyond the table
   * @param deltaPercentile share of the word's frequency band with a smaller Delta_w (band null), or null
   * @param shiftReady false while the shift table is still being computed (then {@code shift} is null)
   */
  public record WordView(String word, boolean found, String message, boolean inA, boolean inB, int k, Long countA,
      Long countB, Double perMillionA, Double perMillionB, Integer rankA, Integer rankB, List<String> tags,
      List<Neighbour> neighboursA, List<Neighbour> neighboursB, Double overlapK, ShiftRow shift, Double deltaPercentile,
      Integer bandSize, List<Example> examplesA, List<Example> examplesB, List<String> suggestions, boolean shiftReady) {}

  /**
   * One row of the shift table.
   *
   * @param rankA 1-based frequency rank in A, null when A's counts lack the word
   * @param band frequency band of the rarer side
   * @param overlap100 null when the table's overlap k is below 100
   * @param overlap1000 null when the table's overlap k is below 1000
   * @param bandP share of the band with Delta_w at least this word's (the band null's upper tail), or null without Delta_w
   */
  public record ShiftRow(String word, Integer rankA, Integer rankB, String band, Double delta, Double cosineDistance, double overlap10,
      Double overlap100, Double overlap1000, double secondOrder, Double bandP, List<String> tags) {}

  /** A page of the shift table; while it is being computed, {@code ready} is false and {@code progress} says how far it is. */
  public record ShiftPage(boolean ready, String progress, int total, int offset, int limit, String sort, String order, List<ShiftRow> rows) {}

  /** A point of a small plot; {@code self} is the word itself, {@code shared} a neighbour both sides have. */
  public record Point(String word, double x, double y, boolean self, boolean shared) {}

  /** One small multiple: the word's neighbourhood in A and in B. */
  public record Multiple(String word, double overlapK, Double delta, List<Point> a, List<Point> b) {}

  /** The small multiples, lowest overlap first. */
  public record Multiples(boolean ready, String progress, int k, List<Multiple> words) {}

  /** A point of the domain-terms plot: log10 frequency per million on each side (add-0.5 counts), log-odds z. */
  public record Term(String word, long countA, long countB, double x, double y, double z, boolean inVectors, boolean label) {}

  /** The domain-terms plot; {@code ready} false (with the progress as {@code message}) while it is being computed. */
  public record DomainTerms(boolean ready, boolean available, String message, List<Term> terms, double priorStrength, int unionTypes) {}

  /** Answers in one space, or the reason there are none. */
  public record Answers(List<Neighbour> answers, String message) {}

  /** a : b :: c : ? in both spaces. */
  public record Analogy(String a, String b, String c, Answers inA, Answers inB) {}

  /** cos(w1, w2) in each space (null with a message when a word is missing). */
  public record Similarity(String w1, String w2, Double cosineA, String messageA, Double cosineB, String messageB) {}

  /** One word in the aligned 2D space: where B puts it (tail) and where A puts it (head). */
  public record Arrow(String word, double xb, double yb, double xa, double ya) {}

  /** The projection view. */
  public record Projection(boolean ready, List<Arrow> arrows, List<String> missing, double explainedVariance, String note) {}
}
