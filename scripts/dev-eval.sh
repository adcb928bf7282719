#!/bin/sh
# dev-eval.sh: score quote extraction and attribution on the hand-annotated
# BBC dev set (../shared/dev-eval). Writes the predictions to
# ${QUOTE_DEV_PRED:-/tmp/quoteaudit-dev-pred.jsonl}, runs the set's scorer
# (quote P/R/F1, speaker accuracy, joint F1, worst errors) and fails when
# quote F1 < 0.90 or speaker accuracy < 0.85.
#
# usage: scripts/dev-eval.sh
set -eu
cd "$(dirname "$0")/.."
if [ ! -d ../shared/dev-eval ]; then
	echo "dev-eval: ../shared/dev-eval not found" >&2
	exit 2
fi
export QUOTE_DEV_PRED="${QUOTE_DEV_PRED:-/tmp/quoteaudit-dev-pred.jsonl}"
go test ./audit/quote -run '^TestDevEval$' -count=1 -v
echo "predictions: $QUOTE_DEV_PRED"
