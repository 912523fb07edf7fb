package builtin.aws.emr.aws0138_test

import rego.v1

import data.builtin.aws.emr.aws0138 as check

test_fails_configuration if {
	count(check.deny) == 1 with input as {"aws": {"emr": {"clusters": [], "securityconfiguration": [{"name": {"value": "sc1"}, "configuration": {"value": "{\"EncryptionConfiguration\": {\"EnableInTransitEncryption\": false}}"}}]}}}
}

test_passes_configuration if {
	count(check.deny) == 0 with input as {"aws": {"emr": {"clusters": [], "securityconfiguration": [{"name": {"value": "sc1"}, "configuration": {"value": "{\"EncryptionConfiguration\": {\"EnableInTransitEncryption\": true}}"}}]}}}
}

# Trivy never judges clusters: one without a security configuration has no encryption at all.
test_fails_cluster_without_configuration if {
	count(check.deny) == 1 with input as {"aws": {"emr": {"clusters": [{"settings": {"name": {"value": "c1"}}}], "securityconfiguration": []}}}
}

test_cluster_judged_through_its_configuration if {
	count(check.deny) == 2 with input as {"aws": {"emr": {"clusters": [{"settings": {"name": {"value": "c1"}}, "securityconfiguration": {"value": "sc1"}}], "securityconfiguration": [{"name": {"value": "sc1"}, "configuration": {"value": "{\"EncryptionConfiguration\": {\"EnableInTransitEncryption\": false}}"}}]}}}
	count(check.deny) == 0 with input as {"aws": {"emr": {"clusters": [{"settings": {"name": {"value": "c1"}}, "securityconfiguration": {"value": "sc1"}}], "securityconfiguration": [{"name": {"value": "sc1"}, "configuration": {"value": "{\"EncryptionConfiguration\": {\"EnableInTransitEncryption\": true}}"}}]}}}
}

test_unknown_configuration_not_evaluated if {
	count(check.deny) == 0 with input as {"aws": {"emr": {"clusters": [{"settings": {"name": {"value": "c1"}}, "securityconfiguration": {"value": "other"}}], "securityconfiguration": []}}}
	count(check.not_evaluated) == 1 with input as {"aws": {"emr": {"clusters": [{"settings": {"name": {"value": "c1"}}, "securityconfiguration": {"value": "other"}}], "securityconfiguration": []}}}
}

test_not_json_fails if {
	count(check.deny) == 1 with input as {"aws": {"emr": {"clusters": [], "securityconfiguration": [{"name": {"value": "sc1"}, "configuration": {"value": "{not json"}}]}}}
}

# Trivy compares the flag with false: a configuration that leaves it out passes there.
test_absent_flag_fails if {
	count(check.deny) == 1 with input as {"aws": {"emr": {"clusters": [], "securityconfiguration": [{"name": {"value": "sc1"}, "configuration": {"value": "{\"EncryptionConfiguration\":{}}"}}]}}}
}
