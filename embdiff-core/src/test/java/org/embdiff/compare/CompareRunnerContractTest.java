package org.embdiff.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.embdiff.compare.analyses.Analyses;
import org.embdiff.compare.analyses.GeometryAnalysis;
import org.embdiff.io.SideSpec;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's contract: shared work once, failures contained, seeds independent of what else runs. */
class CompareRunnerContractTest {
  @TempDir Path dir;

  /** A trivial result. */
  record Count(int calls, long seed) {}

  static final AtomicInteger COMPUTED = new AtomicInteger();
  static final Shared<Long> WORK = Shared.of("test work", c -> {
    COMPUTED.incrementAndGet();
    Thread.sleep(50);
    return c.seed();
  });

  static final AtomicInteger COUNTS_COMPUTED = new AtomicInteger();
  static final Shared<Long> COUNTS_WORK = Shared.ofCounts("test counts work", c -> {
    COUNTS_COMPUTED.incrementAndGet();
    return c.seed();
  });

  static final class UsesWork implements Analysis<Count> {
    private final String id;
    private final Shared<Long> work;

    UsesWork(String id) {
      this(id, WORK);
    }

    UsesWork(String id, Shared<Long> work) {
      this.id = id;
      this.work = work;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String title() {
      return id;
    }

    @Override
    public Class<Count> resultType() {
      return Count.class;
    }

    @Override
    public List<Requirement> requires() {
      return List.of(Requirement.onBothSides(Input.VECTORS));
    }

    @Override
    public Outcome<Count> run(AnalysisContext context) throws Exception {
      if (id.equals("boom")) {
        throw new IllegalStateException("went wrong on purpose");
      }
      return Outcome.of(new Count(COMPUTED.get(), context.shared(work)));
    }
  }

  private Path vectors(String name, int words, int dim, long seed) throws Exception {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      sb.append("w").append(w);
      for (int i = 0; i < dim; i++) {
        sb.append(' ').append(String.format(Locale.ROOT, "%.5f", random.nextGaussian()));
      }
      sb.append('\n');
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sb);
    return p;
  }

  private CompareSettings settings(int threads) throws Exception {
    return new CompareSettings(new SideSpec("wiki", vectors("a.txt", 400, 8, 1), List.of(), null),
        new SideSpec("twitter", vectors("b.txt", 300, 6, 2), List.of(), null), null, List.of(), List.of(), null, 7, threads, 10);
  }

  @Test
  void sharedWorkIsComputedOnceAndAFailureStaysInItsAnalysis() throws Exception {
    COMPUTED.set(0);
    CompareResult r = new CompareRunner(settings(3), List.of(new UsesWork("one"), new UsesWork("two"),
        new UsesWork("three"), new UsesWork("boom"))).run(ProgressListener.NONE);
    // once for the sides, once for the common-dimension control run (its own shared work, on the reduced sides)
    assertThat(COMPUTED.get()).isEqualTo(2);
    assertThat(r.record(Count.class).orElseThrow().seed()).isEqualTo(Seeds.of(7, "test work"));
    AnalysisResult<?> boom = r.result("boom").orElseThrow();
    assertThat(boom.status()).isEqualTo(Status.FAILED);
    assertThat(boom.reason()).isEqualTo("went wrong on purpose");
    assertThat(r.header().stages()).extracting(StageTiming::status).contains("failed", "ok");
    assertThat(r.result("one").orElseThrow().provenance().seed()).isEqualTo(Seeds.of(7, "one"));
  }

  @Test
  void workThatReadsNoVectorsIsReusedByTheCommonDimensionControl() throws Exception {
    COUNTS_COMPUTED.set(0);
    CompareResult r = new CompareRunner(settings(2), List.of(new UsesWork("one", COUNTS_WORK),
        new UsesWork("two", COUNTS_WORK))).run(ProgressListener.NONE);
    assertThat(COUNTS_COMPUTED.get()).isEqualTo(1);
    assertThat(r.record(Count.class).orElseThrow().seed()).isEqualTo(Seeds.of(7, "test counts work"));
    assertThat(r.header().stages()).extracting(StageTiming::stage).contains("common-dimension control: one");
  }

  @Test
  void anAnalysisGivesTheSameNumbersAloneOrWithOthersAndOnAnyThreadCount() throws Exception {
    GeometryAnalysis.Result alone = new CompareRunner(settings(1), List.of(new GeometryAnalysis()))
        .run(ProgressListener.NONE).record(GeometryAnalysis.Result.class).orElseThrow();
    GeometryAnalysis.Result together = Analyses.runner(settings(2)).run(ProgressListener.NONE)
        .record(GeometryAnalysis.Result.class).orElseThrow();
    assertThat(together.sides().get(0).geometry()).isEqualTo(alone.sides().get(0).geometry());
    assertThat(together.sides().get(1).geometry()).isEqualTo(alone.sides().get(1).geometry());
    assertThat(together.settings().seed()).isEqualTo(Seeds.of(7, "geometry"));
  }

  @Test
  void seedsDependOnTheRootAndTheStreamIdOnly() {
    assertThat(Seeds.of(42, "shift")).isEqualTo(Seeds.of(42, "shift"));
    assertThat(Seeds.of(42, "shift")).isNotEqualTo(Seeds.of(42, "spectra")).isNotEqualTo(Seeds.of(43, "shift"));
    assertThat(Seeds.of(42, "ab")).isNotEqualTo(Seeds.of(42, "ba"));
  }
}
