#!/usr/bin/env bash
# The main job on the embedded default: the bundled example statement through every stage, into the SQLite archive.
set -euo pipefail
cd "$(dirname "$0")/.."
example=examples/statement-etge-2024-en-zh.txt
concord() { node bin/concord.js "$@"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "concord analyze $example"; concord analyze "$example"
step "concord check $example"; concord check "$example" --fail-on never
step "concord facts $example"; concord facts "$example"
step "concord add $example  (archive: ${CONCORD_DB:-default SQLite file})"; concord add "$example"
step "concord search 东突厥斯坦  (Simplified query, Traditional text)"; concord search 东突厥斯坦 --limit 3
step "concord search '\"Resolution 3070\"'  (English query, aligned Chinese shown)"; concord search '"Resolution 3070"' --limit 3
printf '\nNext: npm start  — the reader on http://127.0.0.1:7420/\n'
