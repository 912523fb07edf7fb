# METADATA
# title: Public resource policy helpers
# description: >-
#   Tell whether a resource policy document (JSON text) has an Allow statement any AWS account or
#   anonymous caller matches: principal '*', {"AWS": "*"} or every account's root
#   ("arn:aws:iam::*:root"), with no condition that pins the caller or the source to known
#   accounts, organizations, networks or resources.
# custom:
#   library: true
package lib.aws.publicpolicy

import rego.v1

# Condition keys that narrow a wildcard principal to known callers or sources.
restricting_keys := {
	"aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths",
	"aws:principalaccount", "aws:principalarn", "aws:principalorgid", "aws:principalorgpaths",
	"aws:sourcevpc", "aws:sourcevpce", "aws:sourceip", "aws:userid", "aws:username",
	"aws:calledvia", "aws:principalservicename", "kms:calleraccount",
}

_as_array(x) := x if is_array(x)

_as_array(x) := [x] if not is_array(x)

_statements(text) := [s |
	is_string(text)
	json.is_valid(text)
	doc := json.unmarshal(text)
	is_object(doc)
	some s in _as_array(object.get(doc, "Statement", []))
	is_object(s)
]

_wildcard("*")

_wildcard(p) if {
	is_string(p)
	regex.match(`^arn:aws[a-z-]*:iam::\*:root$`, p)
}

public_principal(p) if _wildcard(p)

public_principal(p) if {
	is_object(p)
	some a in _as_array(object.get(p, "AWS", []))
	_wildcard(a)
}

restricted(s) if {
	some _, block in object.get(s, "Condition", {})
	is_object(block)
	some key, _ in block
	lower(key) in restricting_keys
}

# public_statements(text): the Allow statements of the document anyone may match (Sid or index).
public_statements(text) := {name |
	some i, s in _statements(text)
	s.Effect == "Allow"
	public_principal(object.get(s, "Principal", {}))
	not restricted(s)
	name := object.get(s, "Sid", sprintf("#%d", [i]))
}

# is_public(text): the document has such a statement.
is_public(text) if count(public_statements(text)) > 0
