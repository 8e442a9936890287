#!/usr/bin/env bash
# The shell step of the hasme-check action (action.yml beside it); runnable on its own:
#   INPUT_COMMAND="python3 my_hasme.py" INPUT_JUNIT=out.xml GITHUB_ACTION_PATH=.github/actions/hasme-check \
#     .github/actions/hasme-check/hasme-check.sh
# Installs and builds hasme-verify from the action's checkout (unless already built), runs
# `hasme check` in the working directory, writes the JUnit file and a step summary; the exit
# status is hasme check's (0 all cases pass, 1 a failure, 2 bad usage).
set -euo pipefail
: "${INPUT_COMMAND:?input command is required}"
root="$(cd "${GITHUB_ACTION_PATH:?}/../../.." && pwd)"
if [ ! -f "$root/dist/src/cli/main.js" ]; then
  (cd "$root" && npm ci --no-audit --no-fund >&2)
fi
read -r -a impl <<< "$INPUT_COMMAND"
read -r -a extra <<< "${INPUT_ARGS:-}"
args=(check --junit "${INPUT_JUNIT:-hasme-conformance.xml}")
if [ -n "${INPUT_OPS:-}" ]; then args+=(--ops "$INPUT_OPS"); fi
log="$(mktemp)"
status=0
node "$root/bin/hasme.js" "${args[@]}" "${extra[@]}" -- "${impl[@]}" | tee "$log" || status=${PIPESTATUS[0]}
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  { echo '### hasme check'; echo; echo '```'; cat "$log"; echo '```'; } >> "$GITHUB_STEP_SUMMARY"
fi
rm -f "$log"
exit "$status"
