# METADATA
# title: IAM helpers
# description: Users, keys, MFA and policy documents as the IAM checks read them.
# custom:
#   library: true
package lib.aws.iam

import rego.v1

import data.lib.datetime

# The root entry carries root: true (osprey); Trivy-style inputs name it "root".
is_root_user(user) := v if {
	v := user.root.value
	is_boolean(v)
} else := user.name.value == "root"

# MFA on a user: the credential report's mfa_active when collected, else devices.
has_mfa(user) if user.mfaactive.value == true

has_mfa(user) if {
	not user.mfaactive
	user_has_mfa_devices(user)
}

# A console password: the report's password_enabled; Trivy inputs lack it, so a
# recorded console login stands in for it there.
has_console_password(user) if user.passwordenabled.value == true

has_console_password(user) if {
	not user.passwordenabled
	is_user_logged_in(user)
}

active_keys(user) := [k | some k in object.get(user, "accesskeys", []); k.active.value == true]

# A credential not used for more than days: used long ago, or never used and
# issued (set / rotated) long ago. Pass "" for an unknown time.
stale(last_used, issued, days) if {
	last_used != ""
	datetime.time_diff_gt_days(last_used, days)
}

stale(last_used, issued, days) if {
	last_used == ""
	issued != ""
	datetime.time_diff_gt_days(issued, days)
}

time_of(obj, field) := object.get(obj, [field, "value"], "")

# Trivy's names, kept for third-party checks.
is_user_logged_in(user) if {
	user.lastaccess.value
	not datetime.is_never(user.lastaccess.value)
}

user_has_mfa_devices(user) if count(object.get(user, "mfadevices", [])) > 0

user_is_inactive(user, days) if {
	is_user_logged_in(user)
	datetime.time_diff_gt_days(user.lastaccess.value, days)
}

key_is_unused(key, days) if {
	key.active.value == true
	key.lastaccess.value
	datetime.time_diff_gt_days(key.lastaccess.value, days)
}

# A policy document (the JSON string in document.value) as an object; {} when it
# does not parse, so a malformed document never matches a statement.
parse_document(doc) := json.unmarshal(doc) if {
	is_string(doc)
	json.is_valid(doc)
} else := doc if {
	is_object(doc)
} else := {}

as_array(x) := x if {
	is_array(x)
} else := [x]

# statements(doc): every statement of a document with Action, NotAction and
# Resource turned into arrays (AWS allows a bare string or a single object).
statements(doc) := [s |
	d := parse_document(doc)
	some raw in as_array(object.get(d, "Statement", []))
	is_object(raw)
	s := object.union(raw, {
		"Action": as_array(object.get(raw, "Action", [])),
		"Resource": as_array(object.get(raw, "Resource", []))
	})
]

# True when the document allows every action on every resource ("*:*" admin).
allows_full_admin(doc) if {
	some s in statements(doc)
	s.Effect == "Allow"
	not s.Condition
	"*" in s.Action
	"*" in s.Resource
}
