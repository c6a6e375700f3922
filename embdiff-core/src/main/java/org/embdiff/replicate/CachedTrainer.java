package org.embdiff.replicate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.embdiff.io.VectorFormat;
import org.embdiff.io.VectorReader;
import org.embdiff.io.VectorWriter;
import org.embdiff.train.TokenCorpus;
import org.embdiff.vec.EmbeddingSpace;

/**
 * A trainer whose spaces are kept in {@code directory} under the SHA-256 of what they were
 * trained on (the corpus's vocabulary, counts, tokens and document boundaries), the trainer's
 * settings and the seed, so a rerun on the same input and settings reads the space instead of
 * training it again. Files are written atomically in the embdiff binary format (checksummed).
 */
public final class CachedTrainer implements SpaceTrainer {
  private final SpaceTrainer inner;
  private final Path directory;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger trained = new AtomicInteger();

  /** Caches {@code inner}'s spaces in {@code directory} (created when missing). */
  public CachedTrainer(SpaceTrainer inner, Path directory) {
    this.inner = inner;
    this.directory = directory;
  }

  @Override
  public EmbeddingSpace train(TokenCorpus corpus, long seed) {
    Path file = directory.resolve(key(corpus, seed) + ".emb");
    try {
      if (Files.isRegularFile(file)) {
        EmbeddingSpace cached = VectorReader.load(file).space();
        hits.incrementAndGet();
        return cached;
      }
      EmbeddingSpace space = inner.train(corpus, seed);
      Files.createDirectories(directory);
      VectorWriter.write(space, file, VectorFormat.EMBDIFF_BINARY);
      trained.incrementAndGet();
      return space;
    } catch (IOException e) {
      throw new UncheckedIOException("trained-space cache " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return inner.describe();
  }

  /** Spaces read from the cache so far. */
  public int hits() {
    return hits.get();
  }

  /** Spaces trained (and stored) so far. */
  public int trained() {
    return trained.get();
  }

  /** The hex SHA-256 of the training input, the trainer's settings and the seed. */
  String key(TokenCorpus corpus, long seed) {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    d.update(inner.describe().getBytes(StandardCharsets.UTF_8));
    ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(seed).putInt(corpus.vocabularySize()).putInt(corpus.lines());
    for (int id = 0; id < corpus.vocabularySize(); id++) {
      byte[] w = corpus.word(id).getBytes(StandardCharsets.UTF_8);
      b = room(d, b, 12 + w.length);
      b.putInt(w.length).put(w).putLong(corpus.count(id));
    }
    for (int line = 0; line <= corpus.lines(); line++) {
      b = room(d, b, 4);
      b.putInt(line < corpus.lines() ? corpus.lineStart(line) : corpus.size());
    }
    for (int t : corpus.tokens()) {
      b = room(d, b, 4);
      b.putInt(t);
    }
    d.update(b.flip());
    return HexFormat.of().formatHex(d.digest());
  }

  /** Flushes {@code b} into the digest when fewer than {@code need} bytes remain (growing it for a long word). */
  private static ByteBuffer room(MessageDigest d, ByteBuffer b, int need) {
    if (b.remaining() >= need) {
      return b;
    }
    d.update(b.flip());
    return ByteBuffer.allocate(Math.max(1 << 16, need)).order(ByteOrder.LITTLE_ENDIAN);
  }
}
