package org.embdiff.spark;

import org.apache.spark.Partitioner;

/** Sends a chunk keyed by its reduce partition number to that partition. */
final class ChunkPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final int partitions;

  ChunkPartitioner(int partitions) {
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return (Integer) key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChunkPartitioner c && c.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return partitions;
  }
}
