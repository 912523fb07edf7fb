# METADATA
# title: KMS key helpers
# description: >-
#   Tell a customer managed KMS key from an AWS managed one, given the reference a resource
#   carries (key id, key ARN, alias name or alias ARN), through input.aws.kms.keys and
#   input.aws.kms.aliases of the same region.
# custom:
#   library: true
package lib.aws.kms

import rego.v1

# The reference as a string: plain, or a wrapped state value.
_ref(ref) := ref.value if is_object(ref)

_ref(ref) := ref if is_string(ref)

# The alias name a reference denotes ("alias/x" or "arn:...:alias/x"); undefined for key references.
_alias_name(r) := r if startswith(r, "alias/")

_alias_name(r) := concat("", ["alias/", substring(r, indexof(r, ":alias/") + 7, -1)]) if {
	startswith(r, "arn:")
	contains(r, ":alias/")
}

# A key id from a key id or key ARN.
_key_id(r) := substring(r, indexof(r, ":key/") + 5, -1) if contains(r, ":key/")

_key_id(r) := r if not contains(r, ":key/")

# The key ids a reference resolves to: an alias's target, or the key itself.
_key_ids(r) := {_key_id(a.targetkeyid.value) |
	some a in input.aws.kms.aliases
	a.name.value == _alias_name(r)
	a.targetkeyid.value != ""
} if _alias_name(r)

_key_ids(r) := {_key_id(r)} if not _alias_name(r)

_aws_alias(name) if startswith(name, "alias/aws/")

# ref is an AWS managed key: an alias/aws/... alias, a key whose manager is AWS, or a key an
# alias/aws/... alias points at.
is_aws_managed(ref) if _aws_alias(_alias_name(_ref(ref)))

is_aws_managed(ref) if {
	some id in _key_ids(_ref(ref))
	some key in input.aws.kms.keys
	_key_id(key.arn.value) == id
	key.manager.value == "AWS"
}

is_aws_managed(ref) if {
	some id in _key_ids(_ref(ref))
	some key in input.aws.kms.keys
	key.id.value == id
	key.manager.value == "AWS"
}

is_aws_managed(ref) if {
	some id in _key_ids(_ref(ref))
	some a in input.aws.kms.aliases
	_aws_alias(a.name.value)
	_key_id(a.targetkeyid.value) == id
}

# ref names a key that is not AWS managed (a key of another account, or one not in the state,
# counts: it cannot be this account's AWS managed key). An empty ref (the AWS owned default) is
# neither customer nor AWS managed.
is_customer_managed(ref) if {
	r := _ref(ref)
	r != ""
	not is_aws_managed(r)
}
