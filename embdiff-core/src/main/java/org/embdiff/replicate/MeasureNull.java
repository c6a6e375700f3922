package org.embdiff.replicate;

import java.util.List;
import org.embdiff.align.ShiftMeasure;

/**
 * One measure's per-word nulls.
 *
 * @param measure the measure
 * @param words every tested word (in all 2R + 1 pair comparisons), most shifted (largest z) first
 * @param significant the words with q <= fdr, most shifted first
 * @param nullZ the pooled within-domain null z-scores the p-values are read from
 */
public record MeasureNull(ShiftMeasure measure, List<WordNull> words, List<String> significant, int nullZ) {}
