#!/usr/bin/env bash
# action/entrypoint.sh: the GitHub Action's scan step. Maps INPUT_* variables to osprey flags,
# runs the scan, writes the step outputs ($GITHUB_OUTPUT) and a Markdown summary
# ($GITHUB_STEP_SUMMARY), and exits with osprey's exit code.
#
# Runs outside GitHub too (that is how it is tested): set OSPREY_BIN, INPUT_*, GITHUB_OUTPUT and
# GITHUB_STEP_SUMMARY. OIDC: with INPUT_ROLE_TO_ASSUME and ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN in
# the environment, osprey fetches the workflow's ID token and assumes the role itself.
set -uo pipefail

: "${GITHUB_OUTPUT:=/dev/null}"
: "${GITHUB_STEP_SUMMARY:=/dev/null}"
work_dir=${RUNNER_TEMP:-${TMPDIR:-/tmp}}

# Split a space- or comma-separated input into words, one flag per word.
split() {
  printf '%s' "$1" | tr ',' ' ' | xargs -n1 2>/dev/null || true
}

args=(aws --format table)
add_each() { # add_each FLAG "list"
  local flag=$1 item
  while IFS= read -r item; do
    [ -n "$item" ] && args+=("$flag" "$item")
  done < <(split "$2")
}
add_one() { # add_one FLAG value
  [ -n "$2" ] && args+=("$1" "$2")
  return 0
}

add_one --role-arn "${INPUT_ROLE_TO_ASSUME:-}"
add_each --region "${INPUT_REGIONS:-}"
add_each --service "${INPUT_SERVICES:-}"
add_each --skip-service "${INPUT_SKIP_SERVICES:-}"
add_one --severity "${INPUT_SEVERITY:-}"
add_one --fail-on "${INPUT_FAIL_ON:-}"
add_each --threshold "${INPUT_THRESHOLDS:-}"
add_one --compliance "${INPUT_COMPLIANCE:-}"
add_each --config-check "${INPUT_CONFIG_CHECK:-}"
add_each --check-namespaces "${INPUT_CHECK_NAMESPACES:-}"
add_one --ignorefile "${INPUT_IGNOREFILE:-}"
add_one --cache-artifact "${INPUT_CACHE_ARTIFACT:-}"
exit_code_input=${INPUT_EXIT_CODE:-1}
# --exit-code alone would fail on any finding (trivy's meaning): pass it only with a threshold.
if [ -n "${INPUT_FAIL_ON:-}" ] || [ -n "${INPUT_THRESHOLDS:-}" ]; then
  add_one --exit-code "$exit_code_input"
fi

json_path="" sarif_path="" junit_path=""
while IFS= read -r spec; do
  [ -n "$spec" ] || continue
  fmt=${spec%%=*}
  path=${spec#*=}
  [ "$path" = "$spec" ] && { echo "osprey action: format '$spec' needs a path (FORMAT=PATH)" >&2; exit 2; }
  case "$fmt" in
    json) json_path=$path ;;
    sarif) sarif_path=$path ;;
    junit) junit_path=$path ;;
    table) ;;
    *) echo "osprey action: unknown format '$fmt' (use json, sarif, junit or table)" >&2; exit 2 ;;
  esac
  args+=(--format "$spec")
done < <(split "${INPUT_FORMATS:-}")

# The counts and the summary come from a JSON report; write one if none was asked for.
summary_json=$json_path
if [ -z "$summary_json" ]; then
  summary_json="$work_dir/osprey-summary-$$.json"
  args+=(--format "json=$summary_json")
fi

if [ -n "${INPUT_EXTRA_ARGS:-}" ]; then
  read -r -a extra <<< "$INPUT_EXTRA_ARGS"
  args+=("${extra[@]}")
fi

run_osprey() {
  if [ -n "${INPUT_IMAGE:-}" ]; then
    local envs=() v
    for v in $(compgen -e); do
      case "$v" in AWS_*|ACTIONS_ID_TOKEN_*|OSPREY_*|CI|GITHUB_*) envs+=(-e "$v") ;; esac
    done
    docker run --rm --network host -u "$(id -u):$(id -g)" -v "$PWD:$PWD" -w "$PWD" "${envs[@]}" "$INPUT_IMAGE" "$@"
  else
    "${OSPREY_BIN:-osprey}" "$@"
  fi
}

echo "osprey ${args[*]}"
run_osprey "${args[@]}"
status=$?

count() { # count SEVERITY: failed findings of that severity in the JSON report
  python3 - "$summary_json" "$1" <<'PY' 2>/dev/null || echo 0
import json, sys
report = json.load(open(sys.argv[1]))
print(sum(1 for f in report.get("Findings", []) if f.get("Status") == "FAIL" and f.get("Severity") == sys.argv[2]))
PY
}
field() { # field EXPR: a value from the JSON report's header
  python3 - "$summary_json" "$1" <<'PY' 2>/dev/null || true
import json, sys
report = json.load(open(sys.argv[1]))
print({"accounts": "-".join(report.get("Accounts", [])), "regions": "-".join(report.get("Regions", []))}[sys.argv[2]])
PY
}

critical=0 high=0 medium=0 low=0
if [ -s "$summary_json" ]; then
  critical=$(count CRITICAL); high=$(count HIGH); medium=$(count MEDIUM); low=$(count LOW)
fi
breached=false
if [ "$status" -ne 0 ] && [ "$status" = "$exit_code_input" ] && { [ -n "${INPUT_FAIL_ON:-}" ] || [ -n "${INPUT_THRESHOLDS:-}" ]; }; then
  breached=true
fi
accounts=$(field accounts)
regions=$(field regions)

{
  echo "json=$json_path"
  echo "sarif=$sarif_path"
  echo "junit=$junit_path"
  echo "critical=$critical"
  echo "high=$high"
  echo "medium=$medium"
  echo "low=$low"
  echo "breached=$breached"
  echo "exit-code=$status"
  echo "category=osprey/${accounts:-unknown}/${regions:-unknown}"
} >> "$GITHUB_OUTPUT"

{
  echo "### osprey: AWS account ${accounts:-unknown} (${regions:-no region})"
  echo
  echo "| Severity | Failed findings |"
  echo "|---|---|"
  echo "| CRITICAL | $critical |"
  echo "| HIGH | $high |"
  echo "| MEDIUM | $medium |"
  echo "| LOW | $low |"
  echo
  if [ "$breached" = true ]; then
    echo "**Threshold breached** (exit code $status)."
  elif [ "$status" -ne 0 ]; then
    echo "**The scan failed** (exit code $status); see the step log."
  else
    echo "No threshold breached."
  fi
} >> "$GITHUB_STEP_SUMMARY"

exit "$status"
