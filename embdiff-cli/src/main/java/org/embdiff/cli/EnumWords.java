package org.embdiff.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embdiff.align.MapMethod;
import org.embdiff.align.ShiftMeasure;
import org.embdiff.compare.AnalysisSettings;
import org.embdiff.eval.AnalogyMethod;
import org.embdiff.io.VectorFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one reading of an enum option: a constant's user word (its {@code toString()}, what help and
 * messages show) or its constant name, case-insensitively and with {@code -} and {@code _} alike
 * (as picocli's case-insensitive enum conversion), plus the aliases a converter names.
 *
 * @param <E> the enum
 */
abstract class EnumWords<E extends Enum<E>> implements ITypeConverter<E> {
  private final Class<E> type;
  private final Map<String, E> aliases;

  EnumWords(Class<E> type, Map<String, E> aliases) {
    this.type = type;
    this.aliases = aliases;
  }

  @Override
  public E convert(String value) {
    String v = fold(value);
    for (E e : type.getEnumConstants()) {
      if (fold(e.toString()).equals(v) || fold(e.name()).equals(v)) {
        return e;
      }
    }
    E alias = aliases.get(v);
    if (alias != null) {
      return alias;
    }
    List<String> words = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      words.add(e.toString());
    }
    throw new TypeConversionException("expected one of " + String.join(", ", words) + ", got '" + value + "'");
  }

  private static String fold(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Vector formats, with the aliases people type for them. */
  static final class Formats extends EnumWords<VectorFormat> {
    Formats() {
      super(VectorFormat.class, Map.ofEntries(Map.entry("w2v", VectorFormat.WORD2VEC_TEXT),
          Map.entry("word2vec-text", VectorFormat.WORD2VEC_TEXT), Map.entry("text", VectorFormat.WORD2VEC_TEXT),
          Map.entry("w2v-text", VectorFormat.WORD2VEC_TEXT), Map.entry("bin", VectorFormat.WORD2VEC_BINARY),
          Map.entry("w2v-binary", VectorFormat.WORD2VEC_BINARY), Map.entry("w2v-bin", VectorFormat.WORD2VEC_BINARY),
          Map.entry("word2vec-bin", VectorFormat.WORD2VEC_BINARY), Map.entry("binary", VectorFormat.WORD2VEC_BINARY),
          Map.entry("vec", VectorFormat.FASTTEXT_VEC), Map.entry("fasttext-text", VectorFormat.FASTTEXT_VEC),
          Map.entry("cache", VectorFormat.EMBDIFF_BINARY), Map.entry("emb", VectorFormat.EMBDIFF_BINARY)));
    }
  }

  /** Alignment maps ({@code pca} and {@code least-squares} as aliases). */
  static final class Maps extends EnumWords<MapMethod> {
    Maps() {
      super(MapMethod.class, Map.of("pca", MapMethod.PCA_PROCRUSTES, "least-squares", MapMethod.LSTSQ));
    }
  }

  /** Shift measures ({@code cosine-distance}, {@code overlap} and {@code local} as aliases). */
  static final class Measures extends EnumWords<ShiftMeasure> {
    Measures() {
      super(ShiftMeasure.class, Map.of("cosine-distance", ShiftMeasure.COSINE_DISTANCE, "cosinedistance",
          ShiftMeasure.COSINE_DISTANCE, "overlap", ShiftMeasure.OVERLAP_10, "secondorder", ShiftMeasure.SECOND_ORDER,
          "local", ShiftMeasure.SECOND_ORDER));
    }
  }

  /** Analogy methods ({@code cosadd}, {@code add}, {@code cosmul}, {@code mul} as aliases). */
  static final class AnalogyMethods extends EnumWords<AnalogyMethod> {
    AnalogyMethods() {
      super(AnalogyMethod.class, Map.of("cosadd", AnalogyMethod.COS_ADD, "add", AnalogyMethod.COS_ADD, "cosmul",
          AnalogyMethod.COS_MUL, "mul", AnalogyMethod.COS_MUL));
    }
  }

  /** How transfer maps the other side's vectors. */
  static final class TransferMaps extends EnumWords<AnalysisSettings.TransferMap> {
    TransferMaps() {
      super(AnalysisSettings.TransferMap.class, Map.of());
    }
  }
}
