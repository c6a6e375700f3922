package org.embdiff.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.embdiff.io.CompressedInput;
import org.embdiff.stats.CorpusFiles;
import scala.Tuple2;

/**
 * The corpus files behind the arguments, on any Hadoop file system, as an RDD of {@link Block}s.
 * Plain files are read through Hadoop's {@link TextInputFormat} with "\n" as the only record
 * delimiter (so a carriage return stays in the line, as the local readers keep it), in splits;
 * compressed files (gzip, bzip2, xz, zip, by their first bytes as {@link CompressedInput}) are one
 * task each, decoded by {@link CompressedInput#decode}.
 */
final class CorpusInputs {
  private static final int BLOCK = 1 << 20;

  private final List<String> plain;
  private final List<String> compressed;
  private final long plainBytes;

  private CorpusInputs(List<String> plain, List<String> compressed, long plainBytes) {
    this.plain = plain;
    this.compressed = compressed;
    this.plainBytes = plainBytes;
  }

  /**
   * Lists {@code inputs} (files or directories; a path without a scheme is on the default file
   * system); a directory means its files whose name matches {@code glob}, or, when glob is null,
   * its corpus files by {@link CorpusFiles#select}.
   */
  static CorpusInputs list(Configuration conf, List<String> inputs, String glob) throws IOException {
    PathMatcher matcher = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
    List<String> plain = new ArrayList<>();
    List<String> compressed = new ArrayList<>();
    long plainBytes = 0;
    for (String input : inputs) {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus status;
      try {
        status = fs.getFileStatus(path);
      } catch (FileNotFoundException e) {
        throw new FileNotFoundException("corpus not found: " + input);
      }
      List<FileStatus> files = new ArrayList<>();
      if (status.isDirectory()) {
        List<FileStatus> found = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
        while (it.hasNext()) {
          found.add(it.next());
        }
        found.sort(Comparator.comparing(f -> f.getPath().toString()));
        files = matcher == null ? CorpusFiles.select(found, f -> f.getPath().getName())
            : found.stream().filter(f -> matcher.matches(java.nio.file.Path.of(f.getPath().getName()))).toList();
        if (files.isEmpty()) {
          throw new FileNotFoundException(input + ": directory holds no corpus files"
              + (glob == null ? "" : " matching '" + glob + "'"));
        }
      } else {
        files.add(status);
      }
      for (FileStatus f : files) {
        String name = f.getPath().toString();
        byte[] magic = new byte[6];
        int n;
        try (InputStream in = fs.open(f.getPath())) {
          n = in.readNBytes(magic, 0, magic.length);
        }
        if (CompressedInput.compressionOf(magic, n).equals("none")) {
          plain.add(name);
          plainBytes += f.getLen();
        } else {
          compressed.add(name);
        }
      }
    }
    return new CorpusInputs(plain, compressed, plainBytes);
  }

  /** Files found. */
  int files() {
    return plain.size() + compressed.size();
  }

  /** Bytes of the plain files (compressed files count their decompressed bytes as they are read). */
  long plainBytes() {
    return plainBytes;
  }

  /** The corpus as blocks of whole lines. */
  JavaRDD<Block> blocks(JavaSparkContext sc) throws IOException {
    List<JavaRDD<Block>> parts = new ArrayList<>();
    if (!plain.isEmpty()) {
      Job job = Job.getInstance(sc.hadoopConfiguration());
      job.getConfiguration().set("textinputformat.record.delimiter", "\n");
      FileInputFormat.setInputPaths(job, plain.stream().map(Path::new).toArray(Path[]::new));
      parts.add(sc.newAPIHadoopRDD(job.getConfiguration(), TextInputFormat.class, LongWritable.class, Text.class)
          .mapPartitions(CorpusInputs::packLines));
    }
    if (!compressed.isEmpty()) {
      parts.add(sc.parallelize(compressed, compressed.size()).mapPartitions(CorpusInputs::readCompressed));
    }
    if (parts.isEmpty()) {
      throw new IOException("no corpus files given");
    }
    JavaRDD<Block> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.union(parts.get(i));
    }
    return all;
  }

  /** Packs Hadoop's lines (records without their newline) into blocks, adding the newlines back. */
  static Iterator<Block> packLines(Iterator<Tuple2<LongWritable, Text>> lines) {
    return new Iterator<>() {
      private final Block block = new Block(new byte[BLOCK]);

      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public Block next() {
        if (!lines.hasNext()) {
          throw new NoSuchElementException();
        }
        block.len = 0;
        block.lines = 0;
        while (lines.hasNext() && block.len < BLOCK / 2) {
          Text t = lines.next()._2();
          int n = t.getLength();
          if (block.len + n + 1 > block.buf.length) {
            block.buf = Arrays.copyOf(block.buf, Math.max(block.buf.length * 2, block.len + n + 1));
          }
          System.arraycopy(t.getBytes(), 0, block.buf, block.len, n);
          block.len += n;
          block.buf[block.len++] = '\n';
          block.lines++;
        }
        return block;
      }
    };
  }

  /** Reads each compressed file in turn into blocks of whole lines (the last line of a file gets its newline). */
  static Iterator<Block> readCompressed(Iterator<String> paths) {
    Configuration conf = new Configuration();
    return new Iterator<>() {
      private final Block block = new Block(new byte[BLOCK]);
      private InputStream in;
      private String current;
      private int carry;
      private boolean pending;

      @Override
      public boolean hasNext() {
        try {
          return advance();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(current + ": " + e.getMessage(), e);
        }
      }

      @Override
      public Block next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        pending = false;
        return block;
      }

      /** Fills the next block unless one is pending; false at the end of the last file. */
      private boolean advance() throws IOException {
        if (pending) {
          return true;
        }
        byte[] b = block.buf;
        // the tail after the last newline of the previous block moves to the front
        if (carry > 0) {
          System.arraycopy(b, block.len, b, 0, carry);
        }
        int filled = carry;
        carry = 0;
        block.len = 0;
        block.lines = 0;
        block.decompressedBytes = 0;
        while (true) {
          if (in == null) {
            if (!paths.hasNext()) {
              return false;
            }
            current = paths.next();
            Path p = new Path(current);
            in = CompressedInput.decode(p.getFileSystem(conf).open(p), current, null).stream();
          }
          if (filled == b.length) {
            int nl = lastNewline(b, filled);
            if (nl >= 0) {
              return emit(nl + 1, filled);
            }
            b = block.buf = Arrays.copyOf(b, b.length * 2);
          }
          int n = in.read(b, filled, b.length - filled);
          if (n < 0) {
            in.close();
            in = null;
            if (filled == 0) {
              continue;
            }
            if (b[filled - 1] != '\n') {
              if (filled == b.length) {
                b = block.buf = Arrays.copyOf(b, b.length * 2);
              }
              b[filled++] = '\n';
            }
            return emit(filled, filled);
          }
          filled += n;
          block.decompressedBytes += n;
        }
      }

      private boolean emit(int end, int filled) {
        block.len = end;
        carry = filled - end;
        long lines = 0;
        for (int i = 0; i < end; i++) {
          if (block.buf[i] == '\n') {
            lines++;
          }
        }
        block.lines = lines;
        pending = true;
        return true;
      }

      private int lastNewline(byte[] b, int end) {
        for (int i = end - 1; i >= 0; i--) {
          if (b[i] == '\n') {
            return i;
          }
        }
        return -1;
      }
    };
  }
}
