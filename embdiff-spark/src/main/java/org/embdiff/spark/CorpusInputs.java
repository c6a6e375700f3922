package org.embdiff.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.embdiff.stats.CorpusFiles;

/**
 * The corpus files behind the arguments, on any Hadoop file system, read as an RDD of
 * {@link Block}s by {@link LineBlockInputFormat} (plain files in splits, compressed ones whole).
 */
final class CorpusInputs {
  private final List<Path> files;

  private CorpusInputs(List<Path> files) {
    this.files = files;
  }

  /**
   * Lists {@code inputs} (files or directories; a path without a scheme is on the default file
   * system); a directory means its files whose name matches {@code glob}, or, when glob is null,
   * its corpus files by {@link CorpusFiles#select}.
   */
  static CorpusInputs list(Configuration conf, List<String> inputs, String glob) throws IOException {
    PathMatcher matcher = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
    List<Path> files = new ArrayList<>();
    for (String input : inputs) {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus status;
      try {
        status = fs.getFileStatus(path);
      } catch (FileNotFoundException e) {
        throw new FileNotFoundException("corpus not found: " + input);
      }
      if (!status.isDirectory()) {
        files.add(status.getPath());
        continue;
      }
      List<FileStatus> found = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
      while (it.hasNext()) {
        found.add(it.next());
      }
      found.sort(Comparator.comparing(f -> f.getPath().toString()));
      List<FileStatus> chosen = matcher == null ? CorpusFiles.select(found, f -> f.getPath().getName())
          : found.stream().filter(f -> matcher.matches(java.nio.file.Path.of(f.getPath().getName()))).toList();
      if (chosen.isEmpty()) {
        throw new FileNotFoundException(input + ": directory holds no corpus files"
            + (glob == null ? "" : " matching '" + glob + "'"));
      }
      chosen.forEach(f -> files.add(f.getPath()));
    }
    if (files.isEmpty()) {
      throw new FileNotFoundException("no corpus files given");
    }
    return new CorpusInputs(files);
  }

  /** Files found. */
  int files() {
    return files.size();
  }

  /** The corpus as blocks of whole lines. */
  JavaRDD<Block> blocks(JavaSparkContext sc) throws IOException {
    Job job = Job.getInstance(sc.hadoopConfiguration());
    FileInputFormat.setInputPaths(job, files.toArray(Path[]::new));
    return sc.newAPIHadoopRDD(job.getConfiguration(), LineBlockInputFormat.class, LongWritable.class, Block.class)
        .values();
  }
}
