package org.embdiff.spark;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;

/**
 * One line per finished Spark stage (wall time, task time, input, shuffle bytes), for measuring
 * throughput and shuffle volume; on when the system property {@code embdiff.spark.stages} is true.
 */
final class StageLog extends SparkListener {
  private final PrintStream out;

  StageLog(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    StageInfo s = event.stageInfo();
    TaskMetrics m = s.taskMetrics();
    long wall = s.completionTime().isDefined() && s.submissionTime().isDefined()
        ? (Long) s.completionTime().get() - (Long) s.submissionTime().get() : -1;
    String name = s.name().split(" at ")[0];
    out.printf(Locale.ROOT, "stage %d %-22s %3d tasks  wall %7.2f s  task time %7.2f s  input %8.1f MB  "
        + "shuffle write %8.1f MB (%,d records)  shuffle read %8.1f MB%n", s.stageId(), name, s.numTasks(), wall / 1e3,
        m.executorRunTime() / 1e3, m.inputMetrics().bytesRead() / 1e6, m.shuffleWriteMetrics().bytesWritten() / 1e6,
        m.shuffleWriteMetrics().recordsWritten(), m.shuffleReadMetrics().totalBytesRead() / 1e6);
    out.flush();
  }
}
