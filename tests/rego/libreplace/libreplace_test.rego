package user.libreplace_test

import rego.v1

import data.lib.aws.trails

test_user_lib_replaces_builtin if {
	trails.multi_region({"ismultiregion": {"value": true}})
}

test_builtin_lib_not_replaced_is_still_there if {
	data.lib.net.is_tcp_protocol("TCP")
}

# Trivy style: an import after a rule
test_import_after_rule if {
	v.is_tcp_protocol("6")
}

import data.lib.net as v
