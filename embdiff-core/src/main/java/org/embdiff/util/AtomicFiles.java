package org.embdiff.util;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes that never leave a partial file: content goes to a temporary file beside the target,
 * which is renamed over the target only when the writer finished without an exception.
 *
 * <p>Temporary names are {@code .TARGET.PID.RANDOM.tmp} (folders: {@code .TARGET.PID.tmp-RANDOM}).
 * A process killed with SIGKILL cannot remove its temporary file, so every write first removes the
 * temporaries that a dead process left for the same target; a live process's are never touched.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Writer {
    /** Writes everything to {@code out}. */
    void write(OutputStream out) throws IOException;
  }

  /** A fully written temporary file waiting to be renamed over its target (or deleted on close). */
  public static final class Pending implements AutoCloseable {
    private final Path temp;
    private final Path target;
    private boolean committed;

    private Pending(Path temp, Path target) {
      this.temp = temp;
      this.target = target;
    }

    /** Renames the temporary file over the target. */
    public void commit() throws IOException {
      moveReplacing(temp, target);
      committed = true;
    }

    /** Deletes the temporary file unless it was committed. */
    @Override
    public void close() throws IOException {
      if (!committed) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Writes {@code target} atomically through {@code writer}. */
  public static void write(Path target, Writer writer) throws IOException {
    try (Pending pending = prepare(target, writer)) {
      pending.commit();
    }
  }

  /**
   * Writes the content of {@code target} to a temporary file beside it and returns it uncommitted, so
   * that several files can be written first and renamed together at the end.
   */
  public static Pending prepare(Path target, Writer writer) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    removeStale(dir, absolute.getFileName().toString());
    Path temp = Files.createTempFile(dir, tempPrefix(absolute), ".tmp");
    boolean done = false;
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(new NamedOutput(Files.newOutputStream(temp), absolute),
          1 << 16)) {
        writer.write(out);
      }
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        // temp files are created private (0600); the result is an ordinary file (0644)
        Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      done = true;
      return new Pending(temp, absolute);
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** The prefix of this process's temporaries for {@code target}: {@code .NAME.PID.}. */
  public static String tempPrefix(Path target) {
    return "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".";
  }

  /**
   * Deletes (recursively) the temporaries for {@code name} in {@code dir} whose process is no longer
   * alive: entries {@code .NAME.PID.*} with a PID of no running process.
   */
  public static void removeStale(Path dir, String name) throws IOException {
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    String prefix = "." + name + ".";
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path p : entries) {
        String rest = p.getFileName().toString().substring(prefix.length());
        int dot = rest.indexOf('.');
        if (dot <= 0 || dot > 18 || !rest.substring(0, dot).chars().allMatch(Character::isDigit)) {
          continue;
        }
        long pid = Long.parseLong(rest.substring(0, dot));
        boolean alive = pid == ProcessHandle.current().pid()
            || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
          deleteTree(p);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Adds the target to what the file system says when a write fails ("No space left on device" names
   * no file), so the one-line error tells which output could not be written.
   */
  private static final class NamedOutput extends java.io.FilterOutputStream {
    private final Path target;

    NamedOutput(OutputStream out, Path target) {
      super(out);
      this.target = target;
    }

    private IOException named(IOException e) {
      return new IOException("cannot write " + target + ": " + e.getMessage() + "; nothing was replaced", e);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw named(e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw named(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw named(e);
      }
    }
  }

  /** Renames {@code source} to {@code target}, atomically where the file system allows. */
  public static void moveReplacing(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
