#!/usr/bin/env python3
"""numpy's float32 peers of embdiff's neighbour kernels, on the shapes of KernelThroughput:
  search ROWS DIM QUERIES K REPS   -- sgemm of QUERIES x DIM against ROWS x DIM, then the batched
                                      search (normalised matrix @ queries in chunks of 100, argpartition + sort of the top K)
  allpairs ROWS DIM - K REPS       -- every row against every row, in chunks of 1,000 rows (own row excluded)
Prints wall, process CPU and GFLOP/s (2 x queries x rows x dim) per repetition."""
import sys, time
import numpy as np

what, rows, dim, queries, k, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
rng = np.random.default_rng(7)
m = rng.standard_normal((rows, dim), dtype=np.float32)
m /= np.linalg.norm(m, axis=1, keepdims=True)
nq = rows if what == "allpairs" else int(queries)
q = m if what == "allpairs" else rng.standard_normal((nq, dim), dtype=np.float32)
flops = 2.0 * nq * rows * dim
chunk = 1000 if what == "allpairs" else 100

def topk(s, k):
    idx = np.argpartition(-s, k - 1, axis=1)[:, :k]
    part = np.take_along_axis(s, idx, axis=1)
    return np.take_along_axis(idx, np.argsort(-part, axis=1, kind="stable"), axis=1)

for rep in range(reps):
    if what == "search":
        t0, c0 = time.perf_counter(), time.process_time()
        s = q @ m.T
        t1, c1 = time.perf_counter(), time.process_time()
        print("numpy sgemm rep %d: %.3f s wall, %.3f s cpu, %.1f GFLOP/s wall, %.1f GFLOP per cpu-second"
              % (rep, t1 - t0, c1 - c0, flops / (t1 - t0) / 1e9, flops / (c1 - c0) / 1e9))
        del s
    t0, c0 = time.perf_counter(), time.process_time()
    qn = q / np.linalg.norm(q, axis=1, keepdims=True)
    for f in range(0, nq, chunk):
        s = qn[f:f + chunk] @ m.T
        if what == "allpairs":
            s[np.arange(s.shape[0]), np.arange(f, f + s.shape[0])] = -np.inf
        topk(s, k)
    t1, c1 = time.perf_counter(), time.process_time()
    print("numpy batched %s rep %d: %.3f s wall, %.3f s cpu, %.0f queries/s, %.1f GFLOP/s wall, %.1f GFLOP per cpu-second"
          % (what, rep, t1 - t0, c1 - c0, nq / (t1 - t0), flops / (t1 - t0) / 1e9, flops / (c1 - c0) / 1e9))
