# METADATA
# title: "The root user has no active access key"
# description: >-
#   An access key for the root user gives unrestricted programmatic access to the whole account and
#   cannot be scoped down. CIS requires that root has no active access key.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html
# custom:
#   id: AVD-AWS-0141
#   avd_id: AVD-AWS-0141
#   provider: aws
#   impact: >-
#     Root access keys give programmatic, unrestricted access to the whole account and never expire.
#     No task requires them; if one leaks, nothing limits what can be done with it.
#   remediation:
#     console: >-
#       Sign in as the root user > account menu > Security credentials > Access keys: Deactivate,
#       then Delete each key.
#   service: iam
#   severity: CRITICAL
#   short_code: no-root-access-keys
#   recommended_action: "Delete the root user's access keys (Security credentials page, signed in as root)."
#   frameworks:
#     cis-aws-1.2:
#       - "1.12"
#     cis-aws-1.4:
#       - "1.4"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0141

import rego.v1

import data.lib.aws.iam

deny contains res if {
	some user in input.aws.iam.users
	iam.is_root_user(user)
	count(iam.active_keys(user)) > 0
	res := result.new(sprintf("The root user has %d active access key(s).", [count(iam.active_keys(user))]), user)
}
