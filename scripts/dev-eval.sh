#!/bin/sh
# dev-eval.sh: score quote extraction and attribution on the hand-annotated
# BBC dev set (../shared/dev-eval). Writes the predictions to
# ${QUOTE_DEV_PRED:-/tmp/quoteaudit-dev-pred.jsonl}, runs the set's scorer
# (quote P/R/F1, speaker accuracy, joint F1, worst errors) and fails when
# quote F1 < 0.90 or speaker accuracy < 0.85.
#
# usage: scripts/dev-eval.sh [--verbose]
set -eu
cd "$(dirname "$0")/.."
if [ ! -d ../shared/dev-eval ]; then
	echo "dev-eval: ../shared/dev-eval not found" >&2
	exit 2
fi
export QUOTE_DEV_PRED="${QUOTE_DEV_PRED:-/tmp/quoteaudit-dev-pred.jsonl}"
# End to end: quoteaudit on the dev articles, quoteaudit.json turned into
# the scorer's predictions (--verbose adds the scorer's worst errors).
if [ "${1:-}" = "--verbose" ]; then
	export QUOTEAUDIT_DEV_VERBOSE=1
fi
go test ./cmd/quoteaudit -run '^TestDevEvalEndToEnd$' -count=1 -v | grep -v '^=== RUN'
# The extractor alone, with its list of the worst errors.
go test ./audit/quote -run '^TestDevEval$' -count=1 -v
echo "predictions of the extractor alone: $QUOTE_DEV_PRED"
