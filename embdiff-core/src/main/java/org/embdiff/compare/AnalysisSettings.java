package org.embdiff.compare;

import java.util.Objects;
import org.embdiff.align.ShiftSettings;
import org.embdiff.attention.AttentionSettings;
import org.embdiff.claims.Margins;
import org.embdiff.geometry.GeometrySettings;
import org.embdiff.stats.CorpusStatistics;
import org.embdiff.transfer.TransferSettings;
import org.embdiff.util.InvalidSetting;

/**
 * The settings of the analyses that have their own (the same records the single-analysis
 * commands fill from their options). Seeds inside them are ignored: each analysis seeds from its
 * own stream ({@link org.embdiff.util.Seeds}).
 *
 * @param attention the attention probe
 * @param transfer the transfer experiment
 * @param geometry the geometry measures
 * @param shift the alignment and shift (its lists are the run's top words and probe words)
 * @param statistics the word statistics of the counts (distributions, divergence, the corpus comparison)
 * @param controlled the controlled comparison (both sides trained alike on their corpora), or null for none
 * @param margins every claim's margin: the defaults and the user's overrides
 */
public record AnalysisSettings(Attention attention, Transfer transfer, GeometrySettings geometry, ShiftSettings shift,
    CorpusStatistics.Settings statistics, Controlled controlled, Margins margins) {
  /** Validates. */
  public AnalysisSettings {
    Objects.requireNonNull(attention, "attention");
    Objects.requireNonNull(transfer, "transfer");
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(shift, "shift");
    Objects.requireNonNull(statistics, "statistics");
    margins = margins == null ? Margins.defaults() : margins;
  }

  /** Settings without a controlled comparison. */
  public AnalysisSettings(Attention attention, Transfer transfer, GeometrySettings geometry, ShiftSettings shift,
      CorpusStatistics.Settings statistics) {
    this(attention, transfer, geometry, shift, statistics, null, Margins.defaults());
  }

  /** With a controlled comparison (null: none). */
  public AnalysisSettings withControlled(Controlled c) {
    return new AnalysisSettings(attention, transfer, geometry, shift, statistics, c, margins);
  }

  /** The trainer of a controlled comparison. */
  public enum Trainer {
    /** Skip-gram with negative sampling. */
    SGNS,
    /** GloVe. */
    GLOVE
  }

  /**
   * A controlled comparison: both sides' corpora cut to one token budget (the larger subsampled by
   * document to the smaller's size, or both to {@code maxTokens}), the same vocabulary rule, and
   * spaces trained with identical settings; with {@code replicates} >= 3, each side also gets that
   * many bootstrap replicates, whose within-domain differences are the null of every shift measure.
   *
   * @param trainer the trainer
   * @param dim vector dimension
   * @param epochs passes over the corpus (GloVe: iterations)
   * @param window context window
   * @param minCount vocabulary rule applied to every (sub)sample
   * @param replicates bootstrap replicates per side (0 = none: the shift has no null)
   * @param maxTokens largest token budget per side (0 = the smaller side's size)
   * @param cache directory of trained spaces keyed by their training input and settings, or null for none
   */
  public record Controlled(Trainer trainer, int dim, int epochs, int window, long minCount, int replicates, long maxTokens,
      java.nio.file.Path cache) {
    /** Validates. */
    public Controlled {
      Objects.requireNonNull(trainer, "trainer");
      if (dim < 1 || dim > 10_000) {
        throw new InvalidSetting("trained dimension", Integer.toString(dim), "in 1..10000");
      }
      if (epochs < 1) {
        throw new InvalidSetting("training epochs", Integer.toString(epochs), "at least 1");
      }
      if (window < 1 || window > 1000) {
        throw new InvalidSetting("training window", Integer.toString(window), "in 1..1000");
      }
      if (minCount < 1) {
        throw new InvalidSetting("training min-count", Long.toString(minCount), "at least 1");
      }
      if (replicates != 0 && replicates < 3) {
        throw new InvalidSetting("replicates", Integer.toString(replicates), "0 (none) or at least 3");
      }
      if (maxTokens < 0) {
        throw new InvalidSetting("token budget", Long.toString(maxTokens), "0 (the smaller side) or positive");
      }
    }
  }

  /** The defaults. */
  public static AnalysisSettings defaults() {
    return new AnalysisSettings(Attention.defaults(), Transfer.defaults(), GeometrySettings.defaults(), ShiftSettings.defaults(),
        CorpusStatistics.Settings.defaults(0), null, Margins.defaults());
  }

  /** With other claim margins. */
  public AnalysisSettings withMargins(Margins m) {
    return new AnalysisSettings(attention, transfer, geometry, shift, statistics, controlled, m);
  }

  /** With other attention settings. */
  public AnalysisSettings withAttention(Attention a) {
    return new AnalysisSettings(a, transfer, geometry, shift, statistics, controlled, margins);
  }

  /** With other transfer settings. */
  public AnalysisSettings withTransfer(Transfer t) {
    return new AnalysisSettings(attention, t, geometry, shift, statistics, controlled, margins);
  }

  /** With other geometry settings. */
  public AnalysisSettings withGeometry(GeometrySettings g) {
    return new AnalysisSettings(attention, transfer, g, shift, statistics, controlled, margins);
  }

  /** With other shift settings. */
  public AnalysisSettings withShift(ShiftSettings s) {
    return new AnalysisSettings(attention, transfer, geometry, s, statistics, controlled, margins);
  }

  /** With other word-statistics settings. */
  public AnalysisSettings withStatistics(CorpusStatistics.Settings s) {
    return new AnalysisSettings(attention, transfer, geometry, shift, s, controlled, margins);
  }

  /**
   * Attention probe settings.
   *
   * @param sentencesPerSide sentences sampled from each side's corpora (shared equally among its files)
   * @param probe the probe's own settings
   */
  public record Attention(int sentencesPerSide, AttentionSettings probe) {
    /** Validates. */
    public Attention {
      if (sentencesPerSide < 1) {
        throw new InvalidSetting("sentences per side", Integer.toString(sentencesPerSide), "at least 1");
      }
      Objects.requireNonNull(probe, "probe");
    }

    /** 60 sentences per side and the probe's defaults. */
    public static Attention defaults() {
      return new Attention(60, AttentionSettings.defaults(0));
    }
  }

  /** How the transfer experiment reaches the training space with the other side's vectors. */
  public enum TransferMap {
    /** An affine least-squares map refitted per split without that split's test words. */
    LSTSQ,
    /** Orthogonal Procrustes in the alignment module's common space (equal dimensions). */
    PROCRUSTES,
    /** PCA to the smaller dimension, then Procrustes, in the alignment module's common space. */
    PCA_PROCRUSTES;

    /** The user word: lstsq, procrustes or pca-procrustes. */
    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * Transfer experiment settings.
   *
   * @param experiment the experiment's own settings
   * @param map how vectors are mapped
   */
  public record Transfer(TransferSettings experiment, TransferMap map) {
    /** Validates. */
    public Transfer {
      Objects.requireNonNull(experiment, "experiment");
      Objects.requireNonNull(map, "map");
    }

    /** The experiment's defaults with the least-squares map. */
    public static Transfer defaults() {
      return new Transfer(TransferSettings.defaults(0), TransferMap.LSTSQ);
    }
  }
}
