package org.embdiff.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A chart, as data: the HTML draws it with ECharts; nothing else is needed to reproduce it.
 *
 * <p>Kinds: {@code "xy"} (series of [x, y] points, each drawn as {@code line}, {@code dashed},
 * {@code scatter} or {@code bar}); {@code "bar"} (category bars: points are [categoryIndex, y]);
 * {@code "heatmap"} (points [xIndex, yIndex, value] over {@code xCategories} x {@code yCategories});
 * {@code "arrows"} (points [x1, y1, x2, y2] with one label per point, drawn as arrows from the
 * first to the second position).
 *
 * @param id stable id (unique in the report)
 * @param kind "xy", "bar", "heatmap" or "arrows"
 * @param title chart title
 * @param xLabel x axis label
 * @param yLabel y axis label
 * @param xLog logarithmic x axis
 * @param yLog logarithmic y axis
 * @param series the data
 * @param xCategories category names of the x axis (bar, heatmap), or null
 * @param yCategories category names of the y axis (heatmap), or null
 * @param note one line under the chart, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Chart(String id, String kind, String title, String xLabel, String yLabel, boolean xLog, boolean yLog,
    List<Series> series, List<String> xCategories, List<String> yCategories, String note) {
  /** Validates. */
  public Chart {
    if (!List.of("xy", "bar", "heatmap", "arrows").contains(kind)) {
      throw new IllegalArgumentException("chart kind must be xy, bar, heatmap or arrows, got " + kind);
    }
    series = List.copyOf(series);
    xCategories = xCategories == null ? null : List.copyOf(xCategories);
    yCategories = yCategories == null ? null : List.copyOf(yCategories);
  }

  /** An x-y chart. */
  public static Chart xy(String id, String title, String xLabel, String yLabel, boolean xLog, boolean yLog,
      List<Series> series, String note) {
    return new Chart(id, "xy", title, xLabel, yLabel, xLog, yLog, series, null, null, note);
  }

  /**
   * One data series.
   *
   * @param name legend name (usually the side)
   * @param style "line", "dashed", "scatter" or "bar"
   * @param points the points, as described by the chart kind
   * @param labels one label per point (words), or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Series(String name, String style, List<double[]> points, List<String> labels) {
    /** Validates. */
    public Series {
      if (!List.of("line", "dashed", "scatter", "bar").contains(style)) {
        throw new IllegalArgumentException("series style must be line, dashed, scatter or bar, got " + style);
      }
      points = List.copyOf(points);
      labels = labels == null ? null : List.copyOf(labels);
      if (labels != null && labels.size() != points.size()) {
        throw new IllegalArgumentException("series '" + name + "' has " + labels.size() + " labels for "
            + points.size() + " points");
      }
    }
  }
}
