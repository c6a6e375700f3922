#!/usr/bin/env bash
# SGNS training speed, embdiff vs gensim vs fastText, alternating runs on one corpus (100d, window 5,
# 5 negatives, sample 1e-4, min-count 5, 1 epoch, 2 threads). Each run under GNU time -v; the load
# average before and after each run and every tool's own words/s line go to OUT/log.tsv.
# Usage: embdiff-bench/scripts/sgns_vs_peers.sh CORPUS OUT ROUNDS [TOOLS...]
#   tools: embdiff (its default step), embdiff-shared (noise words shared per window), embdiff-pairs (fresh
#   noise words per pair, as word2vec), gensim, fasttext; default: embdiff gensim fasttext
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$1"; out="$2"; rounds="${3:-2}"; shift 3 || true
tools=("$@"); [ ${#tools[@]} -gt 0 ] || tools=(embdiff gensim fasttext)
mkdir -p "$out"
"$root/embdiff" --version >/dev/null   # build the jar outside the timing
# a copy of the jar, run as the launcher runs it, so that editing the sources during the runs cannot
# start a rebuild inside a timed run
cp "$root/embdiff-cli/target/embdiff.jar" "$out/embdiff.jar"
java_bin="${EMBDIFF_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
"$java_bin" -version 2>&1 | head -1 > "$out/jdk.txt"
for r in $(seq 1 "$rounds"); do
  for t in "${tools[@]}"; do
    before=$(cut -d' ' -f1-3 /proc/loadavg)
    case "$t" in
      embdiff*) noise=(); case "$t" in embdiff-shared) noise=(--noise shared) ;; embdiff-pairs) noise=(--noise per-pair) ;; esac
                cmd=("$java_bin" -XX:MaxRAMPercentage=75 -XX:+UseParallelGC --add-modules jdk.incubator.vector
                    -jar "$out/embdiff.jar" train sgns --corpus "$corpus" -o "$out/$t.$r.vec" --dim 100 --window 5 --negative 5
                    --epochs 1 --min-count 5 --sample 1e-4 --threads 2 --seed "$r" "${noise[@]}") ;;
      gensim) cmd=(/usr/bin/python3 "$root/embdiff-bench/scripts/sgns_w2v.py" "$corpus" 1 2 "$out/gensim.$r.vec" "$r") ;;
      fasttext) cmd=(fasttext skipgram -input "$corpus" -output "$out/ft" -dim 100 -ws 5 -neg 5 -epoch 1 -minCount 5
                     -thread 2 -minn 0 -maxn 0 -t 1e-4 -verbose 2) ;;
    esac
    /usr/bin/time -v -o "$out/$t.$r.time" "${cmd[@]}" > "$out/$t.$r.out" 2> "$out/$t.$r.err"
    after=$(cut -d' ' -f1-3 /proc/loadavg)
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/$t.$r.time")
    user=$(sed -n 's/.*User time (seconds): //p' "$out/$t.$r.time")
    sys=$(sed -n 's/.*System time (seconds): //p' "$out/$t.$r.time")
    case "$t" in
      embdiff*) rate=$(grep -o '[0-9,]* words/s' "$out/$t.$r.out" | tail -1) ;;
      gensim) rate=$(grep -o 'words_per_s [0-9]*' "$out/$t.$r.out" | tail -1) ;;
      fasttext) rate=$(tr '\r' '\n' < "$out/$t.$r.err" | grep -o 'words/sec/thread: *[0-9]*' | tail -1) ;;
    esac
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$t" "$wall" "$user" "$sys" "$rate" "load $before -> $after" | tee -a "$out/log.tsv"
  done
done
