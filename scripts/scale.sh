#!/usr/bin/env bash
# scale.sh: how quoteaudit's time and memory grow with the corpus.
#
#   scripts/scale.sh            1k and 10k articles
#   scripts/scale.sh 100k       1k, 10k and 100k (slow: generation, then minutes per run)
#   SIZES="2000 5000" scripts/scale.sh   any sizes
#
# For each size it generates a corpus of sister articles (scripts/gencorpus,
# seed 1) under $QA_BENCH (default /tmp/qa-bench; never inside the repo),
# warms the page cache, then times, side by side:
#   grep   one `grep -rohE` pass for quoted spans, piped to wc (grep stops at
#          the first match when writing to /dev/null, so it must not);
#   json   quoteaudit -q -f json --fail-on none
#   all    quoteaudit -q -f all  --fail-on none   (JSON, text, xlsx, PDF)
# with /usr/bin/time -v, and prints wall seconds, CPU seconds (user+sys),
# the ratios to grep, and quoteaudit's peak RSS, then the wall time of each
# stage of the JSON runs (the hidden --timings flag). On a loaded machine
# read the CPU columns: wall time then says more about the load than the
# tool.
set -euo pipefail
cd "$(dirname "$0")/.."
root=${QA_BENCH:-/tmp/qa-bench}
sizes=${SIZES:-"1000 10000"}
for a in "$@"; do
  case $a in
    100k|100000) sizes="$sizes 100000" ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "scale.sh: unknown argument $a (want 100k)" >&2; exit 2 ;;
  esac
done

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
  else
    echo "scale.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1
  fi
fi

bin=$root/bin/quoteaudit
mkdir -p "$root/bin"
go build -o "$bin" ./cmd/quoteaudit
go build -o "$root/bin/gencorpus" ./scripts/gencorpus
gen_sum=$(cat internal/corpusgen/*.go | sha256sum | cut -c1-12)

# timed LABEL CMD...: runs CMD under /usr/bin/time -v; sets wall, cpu, rss_mb.
timed() {
  local label=$1; shift
  local log=$root/time-$label.log
  /usr/bin/time -v -o "$log" "$@"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$log")
  rss_mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
}

re='"[^"]+"|“[^”]+”'
rows=()
stages=()
for n in $sizes; do
  dir=$root/$n
  stamp=$root/$n.stamp
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$gen_sum" ]; then
    rm -rf "$dir"
    echo "generating $n articles in $dir" >&2
    "$root/bin/gencorpus" -n "$n" -seed 1 -out "$dir"
    echo "$gen_sum" >"$stamp"
  fi
  mb=$(du -sb "$dir" | awk '{printf "%.1f", $1/1e6}')
  find "$dir" -type f -exec cat {} + >/dev/null   # warm the page cache

  timed grep-$n bash -c "LC_ALL=C.UTF-8 grep -rohE '$re' '$dir' | wc -l >'$root/grep-$n.count'"
  gw=$wall gc=$cpu
  out=$root/out-$n
  rm -rf "$out"
  echo "auditing $n articles to JSON" >&2
  timed json-$n "$bin" -q --timings -f json --fail-on none --date 2026-01-01 -o "$out/json" "$dir" 2>"$root/stages-$n.log"
  jw=$wall jc=$cpu jr=$rss_mb
  stages+=("$n articles, JSON run: $(sed -n 's/^quoteaudit: timings: //p' "$root/stages-$n.log")")
  echo "auditing $n articles to every format" >&2
  timed all-$n "$bin" -q -f all --fail-on none --date 2026-01-01 -o "$out/all" "$dir"
  aw=$wall ac=$cpu ar=$rss_mb
  rows+=("$(awk -v n="$n" -v mb="$mb" -v gw="$gw" -v gc="$gc" -v jw="$jw" -v jc="$jc" -v aw="$aw" -v ac="$ac" -v jr="$jr" -v ar="$ar" 'BEGIN {
    printf "| %d | %s | %.2f (%.2f) | %.2f (%.2f) | %.1f× (%.1f×) | %.2f (%.2f) | %.1f× (%.1f×) | %d / %d |",
      n, mb, gw, gc, jw, jc, jw/(gw>0?gw:0.01), jc/(gc>0?gc:0.01), aw, ac, aw/(gw>0?gw:0.01), ac/(gc>0?gc:0.01), jr, ar }')")
done

echo
echo "$(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg), $(go version | cut -d' ' -f3)"
echo "seconds as wall (CPU user+sys); ratios against the grep pass; peak RSS of the json / all runs"
echo
echo "| articles | MB | grep s | json s | json ratio | all-formats s | all ratio | peak MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "wall seconds per stage (--timings):"
printf '  %s\n' "${stages[@]}"
