package org.embdiff.io;

import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.objects.ObjectOpenHashSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;

/** Loads word vectors in any {@link VectorFormat}, plain or compressed. */
public final class VectorReader {
  private VectorReader() {}

  /** Loads {@code path} with default options. */
  public static LoadedVectors load(Path path) throws IOException {
    return load(path, LoadOptions.defaults());
  }

  /**
   * Loads {@code path}.
   *
   * @throws VectorFormatException with file:line and the reason for malformed content
   */
  public static LoadedVectors load(Path path, LoadOptions options) throws IOException {
    CompressedInput.Opened opened = CompressedInput.open(path);
    try (InputStream in = opened.stream();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      Map<String, Long> warnings = new LinkedHashMap<>();
      Map<String, String> examples = new LinkedHashMap<>();
      List<String> words = new ArrayList<>();
      ObjectOpenHashSet<String> seen = new ObjectOpenHashSet<>();
      FloatArrayList values = new FloatArrayList();
      int dim = -1;
      long lineNo = 0;
      long rowsRead = 0;
      VectorFormat format = options.format();
      String line;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.strip().split(" +");
        if (lineNo == 1 && parts.length == 2 && format != VectorFormat.GLOVE) {
          format = format == null ? VectorFormat.WORD2VEC_TEXT : format;
          dim = Integer.parseInt(parts[1]);
          continue;
        }
        if (format == null) {
          format = VectorFormat.GLOVE;
        }
        rowsRead++;
        if (dim < 0) {
          dim = parts.length - 1;
        }
        if (parts.length - 1 != dim) {
          throw new VectorFormatException("row has " + (parts.length - 1) + " values, expected " + dim
              + " (" + path + ":" + lineNo + ")");
        }
        String word = parts[0];
        if (options.vocabulary() != null && !options.vocabulary().contains(word)) {
          continue;
        }
        if (!seen.add(word)) {
          warnings.merge("duplicate word (first kept)", 1L, Long::sum);
          examples.putIfAbsent("duplicate word (first kept)", path + ":" + lineNo + " '" + word + "'");
          continue;
        }
        for (int i = 1; i <= dim; i++) {
          float v = Float.parseFloat(parts[i]);
          if (!Float.isFinite(v)) {
            throw new VectorFormatException("non-finite value " + parts[i] + " for word '" + word + "' ("
                + path + ":" + lineNo + ")");
          }
          values.add(v);
        }
        words.add(word);
        if (options.limit() > 0 && words.size() >= options.limit()) {
          break;
        }
      }
      if (words.isEmpty()) {
        throw new VectorFormatException("no vectors found, expected at least one row (" + path + ")");
      }
      EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(words.toArray(new String[0])), dim,
          values.toFloatArray());
      return new LoadedVectors(space, new LoadSummary(path, format, opened.compression(), rowsRead,
          words.size(), dim, warnings, examples));
    }
  }
}
