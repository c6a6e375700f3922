package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.embdiff.io.LoadedVectors;
import org.embdiff.io.VectorFormat;
import org.embdiff.io.VectorWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff convert IN OUT --to FORMAT}: rewrites a vector file in another format, atomically. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Convert a vector file to another format. The output is written to a temporary file and "
        + "renamed, so a failure leaves no partial file.",
        "Use --to embdiff for a binary cache that reloads in a fraction of a second."})
final class ConvertCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions input;

  @Parameters(index = "0", paramLabel = "IN", description = "Input vector file (any format, optionally compressed).")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "Output file (uncompressed).")
  @Output(Output.Kind.FILE)
  Path out;

  @Option(names = "--to", required = true, paramLabel = "FORMAT", converter = EnumWords.Formats.class,
      description = "Output format: glove, word2vec, word2vec-binary, fasttext, embdiff.")
  VectorFormat to;

  @Override
  public Integer call() throws Exception {
    if (Files.isDirectory(out)) {
      throw new IllegalArgumentException(out + ": is a directory, expected an output file name");
    }
    if (Files.exists(out) && Files.exists(in) && Files.isSameFile(in, out)) {
      throw new IllegalArgumentException(out + ": is the input file; write to another name");
    }
    LoadedVectors loaded = input.load(in);
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      VectorWriter.write(loaded.space(), out, to, progress);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf("wrote %s: %,d words x %d dims as %s%n", out, loaded.space().size(), loaded.space().dim(), to.cliName());
    if (!loaded.summary().warnings().isEmpty()) {
      long n = loaded.summary().warnings().values().stream().mapToLong(Long::longValue).sum();
      w.printf("(%,d load warnings; see 'embdiff info %s')%n", n, in);
    }
    w.flush();
    return ExitCodes.OK;
  }
}
