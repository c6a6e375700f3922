package org.embdiff.compare;

import java.util.Objects;
import org.embdiff.align.ShiftSettings;
import org.embdiff.attention.AttentionSettings;
import org.embdiff.claims.Margins;
import org.embdiff.geometry.GeometrySettings;
import org.embdiff.transfer.TransferSettings;

/**
 * The settings of the analyses that have their own (the same records the single-analysis
 * commands fill from their options). Seeds inside them are ignored: each analysis seeds from its
 * own stream ({@link Seeds}).
 *
 * @param attention the attention probe
 * @param transfer the transfer experiment
 * @param geometry the geometry measures
 * @param shift the alignment and shift (its lists are the run's top words and probe words)
 * @param margins every claim's margin: the defaults and the user's overrides
 */
public record AnalysisSettings(Attention attention, Transfer transfer, GeometrySettings geometry, ShiftSettings shift,
    Margins margins) {
  /** Validates. */
  public AnalysisSettings {
    Objects.requireNonNull(attention, "attention");
    Objects.requireNonNull(transfer, "transfer");
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(shift, "shift");
    margins = margins == null ? Margins.defaults() : margins;
  }

  /** With the default margins. */
  public AnalysisSettings(Attention attention, Transfer transfer, GeometrySettings geometry, ShiftSettings shift) {
    this(attention, transfer, geometry, shift, Margins.defaults());
  }

  /** The defaults. */
  public static AnalysisSettings defaults() {
    return new AnalysisSettings(Attention.defaults(), Transfer.defaults(), GeometrySettings.defaults(), ShiftSettings.defaults());
  }

  /** With other claim margins. */
  public AnalysisSettings withMargins(Margins m) {
    return new AnalysisSettings(attention, transfer, geometry, shift, m);
  }

  /** With other attention settings. */
  public AnalysisSettings withAttention(Attention a) {
    return new AnalysisSettings(a, transfer, geometry, shift, margins);
  }

  /** With other transfer settings. */
  public AnalysisSettings withTransfer(Transfer t) {
    return new AnalysisSettings(attention, t, geometry, shift, margins);
  }

  /** With other geometry settings. */
  public AnalysisSettings withGeometry(GeometrySettings g) {
    return new AnalysisSettings(attention, transfer, g, shift, margins);
  }

  /** With other shift settings. */
  public AnalysisSettings withShift(ShiftSettings s) {
    return new AnalysisSettings(attention, transfer, geometry, s, margins);
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
    PCA_PROCRUSTES
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
