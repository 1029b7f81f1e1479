#!/usr/bin/env bash
# The whole test suite: every *.test.ts beside the source, run by Node's own test runner through tsx.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find src bench scripts -name '*.test.ts' -not -path '*/node_modules/*' | sort)
exec node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}" "$@"
