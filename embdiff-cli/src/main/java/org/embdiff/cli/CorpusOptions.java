package org.embdiff.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.embdiff.stats.CorpusFiles;
import picocli.CommandLine.Option;

/**
 * The corpus options of every command that counts a corpus: which files a directory stands for
 * (the one corpus-file rule, {@link CorpusFiles}) and the smallest count a word needs to be kept.
 */
final class CorpusOptions {
  @Option(names = "--glob", paramLabel = "PATTERN", description = "Files to take from corpus directories, by name "
      + "(default: the text files, as for every command: TweetEval's *_text files when present, else all but README, "
      + "*.md, labels and XML).")
  String glob;

  @Option(converter = Ranges.PositiveLong.class, names = "--min-count", paramLabel = "N",
      description = "Keep words seen at least N times (default: ${DEFAULT-VALUE}).")
  long minCount;

  /** Options whose --min-count defaults to 1. */
  CorpusOptions() {
    this(1);
  }

  /** Options whose --min-count defaults to {@code defaultMinCount}. */
  CorpusOptions(long defaultMinCount) {
    minCount = defaultMinCount;
  }

  /** The corpus files {@code paths} stand for. */
  List<Path> files(List<Path> paths) throws IOException {
    return CorpusFiles.expand(paths, glob);
  }
}
