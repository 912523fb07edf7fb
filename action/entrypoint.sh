#!/usr/bin/env bash
# action/entrypoint.sh: the GitHub Action's scan step. Maps INPUT_* variables to osprey flags,
# runs the scan, decides whether the SARIF goes to code scanning, writes the step outputs
# ($GITHUB_OUTPUT) and the job summary ($GITHUB_STEP_SUMMARY), and exits with osprey's exit code.
#
# Runs outside GitHub too (that is how it is tested): set OSPREY_BIN, INPUT_*, GITHUB_OUTPUT and
# GITHUB_STEP_SUMMARY. OIDC: with INPUT_ROLE_TO_ASSUME and ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN in
# the environment, osprey fetches the workflow's ID token and assumes the role itself.
# Code scanning probe (upload-sarif: auto): GITHUB_API_URL, GITHUB_REPOSITORY and INPUT_TOKEN.
set -uo pipefail

: "${GITHUB_OUTPUT:=/dev/null}"
: "${GITHUB_STEP_SUMMARY:=/dev/null}"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work_dir=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
# The token only serves the code scanning probe: keep it out of osprey's environment.
api_token=${INPUT_TOKEN:-}
unset INPUT_TOKEN

die() { # die MESSAGE: a configuration error, as osprey reports them (exit 2)
  echo "::error title=osprey::$1"
  echo "osprey action: $1" >&2
  exit 2
}

# split_list SEPARATORS TEXT: print the items of TEXT one per line. Items are separated by any
# character of SEPARATORS (and newlines); an item that starts with ' or " runs to the matching
# quote and may hold separators; a quote inside an item (an apostrophe) is an ordinary character.
# Returns 1 on an unterminated quote.
split_list() {
  local seps=$1$'\n' text=$2 i=0 n=${#2} c item quote
  while [ "$i" -lt "$n" ]; do
    c=${text:i:1}
    if [[ "$seps" == *"$c"* ]]; then
      i=$((i + 1))
      continue
    fi
    item=""
    if [ "$c" = "'" ] || [ "$c" = '"' ]; then
      quote=$c
      i=$((i + 1))
      while [ "$i" -lt "$n" ] && [ "${text:i:1}" != "$quote" ]; do
        item+=${text:i:1}
        i=$((i + 1))
      done
      [ "$i" -lt "$n" ] || return 1
      i=$((i + 1))
    else
      while [ "$i" -lt "$n" ] && [[ "$seps" != *"${text:i:1}"* ]]; do
        item+=${text:i:1}
        i=$((i + 1))
      done
    fi
    [ -n "$item" ] && printf '%s\n' "$item"
  done
  return 0
}

# items NAME TEXT [SEPARATORS]: split TEXT into the array named by NAME (default separators:
# spaces, tabs and commas). An unterminated quote is a configuration error naming the input.
items() {
  local -n into=$1 # the caller's array
  local out
  # shellcheck disable=SC2034 # assigned through the nameref
  into=()
  out=$(split_list "${4:-$' \t,'}" "$2") || die "input ${3}: unterminated quote in: $2"
  if [ -n "$out" ]; then
    # shellcheck disable=SC2034 # assigned through the nameref
    mapfile -t into <<< "$out"
  fi
  return 0
}

args=(aws --format table)
add_each() { # add_each FLAG INPUT-NAME "list"
  local flag=$1 item list
  items list "$3" "$2"
  for item in "${list[@]}"; do
    args+=("$flag" "$item")
  done
}
add_one() { # add_one FLAG value
  [ -n "$2" ] && args+=("$1" "$2")
  return 0
}

add_one --role-arn "${INPUT_ROLE_TO_ASSUME:-}"
add_one --role-session-name "${INPUT_ROLE_SESSION_NAME:-}"
add_each --region regions "${INPUT_REGIONS:-}"
add_each --service services "${INPUT_SERVICES:-}"
add_each --skip-service skip-services "${INPUT_SKIP_SERVICES:-}"
add_one --severity "${INPUT_SEVERITY:-}"
add_one --fail-on "${INPUT_FAIL_ON:-}"
add_each --threshold thresholds "${INPUT_THRESHOLDS:-}"
add_one --compliance "${INPUT_COMPLIANCE:-}"
add_each --config-check config-check "${INPUT_CONFIG_CHECK:-}"
add_each --check-namespaces check-namespaces "${INPUT_CHECK_NAMESPACES:-}"
add_one --ignorefile "${INPUT_IGNOREFILE:-}"
add_one --cache-artifact "${INPUT_CACHE_ARTIFACT:-}"
exit_code_input=${INPUT_EXIT_CODE:-1}
# --exit-code alone would fail on any finding (trivy's meaning): pass it only with a threshold.
if [ -n "${INPUT_FAIL_ON:-}" ] || [ -n "${INPUT_THRESHOLDS:-}" ]; then
  add_one --exit-code "$exit_code_input"
fi

# osprey reads these itself (OIDC audience and session length of the assumed role).
if [ -n "${INPUT_AUDIENCE:-}" ]; then
  export OSPREY_OIDC_AUDIENCE=$INPUT_AUDIENCE
fi
if [ -n "${INPUT_ROLE_DURATION_SECONDS:-}" ]; then
  if ! [[ "$INPUT_ROLE_DURATION_SECONDS" =~ ^[0-9]{3,5}$ ]] || [ "$INPUT_ROLE_DURATION_SECONDS" -lt 900 ] \
    || [ "$INPUT_ROLE_DURATION_SECONDS" -gt 43200 ]; then
    die "input role-duration-seconds: '$INPUT_ROLE_DURATION_SECONDS' is not a number of seconds from 900 to 43200"
  fi
  export OSPREY_ROLE_DURATION_SECONDS=$INPUT_ROLE_DURATION_SECONDS
fi
# The cache artifact's key (a CI secret). osprey does not authenticate artifacts with it yet; it
# is passed through so workflows need no change when it does.
if [ -n "${INPUT_ARTIFACT_KEY:-}" ]; then
  echo "::add-mask::$INPUT_ARTIFACT_KEY"
  export OSPREY_ARTIFACT_KEY=$INPUT_ARTIFACT_KEY
fi
unset INPUT_ARTIFACT_KEY

json_path="" sarif_path="" junit_path="" specs=()
items specs "${INPUT_FORMATS:-}" formats
for spec in "${specs[@]}"; do
  fmt=${spec%%=*}
  path=${spec#*=}
  [ "$path" = "$spec" ] && die "input formats: '$spec' needs a path (FORMAT=PATH)"
  case "$fmt" in
    json) json_path=$path ;;
    sarif) sarif_path=$path ;;
    junit) junit_path=$path ;;
    table | codequality | asff | html) ;;
    *) die "input formats: unknown format '$fmt' (use json, sarif, junit, codequality, asff, html or table)" ;;
  esac
  args+=(--format "$spec")
