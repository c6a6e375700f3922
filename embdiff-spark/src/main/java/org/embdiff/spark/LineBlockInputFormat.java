package org.embdiff.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.embdiff.io.CompressedInput;

/**
 * Reads corpus files on any Hadoop file system as {@link Block}s of whole lines (about 1 MiB),
 * without a per-line object. Plain files are split (HDFS blocks keep their locality): a split
 * starting at byte s owns the lines that begin after the first newline at or after s (from byte
 * 0 for the first split) up to and including the line that holds its end, as Hadoop's line reader
 * assigns them, with "\n" as the only line end (a carriage return stays in the line, as the local
 * readers keep it). Compressed files (gzip, bzip2, xz, zip, told by their first bytes) are one
 * split each, decoded by {@link CompressedInput#decode}. A file's last line gets a newline.
 */
public final class LineBlockInputFormat extends FileInputFormat<LongWritable, Block> {
  static final int BLOCK = 1 << 20;

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    try {
      return !compressed(file.getFileSystem(context.getConfiguration()), file);
    } catch (IOException e) {
      return false;
    }
  }

  static boolean compressed(FileSystem fs, Path file) throws IOException {
    byte[] magic = new byte[6];
    int n;
    try (InputStream in = fs.open(file)) {
      n = in.readNBytes(magic, 0, magic.length);
    }
    return !CompressedInput.compressionOf(magic, n).equals("none");
  }

  @Override
  public RecordReader<LongWritable, Block> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new Reader();
  }

  /** Blocks of one split. */
  static final class Reader extends RecordReader<LongWritable, Block> {
    private final Block block = new Block(new byte[BLOCK]);
    private final LongWritable key = new LongWritable();
    private InputStream in;
    private String location;
    private boolean wholeFile;
    private long end;
    /** File position of buf[0] (plain files). */
    private long bufPos;
    /** Bytes after the emitted block, kept for the next one. */
    private int carry;
    private int carryFrom;
    private boolean done;
    private long start;
    private long read;
    private long length;

    @Override
    public void initialize(InputSplit genericSplit, TaskAttemptContext context) throws IOException {
      FileSplit split = (FileSplit) genericSplit;
      Path file = split.getPath();
      location = file.toString();
      FileSystem fs = file.getFileSystem(context.getConfiguration());
      start = split.getStart();
      length = split.getLength();
      end = start + length;
      if (compressed(fs, file)) {
        wholeFile = true;
        in = CompressedInput.decode(fs.open(file), location, null).stream();
        return;
      }
      FSDataInputStream s = fs.open(file);
      s.seek(start);
      in = s;
      bufPos = start;
      if (start == 0) {
        return;
      }
      // skip to just after the first newline at or after start: that line is the previous split's
      byte[] b = block.buf;
      while (true) {
        int n = in.read(b, 0, b.length);
        if (n < 0) {
          done = true;
          return;
        }
        for (int i = 0; i < n; i++) {
          if (b[i] == '\n') {
            bufPos += i + 1;
            carryFrom = i + 1;
            carry = n - i - 1;
            if (bufPos > end) {
              done = true;
              carry = 0;
            } else {
              carry = stopWithin(b, carryFrom, carryFrom + carry, bufPos) - carryFrom;
            }
            return;
          }
        }
        bufPos += n;
      }
    }

    /**
     * With {@code b[from, to)} at file position {@code posOfFrom}: the index after the first
     * newline at or after the split's end (and sets done), or {@code to} when there is none.
     */
    private int stopWithin(byte[] b, int from, int to, long posOfFrom) {
      if (wholeFile) {
        return to;
      }
      int i = (int) Math.max(from, Math.min(to, from + (end - posOfFrom)));
      for (; i < to; i++) {
        if (b[i] == '\n') {
          done = true;
          return i + 1;
        }
      }
      return to;
    }

    @Override
    public boolean nextKeyValue() throws IOException {
      byte[] b = block.buf;
      if (carry > 0 && carryFrom > 0) {
        System.arraycopy(b, carryFrom, b, 0, carry);
      }
      int filled = carry;
      carry = 0;
      carryFrom = 0;
      key.set(bufPos);
      while (true) {
        while (!done && filled < b.length) {
          int n = in.read(b, filled, b.length - filled);
          if (n < 0) {
            done = true;
            break;
          }
          int stop = stopWithin(b, filled, filled + n, bufPos + filled);
          filled = stop;
          if (done) {
            break;
          }
        }
        if (filled == 0) {
          return false;
        }
        int cut;
        if (done) {
          cut = filled;
        } else {
          cut = filled - 1;
          while (cut >= 0 && b[cut] != '\n') {
            cut--;
          }
          cut++;
          if (cut == 0) {
            // one line longer than the block: grow it and read on
            b = block.buf = Arrays.copyOf(b, b.length * 2);
            continue;
          }
        }
        block.fileBytes = cut;
        block.len = cut;
        carryFrom = cut;
        carry = filled - cut;
        bufPos += cut;
        read += cut;
        if (done && b[cut - 1] != '\n') {
          if (cut == b.length) {
            b = block.buf = Arrays.copyOf(b, b.length + 1);
          }
          b[block.len++] = '\n';
        }
        long lines = 0;
        for (int i = 0; i < block.len; i++) {
          if (b[i] == '\n') {
            lines++;
          }
        }
        block.lines = lines;
        return true;
      }
    }

    @Override
    public LongWritable getCurrentKey() {
      return key;
    }

    @Override
    public Block getCurrentValue() {
      return block;
    }

    @Override
    public float getProgress() {
      return wholeFile || length == 0 ? (done ? 1f : 0f) : Math.min(1f, read / (float) length);
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
      }
    }
  }
}
