package org.embdiff.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splits at every offset and size give back every line exactly once, in order. */
class LineBlockInputFormatTest {
  @TempDir java.nio.file.Path dir;

  @org.junit.jupiter.api.BeforeEach
  void sparkJdk() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() <= SparkEngineProvider.NEWEST_JDK,
        "Hadoop 3 (with Spark 4.0) runs on JDK 17 or 21; skipped on JDK " + Runtime.version().feature());
  }

  static final String TEXT = "one two\r\nthree\n\n\nfour five six\nx\r\ny\nlast line without newline";

  @Test
  void everyLineOnceWhateverTheSplits() throws IOException {
    java.nio.file.Path file = dir.resolve("c.txt");
    Files.writeString(file, TEXT);
    byte[] expected = (TEXT + "\n").getBytes(StandardCharsets.UTF_8);
    long lines = TEXT.chars().filter(c -> c == '\n').count() + 1;
    for (int size = 1; size <= TEXT.length() + 1; size++) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      long[] counted = new long[2];
      for (long start = 0; start < TEXT.length(); start += size) {
        read(new FileSplit(new Path(file.toUri()), start, Math.min(size, TEXT.length() - start), null), all, counted);
      }
      assertThat(all.toString(StandardCharsets.UTF_8)).as("split size %d", size)
          .isEqualTo(new String(expected, StandardCharsets.UTF_8));
      assertThat(counted[0]).as("lines, split size %d", size).isEqualTo(lines);
      assertThat(counted[1]).as("bytes, split size %d", size).isEqualTo(TEXT.length());
    }
  }

  @Test
  void compressedFilesAreReadWhole() throws IOException {
    java.nio.file.Path file = dir.resolve("c.txt.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(TEXT.getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    long[] counted = new long[2];
    read(new FileSplit(new Path(file.toUri()), 0, Files.size(file), null), all, counted);
    assertThat(all.toString(StandardCharsets.UTF_8)).isEqualTo(TEXT + "\n");
    assertThat(counted[1]).isEqualTo(TEXT.length());
  }

  static void read(FileSplit split, ByteArrayOutputStream all, long[] counted) throws IOException {
    Configuration conf = new Configuration();
    try (LineBlockInputFormat.Reader r = new LineBlockInputFormat.Reader()) {
      r.initialize(split, new TaskAttemptContextImpl(conf, new TaskAttemptID()));
      while (r.nextKeyValue()) {
        Block b = r.getCurrentValue();
        assertThat(b.buf[b.len - 1]).isEqualTo((byte) '\n');
        all.write(b.buf, 0, b.len);
        counted[0] += b.lines;
        counted[1] += b.fileBytes;
      }
    }
  }
}
