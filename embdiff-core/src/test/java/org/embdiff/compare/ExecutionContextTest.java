package org.embdiff.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The run's pool keeps its parallelism while a worker waits for shared work another worker computes. */
class ExecutionContextTest {
  @Test
  void sharedWorkKeepsEveryWorkerWhileAnotherWaitsForIt() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Shared<Integer> work = Shared.of("parallel work", context -> IntStream.range(0, 40).parallel().map(i -> {
      threads.add(Thread.currentThread().getName() + "#" + Thread.currentThread().getId());
      sleep(25);
      return 1;
    }).sum());
    try (ExecutionContext execution = new ExecutionContext(2, 1)) {
      Future<Integer> first = execution.pool().submit(() -> execution.shared(work, null, null, null));
      sleep(5);
      Future<Integer> second = execution.pool().submit(() -> execution.shared(work, null, null, null));
      assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(40);
      assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(40);
    }
    // the waiting worker is replaced by a spare, so the parallel stream runs on two threads, not one
    assertThat(threads).hasSizeGreaterThanOrEqualTo(2);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
