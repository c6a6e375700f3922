package org.embdiff.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * One input file of a report, fingerprinted so the report names the exact bytes it compared.
 *
 * @param side side name
 * @param role "vectors", "corpus", "freq", "analogies", "pairs", "lexicon" or "probe-words"
 * @param path the path as given
 * @param sizeBytes file size
 * @param sha256 SHA-256 of the file's bytes (as stored, i.e. compressed)
 * @param format detected format (vectors) or null
 * @param compression detected compression or null
 * @param rows rows kept (vectors: words; freq: types; corpus: lines) or -1 when not read
 * @param dim vector dimension or -1
 * @param warnings counted load warnings (kind to count), possibly empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputFingerprint(String side, String role, String path, long sizeBytes, String sha256, String format,
    String compression, long rows, int dim, Map<String, Long> warnings) {
  /** Copies. */
  public InputFingerprint {
    warnings = warnings == null ? Map.of() : Map.copyOf(warnings);
  }

  /** Fingerprints {@code path} (size and SHA-256), other fields as given. */
  public static InputFingerprint of(String side, String role, Path path, String format, String compression,
      long rows, int dim, Map<String, Long> warnings) throws IOException {
    return new InputFingerprint(side, role, path.toString(), Files.size(path), sha256(path), format, compression,
        rows, dim, warnings);
  }

  /** Hex SHA-256 of a file's bytes. */
  public static String sha256(Path path) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(path)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
