# METADATA
# title: "ECR repository policies do not grant access to everyone"
# description: >-
#   A repository policy statement that allows ECR actions to the principal * lets any AWS account
#   pull (or push) images.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html
# custom:
#   id: AVD-AWS-0032
#   avd_id: AVD-AWS-0032
#   provider: aws
#   impact: >-
#     Any AWS account can pull the images, and with write actions replace them, exposing code and
#     embedded secrets or poisoning deployments.
#   remediation:
#     console: >-
#       ECR console > Repositories > the repository > Permissions > Edit policy JSON: replace the *
#       principal with the accounts or roles that need access.
#     cli: >-
#       aws ecr set-repository-policy --repository-name REPO --policy-text file://policy.json
#       (naming specific principals), or aws ecr delete-repository-policy --repository-name REPO
#     terraform: >-
#       aws_ecr_repository_policy: policy with Principal naming specific account or role ARNs, never
#       "*"
#   service: ecr
#   severity: HIGH
#   short_code: no-public-access
#   recommended_action: "Name the principals that need access instead of *."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ecr
#             provider: aws
package builtin.aws.ecr.aws0032

import rego.v1

deny contains res if {
	some repo in input.aws.ecr.repositories
	some policy in object.get(repo, "policies", [])
	some statement in statements(policy.document.value)
	statement.Effect == "Allow"
	ecr_action(statement)
	public_principal(object.get(statement, "Principal", {}))
	res := result.new(sprintf("Policy of ECR repository '%s' grants access to any principal.", [object.get(repo, ["name", "value"], "")]), policy.document)
}

# "ecr:*", "ecr:BatchGetImage", "*", as a string or in an array (Trivy misses the string form).
ecr_action(statement) if {
	some action in as_array(object.get(statement, "Action", []))
	startswith(lower(action), "ecr:")
}

ecr_action(statement) if "*" in as_array(object.get(statement, "Action", []))

public_principal("*")

public_principal(p) if "*" in as_array(object.get(p, "AWS", []))

# The statements of a policy document (one object or an array); none when it does not parse.
# Local rather than lib.aws.iam, so the check stays loaded when Trivy's lib replaces that package.
statements(text) := [s |
	is_string(text)
	json.is_valid(text)
	doc := json.unmarshal(text)
	is_object(doc)
	some s in as_array(object.get(doc, "Statement", []))
	is_object(s)
]

as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)
