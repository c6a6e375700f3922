package org.embdiff.compare;

/**
 * How long one stage of a run took.
 *
 * @param stage stage name ("load wiki vectors", "shift", ...)
 * @param seconds wall-clock seconds
 * @param status the status of the section it produced ("ok", "skipped", "failed")
 */
public record StageTiming(String stage, double seconds, String status) {}
