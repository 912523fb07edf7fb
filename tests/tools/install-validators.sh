#!/usr/bin/env bash
# install-validators.sh: make sure the offline JSON Schema validator the format tests use is present.
# tests/tools/validate_json_schema.py needs the python3 module `jsonschema` (>= 4, draft-04/07 support).
# Order: already importable -> Debian package python3-jsonschema (when root and apt-get exists) ->
# pip --user. Idempotent; safe to call from .ci/run on every run.
set -euo pipefail

have() { python3 -c 'import jsonschema, sys; sys.exit(0 if int(jsonschema.__version__.split(".")[0]) >= 4 else 1)' 2>/dev/null; }

if have; then
    echo "install-validators: python3 jsonschema present"
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-jsonschema >/dev/null || true
fi
if ! have; then
    python3 -m pip install --user --quiet 'jsonschema>=4' || python3 -m pip install --quiet 'jsonschema>=4'
fi
if have; then
    echo "install-validators: python3 jsonschema installed"
else
    echo "install-validators: could not install python3 jsonschema (apt-get install python3-jsonschema, or pip install jsonschema)" >&2
    exit 1
fi
