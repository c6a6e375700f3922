package org.embdiff.fuzz;

import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.embdiff.cooc.CrecFormatException;
import org.embdiff.io.VectorFormatException;
import org.embdiff.transfer.LexiconFormatException;

/**
 * The contract every parser's fuzz target checks: the parser returns, or throws one of the project's
 * format exceptions whose message names the input file and a location in it; never another exception,
 * never longer than {@link #TIME_LIMIT_NANOS} per input, and never allocating more than
 * {@link #BASE_ALLOCATION} + {@link #ALLOCATION_PER_INPUT_BYTE} x the input size on the calling thread
 * (so a 100-byte file cannot allocate gigabytes because its header claims 2^31 rows). Allocation
 * is measured with {@code ThreadMXBean.getCurrentThreadAllocatedBytes}, the wall clock with
 * {@code System.nanoTime}; libFuzzer's {@code -timeout} catches a parse that never returns.
 */
final class ParserContract {
  /** Allocation every read may make whatever its input (block buffers, a first 16 MB row chunk). */
  static final long BASE_ALLOCATION = 64L << 20;
  /** Allocation allowed per input byte beyond the base (parsed floats, words, tables). */
  static final long ALLOCATION_PER_INPUT_BYTE = 256;
  /** Wall-clock bound per input: generous for a slow CI machine, far below a hang. */
  static final long TIME_LIMIT_NANOS = 10_000_000_000L;

  /** A location in a message: file:line, a byte offset, a record or line number. */
  private static final Pattern LOCATION = Pattern.compile(
      ":\\d+|byte offset \\d+|record \\d+|line \\d+|at byte \\d+");
  /** Verdicts about a whole file, where the file itself is the location. */
  private static final List<String> WHOLE_FILE = List.of("empty", "no vectors found", "none of the ",
      "no analogy questions", "no word pairs", "truncated co-occurrence file");
  private static final List<Class<? extends IOException>> FORMAT_EXCEPTIONS = List.of(
      VectorFormatException.class, CrecFormatException.class, LexiconFormatException.class);

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

  private ParserContract() {}

  /** A parse of one input; may throw anything (the contract decides what is allowed). */
  @FunctionalInterface
  interface Parse {
    void run() throws Exception;
  }

  /** Writes {@code data} to {@code file} and checks {@code parse} of it against the contract. */
  static void checkFile(Path file, byte[] data, Parse parse) throws IOException {
    Files.write(file, data);
    check(file.getFileName().toString(), data.length, parse);
  }

  /**
   * Runs {@code parse} of an input of {@code inputBytes} bytes called {@code inputName}.
   *
   * @throws AssertionError (a finding) when the contract is broken
   */
  static void check(String inputName, long inputBytes, Parse parse) {
    long classesBefore = CLASSES.getTotalLoadedClassCount();
    long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    try {
      parse.run();
    } catch (Exception e) {
      if (FORMAT_EXCEPTIONS.stream().noneMatch(c -> c.isInstance(e))) {
        throw new AssertionError("not a format exception: " + e, e);
      }
      String message = String.valueOf(e.getMessage());
      if (!message.contains(inputName)) {
        throw new AssertionError("message does not name the input " + inputName + ": " + message, e);
      }
      if (!LOCATION.matcher(message).find() && WHOLE_FILE.stream().noneMatch(message::contains)) {
        throw new AssertionError("message names no location: " + message, e);
      }
      if (message.contains("\n")) {
        throw new AssertionError("message is not one line: " + message, e);
      }
    } finally {
      long nanos = System.nanoTime() - start;
      long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
      long allowed = BASE_ALLOCATION + ALLOCATION_PER_INPUT_BYTE * inputBytes;
      // loading (and, while fuzzing, instrumenting) a class allocates on this thread too: such an
      // input is not measured, the same path is measured when a later input takes it again
      boolean classesLoaded = CLASSES.getTotalLoadedClassCount() != classesBefore;
      if (allocated > allowed && !classesLoaded) {
        throw new AssertionError("allocated " + allocated + " bytes for an input of " + inputBytes
            + " bytes, allowed " + allowed);
      }
      if (nanos > TIME_LIMIT_NANOS) {
        throw new AssertionError("took " + nanos / 1_000_000 + " ms for an input of " + inputBytes
            + " bytes, allowed " + TIME_LIMIT_NANOS / 1_000_000);
      }
    }
  }
}