done

# The counts and the summary come from a JSON report; write one if none was asked for.
summary_json=$json_path
if [ -z "$summary_json" ]; then
  summary_json="$work_dir/osprey-summary-$$.json"
  args+=(--format "json=$summary_json")
fi

if [ -n "${INPUT_EXTRA_ARGS:-}" ]; then
  items extra "$INPUT_EXTRA_ARGS" extra-args $' \t'
  args+=("${extra[@]}")
fi

run_osprey() {
  if [ -n "${INPUT_IMAGE:-}" ]; then
    local envs=() v
    for v in $(compgen -e); do
      case "$v" in AWS_* | ACTIONS_ID_TOKEN_* | OSPREY_* | CI | GITHUB_*) envs+=(-e "$v") ;; esac
    done
    docker run --rm --network host -u "$(id -u):$(id -g)" -v "$PWD:$PWD" -w "$PWD" "${envs[@]}" "$INPUT_IMAGE" "$@"
  else
    "${OSPREY_BIN:-osprey}" "$@"
  fi
}

printf 'osprey'
printf ' %q' "${args[@]}"
printf '\n'
run_osprey "${args[@]}"
status=$?

# Facts from the reports: counts, the SARIF's category, whether the run was complete.
declare -A fact=()
while IFS='=' read -r k v; do
  [ -n "$k" ] && fact[$k]=$v
done < <(python3 "$here/summary.py" facts "$summary_json" "${sarif_path:--}")
critical=${fact[critical]:-0} high=${fact[high]:-0} medium=${fact[medium]:-0} low=${fact[low]:-0}
category=${fact[category]:-}
incomplete=${fact[incomplete]:-false}

# The JSON report's Gate says whether thresholds were breached (report-only and incomplete runs too);
# without it (an older osprey, or no gate), the exit code decides.
breached=${fact[breached]:-}
if [ -z "$breached" ]; then
  breached=false
  if [ "$status" -ne 0 ] && [ "$status" = "$exit_code_input" ] && { [ -n "${INPUT_FAIL_ON:-}" ] || [ -n "${INPUT_THRESHOLDS:-}" ]; }; then
    breached=true
  fi
