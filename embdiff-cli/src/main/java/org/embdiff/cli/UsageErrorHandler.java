package org.embdiff.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Usage errors: the message and a pointer to {@code --help}, no usage dump. */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    cmd.getErr().println("embdiff: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
    cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    cmd.getErr().flush();
    return ExitCodes.USAGE;
  }
}
