package org.embdiff.stats;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.embdiff.util.AtomicFiles;

/** Writes {@link Counts} as a Stanford GloVe {@code vocab.txt} ({@code word count} per line, descending). */
public final class VocabWriter {
  private VocabWriter() {}

  /** Writes {@code counts} to {@code target} atomically. */
  public static void write(Counts counts, Path target) throws IOException {
    AtomicFiles.write(target, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      StringBuilder sb = new StringBuilder(64);
      for (int i = 0; i < counts.size(); i++) {
        sb.setLength(0);
        sb.append(counts.word(i)).append(' ').append(counts.count(i)).append('\n');
        w.append(sb);
      }
      w.flush();
    });
  }
}
