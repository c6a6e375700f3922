package org.embdiff.compare;

import java.util.List;
import java.util.Set;

/**
 * A declared dependency of an {@link Analysis} on the run's inputs: an input on both sides or on
 * at least one, an evaluation file, or any one of several requirements. The runner loads the
 * union of the inputs the selected analyses name and skips an analysis, with
 * {@link #unmet}'s reason, when one of its requirements is not met.
 */
public sealed interface Requirement {
  /** Null when met by the loaded sides and the settings, else why not (in words). */
  String unmet(Side a, Side b, CompareSettings settings);

  /** The side inputs this requirement reads (the runner loads them). */
  Set<Input> inputs();

  /** {@code input} on both sides. */
  static Requirement onBothSides(Input input) {
    return new OnSides(input, true);
  }

  /** {@code input} on at least one side. */
  static Requirement onEitherSide(Input input) {
    return new OnSides(input, false);
  }

  /** Always met: the analysis uses {@code input} when a side has it (the runner loads it). */
  static Requirement usesWhenPresent(Input input) {
    return new Optional(input);
  }

  /** An evaluation file of the settings. */
  static Requirement file(EvaluationFile file) {
    return new File(file);
  }

  /** Met when {@code test} holds for the run's settings; {@code missing} says what is not set otherwise. */
  static Requirement setting(String missing, java.util.function.Predicate<CompareSettings> test) {
    return new Setting(missing, test);
  }

  /** At least one of {@code options}; {@code reason} says what is missing otherwise. */
  static Requirement anyOf(String reason, Requirement... options) {
    return new AnyOf(reason, List.of(options));
  }

  /** The evaluation files a run can be given. */
  enum EvaluationFile {
    /** Analogy questions. */
    ANALOGIES("no analogy file given (questions-words.txt format)"),
    /** Word-pair similarity sets. */
    PAIRS("no word-pair files given (lines 'w1 w2 score')"),
    /** Labelled lexicons. */
    LEXICONS("no labelled lexicon given (Bing Liu, AFINN or WordNet supersenses)");

    private final String missing;

    EvaluationFile(String missing) {
      this.missing = missing;
    }

    boolean present(CompareSettings s) {
      return switch (this) {
        case ANALOGIES -> s.analogies() != null;
        case PAIRS -> !s.pairs().isEmpty();
        case LEXICONS -> !s.lexicons().isEmpty();
      };
    }
  }

  /** An input on both sides ({@code both}) or on at least one. */
  record OnSides(Input input, boolean both) implements Requirement {
    @Override
    public String unmet(Side a, Side b, CompareSettings settings) {
      boolean inA = input.presentIn(a);
      boolean inB = input.presentIn(b);
      if (both && !(inA && inB)) {
        return "needs " + input.description() + " on both sides (" + (inA ? b.name() : a.name()) + " has none)";
      }
      if (!both && !inA && !inB) {
        return "needs " + input.description() + " on at least one side; neither side has any";
      }
      return null;
    }

    @Override
    public Set<Input> inputs() {
      return Set.of(input);
    }
  }

  /** An input used when present. */
  record Optional(Input input) implements Requirement {
    @Override
    public String unmet(Side a, Side b, CompareSettings settings) {
      return null;
    }

    @Override
    public Set<Input> inputs() {
      return Set.of(input);
    }
  }

  /** An evaluation file. */
  record File(EvaluationFile file) implements Requirement {
    @Override
    public String unmet(Side a, Side b, CompareSettings settings) {
      return file.present(settings) ? null : file.missing;
    }

    @Override
    public Set<Input> inputs() {
      return Set.of();
    }
  }

  /** A condition on the settings. */
  record Setting(String missing, java.util.function.Predicate<CompareSettings> test) implements Requirement {
    @Override
    public String unmet(Side a, Side b, CompareSettings settings) {
      return test.test(settings) ? null : missing;
    }

    @Override
    public Set<Input> inputs() {
      return Set.of();
    }
  }

  /** Any one of several requirements. */
  record AnyOf(String reason, List<Requirement> options) implements Requirement {
    @Override
    public String unmet(Side a, Side b, CompareSettings settings) {
      return options.stream().anyMatch(o -> o.unmet(a, b, settings) == null) ? null : reason;
    }

    @Override
    public Set<Input> inputs() {
      return options.stream().flatMap(o -> o.inputs().stream()).collect(java.util.stream.Collectors.toSet());
    }
  }
}
