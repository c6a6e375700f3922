package org.embdiff.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layer picture of docs/DESIGN.md, checked on the sources: every reference from one
 * {@code org.embdiff} package to another goes to the same or a lower layer, and the package graph
 * has no cycle. (The CLI module is a layer above, kept there by the Maven module dependency.)
 */
class PackageLayersTest {
  /** Layer per package; a package not listed counts as an analysis package. */
  static final Map<String, Integer> LAYERS = Map.ofEntries(
      Map.entry("util", 0), Map.entry("vec", 0), Map.entry("text", 0), Map.entry("inference", 0), Map.entry("claims", 0),
      Map.entry("io", 1), Map.entry("linalg", 1),
      Map.entry("compare", 3), Map.entry("compare.analyses", 4), Map.entry("report", 5));
  static final int ANALYSIS = 2;
  private static final Pattern PACKAGE = Pattern.compile("^package org\\.embdiff\\.([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.embdiff\\.([a-z]\\w*(?:\\.[a-z]\\w*)*)\\.[A-Z]");

  static int layer(String pkg) {
    return LAYERS.getOrDefault(pkg, ANALYSIS);
  }

  /** Package to the packages it references, from the main sources of this module. */
  static Map<String, Set<String>> graph() throws IOException {
    Map<String, Set<String>> g = new TreeMap<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/java-vector"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(f);
          Matcher pm = PACKAGE.matcher(text);
          if (!pm.find()) {
            continue;
          }
          String pkg = pm.group(1);
          Set<String> deps = g.computeIfAbsent(pkg, k -> new TreeSet<>());
          Matcher rm = REFERENCE.matcher(text);
          while (rm.find()) {
            if (!rm.group(1).equals(pkg)) {
              deps.add(rm.group(1));
            }
          }
        }
      }
    }
    return g;
  }

  @Test
  void noPackageReferencesAHigherLayer() throws IOException {
    List<String> upward = new ArrayList<>();
    graph().forEach((pkg, deps) -> deps.stream().filter(d -> layer(d) > layer(pkg))
        .forEach(d -> upward.add(pkg + " (layer " + layer(pkg) + ") -> " + d + " (layer " + layer(d) + ")")));
    assertThat(upward).as("upward references").isEmpty();
  }

  @Test
  void thePackageGraphHasNoCycle() throws IOException {
    Map<String, Set<String>> g = graph();
    assertThat(g).containsKeys("compare", "compare.analyses", "report", "claims");
    List<String> cycles = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>();
    for (String p : g.keySet()) {
      visit(p, g, state, new ArrayList<>(), cycles);
    }
    assertThat(cycles).as("package cycles").isEmpty();
  }

  private static void visit(String p, Map<String, Set<String>> g, Map<String, Integer> state, List<String> path,
      List<String> cycles) {
    Integer s = state.get(p);
    if (s != null && s == 2) {
      return;
    }
    if (s != null && s == 1) {
      cycles.add(String.join(" -> ", path.subList(path.indexOf(p), path.size())) + " -> " + p);
      return;
    }
    state.put(p, 1);
    path.add(p);
    for (String d : g.getOrDefault(p, new HashSet<>())) {
      visit(d, g, state, path, cycles);
    }
    path.remove(path.size() - 1);
    state.put(p, 2);
  }
}
