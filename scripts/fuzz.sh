#!/usr/bin/env bash
# fuzz.sh: runs every `go test -fuzz` target of the module, one after another.
#
#   scripts/fuzz.sh                       every target for $FUZZTIME (default 8s)
#   FUZZTIME=10m scripts/fuzz.sh FuzzLoad FuzzDiff   only the named targets
#   FUZZPARALLEL=1 ...                    workers per target (go test -parallel)
#
# A finding is written by Go to the package's testdata/fuzz/<Target>/ and
# fails the script at once: commit it with the fix, it is the regression
# test. Go 1.26's coordinator can also end a target with a bare "context
# deadline exceeded" at the -fuzztime boundary on a loaded machine, with no
# failing input (golang/go#75804, fixed in Go 1.27): that is retried once.
# Each target's last status line (its execs and new interesting inputs) is
# printed, so the log states how long each ran without a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-8s}
parallel=()
[ -n "${FUZZPARALLEL:-}" ] && parallel=(-parallel="$FUZZPARALLEL")

want=" $* "
while IFS= read -r line; do
  file=${line%%:*}
  name=$(sed -E 's/^.*func (Fuzz[A-Za-z0-9_]+).*/\1/' <<<"$line")
  [ $# -gt 0 ] && [[ $want != *" $name "* ]] && continue
  pkg=$(dirname "$file")
  echo "-- $pkg $name ($fuzztime) started $(date +%H:%M:%S)"
  for attempt in 1 2; do
    log=$(mktemp)
    if go test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" "${parallel[@]}" "$pkg" >"$log" 2>&1; then
      grep -E '^fuzz: elapsed' "$log" | tail -1 || true
      tail -1 "$log"; rm -f "$log"; break
    fi
    cat "$log"
    if grep -q 'Failing input written to' "$log" || ! grep -q 'context deadline exceeded' "$log" || [ "$attempt" = 2 ]; then
      rm -f "$log"; exit 1
    fi
    echo "-- $name: bare deadline at the -fuzztime boundary (golang/go#75804); running it again"
    rm -f "$log"
  done
done < <(grep -rn --include='*_test.go' -E '^func Fuzz[A-Za-z0-9_]+\(' . | sort)
