#!/usr/bin/env python3
"""validate_json_schema.py: validate JSON documents against a JSON Schema, offline.

    python3 tests/tools/validate_json_schema.py SCHEMA.json DOC.json [DOC.json ...]

Uses the `jsonschema` package (draft-04 for SARIF's OASIS schema, draft-07 for osprey's own),
with the `uri`, `uri-reference` and `date-time` formats checked by small local functions (so a
SARIF `artifactLocation.uri` that is not a valid URI reference fails). Exit 0 when every
document is valid; otherwise prints each error with its JSON path and exits 1. Exit 2 when
jsonschema is missing: run tests/tools/install-validators.sh.

Also importable: `validate(schema_path, doc) -> list of error strings`.
"""
import json
import re
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    jsonschema = None

# RFC 3986: scheme ":" hier-part, or a relative reference; pct-encoded triplets must be whole.
_URI_CHARS = re.compile(r"^([A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _format_checker():
    fc = jsonschema.FormatChecker(formats=())

    @fc.checks("uri-reference")
    def _uri_ref(value):
        return not isinstance(value, str) or bool(_URI_CHARS.match(value))

    @fc.checks("uri")
    def _uri(value):
        return not isinstance(value, str) or (bool(_URI_CHARS.match(value)) and bool(_SCHEME.match(value)))

    @fc.checks("date-time")
    def _dt(value):
        return not isinstance(value, str) or bool(_DATE_TIME.match(value))

    return fc


def validate(schema_path, doc):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    v = cls(schema, format_checker=_format_checker())
    errors = []
    for e in sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in e.absolute_path) or "(root)"
        errors.append("%s: %s" % (path, e.message[:300]))
    return errors


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    if jsonschema is None:
        print("validate_json_schema: python3 module 'jsonschema' is missing (run tests/tools/install-validators.sh)",
              file=sys.stderr)
        return 2
    bad = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = validate(argv[1], doc)
        for e in errors[:50]:
            print("%s: %s" % (path, e))
        bad += bool(errors)
        if not errors:
            print("%s: valid" % path)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
