package org.embdiff.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embdiff.io.SideSpec;
import org.embdiff.compare.InputFingerprint;

/**
 * The two sides a report compared, from the input fingerprints in its {@code report.json} header
 * (side, role, path, size, SHA-256): each file is found again (the path as recorded, else beside the
 * report folder) and must still have the recorded size and hash.
 */
public final class ReportInputs {
  private ReportInputs() {}

  /** Side A and side B of the report in {@code dir}. */
  public static SideSpec[] sides(Path dir) throws IOException {
    Path json = dir.resolve("report.json");
    if (!Files.isRegularFile(json)) {
      throw new IOException(dir + ": not a report folder (no report.json); give a folder written by compare or demo, or --a/--b");
    }
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    JsonNode header = root.path("header");
    String nameA = header.path("sideA").asText(null);
    String nameB = header.path("sideB").asText(null);
    if (nameA == null || nameB == null || !header.path("inputs").isArray()) {
      throw new IOException(json + ": the header has no sideA/sideB/inputs (schema version "
          + root.path("schemaVersion").asText("?") + "); this embdiff cannot read it");
    }
    return new SideSpec[] {side(json, dir, nameA, header.path("inputs")), side(json, dir, nameB, header.path("inputs"))};
  }

  private static SideSpec side(Path json, Path dir, String name, JsonNode inputs) throws IOException {
    Path vectors = null;
    Path freq = null;
    List<Path> corpora = new ArrayList<>();
    for (JsonNode in : inputs) {
      if (!name.equals(in.path("side").asText())) {
        continue;
      }
      String role = in.path("role").asText();
      if (!role.equals("vectors") && !role.equals("corpus") && !role.equals("freq")) {
        continue;
      }
      Path p = find(json, dir, in);
      switch (role) {
        case "vectors" -> vectors = p;
        case "freq" -> freq = p;
        default -> corpora.add(p);
      }
    }
    if (vectors == null) {
      throw new IOException(json + ": side '" + name + "' had no vectors in that report; serve needs vectors on both sides");
    }
    return new SideSpec(name, vectors, corpora, freq);
  }

  private static Path find(Path json, Path dir, JsonNode in) throws IOException {
    String recorded = in.path("path").asText();
    Path given = Path.of(recorded);
    List<Path> candidates = new ArrayList<>(List.of(given));
    Path parent = dir.toAbsolutePath().getParent();
    if (!given.isAbsolute() && parent != null) {
      candidates.add(parent.resolve(given));
    }
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        long size = Files.size(p);
        if (size != in.path("sizeBytes").asLong(-1)) {
          throw new IOException(p + ": is " + size + " bytes, but " + json + " recorded " + in.path("sizeBytes").asLong()
              + "; the file changed since the report was written");
        }
        String sha = in.path("sha256").asText("");
        if (!sha.isEmpty() && !sha.equals(InputFingerprint.sha256(p))) {
          throw new IOException(p + ": SHA-256 differs from the one " + json + " recorded; the file changed since the report was written");
        }
        return p;
      }
    }
    throw new IOException(recorded + ": input of " + json + " not found (looked at " + candidates + "); give the sides with --a/--b");
  }
}
