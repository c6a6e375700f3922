package org.embdiff.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embdiff.io.CompressedInput;
import org.embdiff.io.VectorFormatException;

/**
 * Analogy questions in the {@code questions-words.txt} format: {@code : section} header lines,
 * then one question {@code a b c d} per line (a is to b as c is to d). As gensim does, a line that
 * does not hold exactly four words is skipped and counted; a question before the first header is
 * refused.
 *
 * @param name file name (for reports)
 * @param questions all questions in file order
 * @param sections section names in file order
 * @param invalidLines lines skipped because they did not hold four words
 */
public record AnalogySet(String name, List<Question> questions, List<String> sections, int invalidLines) {
  /** One question: {@code a : b :: c : d}, with its section and 1-based line number. */
  public record Question(String section, int line, String a, String b, String c, String d) {}

  /** Validates and copies. */
  public AnalogySet {
    questions = List.copyOf(questions);
    sections = List.copyOf(sections);
  }

  /** Reads a (possibly compressed) analogy file. */
  public static AnalogySet read(Path path) throws IOException {
    List<Question> questions = new ArrayList<>();
    List<String> sections = new ArrayList<>();
    String section = null;
    int invalid = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(CompressedInput.open(path).stream(), StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.startsWith(": ")) {
          section = line.substring(2).strip();
          sections.add(section);
          continue;
        }
        String[] parts = line.strip().split("\\s+");
        if (parts.length != 4 || parts[0].isEmpty()) {
          invalid++;
          continue;
        }
        if (section == null) {
          throw new VectorFormatException("analogy question before the first ': section' header: " + path + ":" + lineNo
              + " (every question must follow a line such as ': capital-common-countries')");
        }
        questions.add(new Question(section, lineNo, parts[0], parts[1], parts[2], parts[3]));
      }
    }
    if (questions.isEmpty()) {
      throw new VectorFormatException("no analogy questions ('a b c d' lines after ': section' headers) in " + path);
    }
    return new AnalogySet(path.getFileName().toString(), questions, sections, invalid);
  }
}
