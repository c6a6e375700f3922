package org.embdiff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embdiff.util.AtomicFiles;
import picocli.CommandLine.Option;

/** {@code --out DIR} of the single-analysis commands: their result records as JSON files. */
final class JsonOutput {
  @Option(names = "--out", paramLabel = "DIR", description = "Also write the results as JSON into DIR.")
  @Output(Output.Kind.FOLDER)
  Path out;

  /** Writes {@code value} as pretty JSON to {@code DIR/name} when --out was given. */
  void write(String name, Object value) throws IOException {
    if (out == null) {
      return;
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IOException(out + ": --out must be a directory, this is a file");
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    byte[] json = mapper.writeValueAsBytes(value);
    AtomicFiles.write(out.resolve(name), o -> o.write(json));
  }
}