fi

# code_scanning: "yes", "no" (not available on this repository) or "unknown" (could not tell).
code_scanning() {
  local api=${GITHUB_API_URL:-https://api.github.com} body code
  if [ -z "$api_token" ] || [ -z "${GITHUB_REPOSITORY:-}" ]; then
    echo unknown
    return
  fi
  body=$(mktemp)
  code=$(curl -sS -o "$body" -w '%{http_code}' --max-time 15 \
    -H "Authorization: Bearer $api_token" -H "Accept: application/vnd.github+json" \
    -H "X-GitHub-Api-Version: 2022-11-28" \
    "$api/repos/$GITHUB_REPOSITORY/code-scanning/analyses?per_page=1" 2>/dev/null) || code=000
  if [ "$code" = 200 ] || { [ "$code" = 404 ] && grep -qi 'no analysis found' "$body"; }; then
    echo yes
  elif [ "$code" = 403 ] || [ "$code" = 404 ]; then
    # "no", then GitHub's reason (e.g. Advanced Security must be enabled; Resource not accessible)
    printf 'no %s\n' "$(python3 -c 'import json,sys; print(str(json.load(open(sys.argv[1])).get("message",""))[:200])' \
      "$body" 2>/dev/null | tr -d '\r\n')"
  else
    echo unknown
  fi
  rm -f "$body"
}

# Whether the next step uploads the SARIF, and why not.
upload=false upload_note=""
mode=${INPUT_UPLOAD_SARIF:-auto}
case "$mode" in
  auto | true | false) ;;
  *) die "input upload-sarif: '$mode' (use auto, true or false)" ;;
esac
if [ "$mode" = false ]; then
  upload_note="SARIF upload is off (upload-sarif: false)."
elif [ -z "$sarif_path" ] || [ ! -s "$sarif_path" ]; then
  upload_note="No SARIF report was written, so nothing was uploaded to code scanning."
elif [ "$incomplete" = true ] && [ "${INPUT_UPLOAD_INCOMPLETE_SARIF:-false}" != true ]; then
  upload_note="The SARIF was **not uploaded**: the scan was incomplete, and code scanning would close the \
open alerts of everything that was not scanned. Set upload-incomplete-sarif: true to upload it anyway."
  echo "::warning title=osprey::incomplete scan: the SARIF was not uploaded (it would close alerts of services that were not scanned)"
elif [ "$mode" = true ]; then
  upload=true
else
  probe=$(code_scanning)
  case $probe in
    yes) upload=true ;;
    unknown)
      upload=true
      upload_note="Could not tell whether code scanning is available; the upload is tried and may not fail the job." ;;
    no*)
      why=${probe#no}
      why=${why# }
      upload_note="Code scanning is not available on this repository${why:+ (GitHub: ${why//|/\\|})}: a private \
repository needs GitHub Code Security, and the job needs security-events: write. The SARIF was not uploaded; the \
reports and this summary have the findings."
      echo "::notice title=osprey::code scanning is not available on this repository${why:+ ($why)}; the SARIF was not uploaded" ;;
  esac
fi

# One output, in the NAME<<DELIMITER form with a random delimiter; CR and LF stripped.
put_output() {
  local value=${2//$'\r'/} delim
  value=${value//$'\n'/}
  delim="osprey_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s<<%s\n%s\n%s\n' "$1" "$delim" "$value" "$delim" >> "$GITHUB_OUTPUT"
}
put_output json "$json_path"
put_output sarif "$sarif_path"
put_output junit "$junit_path"
put_output critical "$critical"
put_output high "$high"
put_output medium "$medium"
put_output low "$low"
put_output breached "$breached"
put_output incomplete "$incomplete"
put_output exit-code "$status"
put_output category "$category"
put_output upload-sarif "$upload"

{
  python3 "$here/summary.py" markdown "$summary_json" "${sarif_path:--}" "${INPUT_SUMMARY_TOP:-10}"
  if [ "$breached" = true ]; then
    echo "**Threshold breached** (exit code $status)."
  elif [ "$status" -ne 0 ]; then
    echo "**The scan failed** (exit code $status); see the step log."
  else
    echo "No threshold breached."
  fi
  echo
  [ -z "$upload_note" ] || { echo "$upload_note"; echo; }
} >> "$GITHUB_STEP_SUMMARY"

exit "$status"
