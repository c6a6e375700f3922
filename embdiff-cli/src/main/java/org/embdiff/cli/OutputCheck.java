package org.embdiff.cli;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * Checks, before a command runs, that every destination marked {@link Output} can be written: the
 * nearest existing folder on its path must be a folder in which a file can be created; and makes the
 * command's output and error writers {@link TerminalText#inert inert}.
 */
final class OutputCheck implements CommandLine.IExecutionStrategy {
  private final CommandLine.IExecutionStrategy next = new CommandLine.RunLast();

  @Override
  public int execute(ParseResult parseResult) throws CommandLine.ExecutionException, CommandLine.ParameterException {
    Integer help = CommandLine.executeHelpRequest(parseResult);
    if (help != null) {
      return help;
    }
    ParseResult last = parseResult;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    // words and paths from files reach the terminal through these: hostile characters shown as U+XXXX
    CommandLine command = last.commandSpec().commandLine();
    command.setOut(TerminalText.inert(command.getOut()));
    command.setErr(TerminalText.inert(command.getErr()));
    for (ArgSpec arg : last.commandSpec().args()) {
      Output output = arg.userObject() instanceof Field f ? f.getAnnotation(Output.class) : null;
      Object value = output == null ? null : arg.getValue();
      if (value instanceof Path path) {
        try {
          check(path, output.value());
        } catch (IOException e) {
          throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), e.getMessage(), e);
        }
      }
    }
    return next.execute(parseResult);
  }

  /**
   * Fails with "cannot write [the report folder ]X: reason" when {@code path} cannot be written as
   * {@code kind}.
   */
  static void check(Path path, Output.Kind kind) throws IOException {
    String what = "cannot write " + kind.label + path + ": ";
    Path absolute = path.toAbsolutePath().normalize();
    if (Files.exists(absolute)) {
      if (kind.folder && !Files.isDirectory(absolute)) {
        throw new IOException(what + "it exists and is not a folder");
      }
      if (!kind.folder && Files.isDirectory(absolute)) {
        throw new IOException(what + "it is a folder, expected a file name");
      }
    }
    Path existing = absolute.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new IOException(what + "no folder on its path exists");
    }
    if (!Files.isDirectory(existing)) {
      throw new IOException(what + existing + " is not a folder");
    }
    probe(existing, what);
    if (kind == Output.Kind.FOLDER && Files.isDirectory(absolute)) {
      probe(absolute, what); // files go into the folder itself
    }
  }

  private static void probe(Path existing, String what) throws IOException {
    try {
      Files.deleteIfExists(Files.createTempFile(existing, ".embdiff-write-check-", ".tmp"));
    } catch (AccessDeniedException e) {
      throw new IOException(what + "permission denied in " + existing, e);
    } catch (FileSystemException e) {
      throw new IOException(what + "cannot create a file in " + existing
          + (e.getReason() != null ? " (" + e.getReason() + ")" : ""), e);
    }
  }
}
