package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  @Test
  void drawsNothingWhenDisabled() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, Duration.ZERO)) {
      progress.start("loading x", 100, "B");
      progress.advance(50);
      progress.finish();
    }
    assertThat(bytes.size()).isZero();
  }

  @Test
  void drawsNothingForShortTasks() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, Duration.ofHours(1))) {
      progress.start("loading x", 100, "B");
      progress.advance(100);
      progress.finish();
    }
    assertThat(bytes.size()).isZero();
  }

  @Test
  void drawsTheTaskNameOnceTheDelayPassed() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, Duration.ZERO)) {
      progress.start("loading vectors.txt", 10L << 20, "B");
      progress.advance(5L << 20);
      progress.finish();
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("loading vectors.txt").contains("100%").contains("MB");
  }
}
